package org.switchboard.funcs;

import org.switchboard.apps.GosubApp;
import org.switchboard.core.Channel;
import org.switchboard.core.Channel.GosubFrame;
import org.switchboard.core.DialplanFunction;
import org.switchboard.core.PbxLog;

/** LOCAL(varname): a variable that belongs to the current Gosub level. */
public final class LocalFunction implements DialplanFunction {
    @Override public String name() { return "LOCAL"; }
    @Override public String synopsis() { return "Manage variables local to the gosub stack frame."; }
    @Override public String syntax() { return "LOCAL(varname)"; }

    @Override
    public String description() {
        return """
                Reads or writes a variable local to the current Gosub level. Written, it hides the
                caller's variable of the same name until Return, which brings the caller's value
                (or its absence) back; meanwhile ${varname} reads the local value too.
                Read, it gives the value only when the variable was made local at this level, else
                empty. Writing outside any Gosub is an error and does nothing.""";
    }

    @Override
    public String read(Channel channel, String args) {
        GosubFrame frame = channel.gosubStack().peek();
        if (frame == null || !frame.savedLocals().containsKey(args)) return "";
        String v = channel.getVar(args);
        if (v == null) v = channel.pbx().globals().get(args);
        return v == null ? "" : v;
    }

    @Override public boolean writable() { return true; }

    @Override
    public void write(Channel channel, String args, String value) {
        if (!GosubApp.hasStack(channel)) {
            PbxLog.error("app_stack.c", "Tried to set LOCAL(" + args + "), but we aren't within a Gosub routine");
            return;
        }
        GosubFrame frame = channel.gosubStack().peek();
        if (frame != null) GosubApp.setLocal(channel, frame, args, value);
    }
}
