package org.switchboard.funcs;

import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.Channel;
import org.switchboard.core.Channel.GosubFrame;
import org.switchboard.core.DialplanFunction;
import org.switchboard.core.PbxLog;

/** LOCAL_PEEK(n,varname): a variable as it is n Gosub levels up, under the LOCAL()s that hide it. */
public final class LocalPeekFunction implements DialplanFunction {
    @Override public String name() { return "LOCAL_PEEK"; }
    @Override public String synopsis() { return "Retrieve variables hidden by the local gosub stack frame."; }
    @Override public String syntax() { return "LOCAL_PEEK(n,varname)"; }

    @Override
    public String description() {
        return """
                Reads varname as it is hidden by n levels of LOCAL() variables: 0 is the value seen
                now (the same as ${varname}), 1 the value the caller had before this level made it
                local, and so on. Beyond the levels that hide it the result is empty.
                Both arguments are required (an error otherwise).""";
    }

    @Override
    public String read(Channel channel, String args) {
        String[] a = FuncArgs.separate(args, ',', false, 2);
        String n = a[0], name = a[1];
        if (FuncArgs.isEmpty(n) || FuncArgs.isEmpty(name)) {
            PbxLog.error("app_stack.c", "LOCAL_PEEK requires parameters n and varname");
            return "";
        }
        int level = Math.max(0, FuncArgs.atoi(n));
        // the values stacked for the name, newest first, as Asterisk's variable list holds them
        List<String> values = new ArrayList<>();
        String current = channel.getVar(name);
        if (current == null) return "";
        values.add(current);
        for (GosubFrame frame : channel.gosubStack()) {
            if (!frame.savedLocals().containsKey(name)) continue;
            String hidden = frame.savedLocals().get(name);
            if (hidden == null) break;
            values.add(hidden);
        }
        return level < values.size() ? values.get(level) : "";
    }
}
