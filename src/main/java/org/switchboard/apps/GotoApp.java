package org.switchboard.apps;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;
import org.switchboard.dialplan.Dialplan;
import org.switchboard.dialplan.DialplanLocation;

/** Goto([[context,]extension,]priority): continue somewhere else in the dialplan. */
public final class GotoApp implements Application {
    @Override public String name() { return "Goto"; }
    @Override public String synopsis() { return "Jump to a particular priority, extension, or context."; }
    @Override public String syntax() { return "Goto([[context,]extension,]priority)"; }

    @Override
    public String description() {
        return """
                Sets the channel's context, extension and priority; the dialplan continues there.
                With only a priority the jump stays in the current extension; with extension and
                priority it stays in the current context. The priority is a number, a label of the
                target extension, or +N / -N relative to the current priority.
                Without a priority (or with a label that does not exist) the call is hung up.
                A target that does not exist is treated like any bogus location: the 'i'
                extension of the context runs if there is one, otherwise the call ends - so
                jumping into a context that does not exist ends the call.""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        return jump(channel, data) ? Result.CONTINUE : Result.HANGUP;
    }

    /** A resolved goto: null context or extension means "the channel's current one". */
    record Target(String context, String exten, int priority) {
        String contextOr(Channel c) { return context == null || context.isEmpty() ? c.context() : context; }
        String extenOr(Channel c) { return exten == null || exten.isEmpty() ? c.exten() : exten; }
    }

    /**
     * pbx_builtin_goto: parses {@code [[context,]exten,]priority}, jumps and logs
     * {@code Goto (ctx,exten,prio)}.
     *
     * @return false when the goto could not be parsed (the caller hangs up, as Asterisk's -1 does)
     */
    static boolean jump(Channel c, String gotoString) {
        Target t = parse(c, gotoString);
        if (t == null) return false;
        c.jumpTo(t.context(), t.exten(), t.priority());
        PbxLog.verbose(3, "Goto (" + c.context() + "," + c.exten() + "," + c.priority() + ")");
        return true;
    }

    /** ast_parseable_goto without the log line: jumps, or returns false after the warning. */
    static boolean jumpQuietly(Channel c, String gotoString) {
        Target t = parse(c, gotoString);
        if (t == null) return false;
        c.jumpTo(t.context(), t.exten(), t.priority());
        return true;
    }

    /**
     * Reads {@code [[context,]exten,]priority} the way ast_parseable_goto does: the priority may be
     * a number, {@code +N}/{@code -N} (relative to the current priority) or a label looked up in the
     * target extension. Logs Asterisk's warning and returns null when it cannot be read.
     */
    static Target parse(Channel c, String gotoString) {
        if (gotoString == null || gotoString.isEmpty()) {
            PbxLog.warning("pbx.c", "Goto requires an argument ([[context,]extension,]priority)");
            return null;
        }
        DialplanLocation at = DialplanLocation.parse(gotoString);
        String context = at.context(), exten = at.exten(), pri = at.priority();
        int mode = at.direction();
        Integer number = AppSupport.leadingInt(pri);
        int ipri;
        if (number == null) {
            Dialplan.Found f = c.pbx().dialplan().findLabel(context != null ? context : c.context(),
                    exten != null ? exten : c.exten(), pri, c.callerId().number());
            if (f == null && exten == null && mode == 0
                    && c.pbx().dialplan().exists(c.context(), pri, 1, c.callerId().number())) {
                // Ours, not Asterisk's: Skype for Asterisk's own examples write GotoIf(...?no_more_buddies)
                // for the extension no_more_buddies. Asterisk would fail here; we go to its priority 1.
                PbxLog.notice("pbx.c", "'" + pri + "' is not a label of extension '" + c.exten() + "'; going to extension '"
                        + pri + "' priority 1 in context '" + c.context() + "'");
                return new Target(null, pri, 1);
            }
            if (f == null) {
                PbxLog.warning("pbx.c", "Priority '" + pri + "' must be a number > 0, or valid label");
                return null;
            }
            ipri = f.priority().number();
            mode = 0;
        } else {
            ipri = number;
        }
        if (mode != 0) ipri = c.priority() + ipri * mode;
        return new Target(context, exten, ipri);
    }
}
