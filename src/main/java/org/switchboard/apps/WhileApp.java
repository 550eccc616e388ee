package org.switchboard.apps;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;
import org.switchboard.dialplan.Dialplan;

/**
 * While(expr): the top of a loop that ends at the matching EndWhile. The loop state lives in
 * channel variables exactly as app_while keeps it, so nested loops and dialplans that read them
 * behave the same: {@code WHILE_n} holds {@code context,exten,priority} of the n-th open While,
 * {@code END_WHILE_n} where its EndWhile continues, and {@code <context>_<exten>_<priority>} the
 * index a While line was given.
 */
public final class WhileApp implements Application {
    static final int START = 0;
    static final int END = 1;
    static final int EXIT = 2;

    @Override public String name() { return "While"; }
    @Override public String synopsis() { return "Start a while loop."; }
    @Override public String syntax() { return "While(expr)"; }

    @Override
    public String description() {
        return """
                Starts a loop: while expr is true (not empty and not 0) the priorities up to the
                matching EndWhile run, and EndWhile comes back here to test expr again. When expr
                is false the dialplan continues after the matching EndWhile, found by counting
                nested While/EndWhile pairs in the following priorities of this extension.
                Without a matching EndWhile that is a warning and the dialplan simply goes on.
                The loop's bookkeeping is in the channel variables WHILE_n and END_WHILE_n.""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        run(channel, data, START);
        return Result.CONTINUE;
    }

    /** _while_exec: {@code end} is START for While, END for EndWhile, EXIT for ExitWhile. */
    static void run(Channel c, String data, int end) {
        int used = -1;
        for (int x = 0; var(c, "WHILE_" + x) != null; x++) used = x;
        String usedIndex = Integer.toString(used);
        String newIndex = Integer.toString(used + 1);
        String myName = c.context() + "_" + c.exten() + "_" + c.priority();
        String label;
        if (end != START) {
            label = usedIndex;
        } else {
            label = var(c, myName);
            if (label == null) {
                label = newIndex;
                c.setVar(myName, label);
            }
        }
        String varName = "WHILE_" + label;
        String endVarName = "END_" + varName;
        String whilePri = var(c, varName);

        if ((end == START && !AppSupport.checkCondition(data)) || end == EXIT) {
            // the loop is over: clean up and continue after its EndWhile
            c.unsetVar(varName);
            c.unsetVar(myName);
            String gotoStr = var(c, endVarName);
            if (gotoStr != null) {
                GotoApp.jumpQuietly(c, gotoStr);
                c.unsetVar(endVarName);
            } else {
                int pri = findMatchingEndWhile(c);
                if (pri > 0) {
                    PbxLog.verbose(3, "Jumping to priority " + pri);
                    c.jumpTo(null, null, pri + 1);
                } else {
                    PbxLog.warning("app_while.c", "Couldn't find matching EndWhile? (While at " + c.context() + "@" + c.exten()
                            + " priority " + c.priority() + ")");
                }
            }
            return;
        }
        if (end == START && whilePri == null) {
            c.setVar(varName, c.context() + "," + c.exten() + "," + c.priority());
        } else if (end == END && whilePri != null) {
            if (var(c, endVarName) == null) {
                c.setVar(endVarName, c.context() + "," + c.exten() + "," + (c.priority() + 1));
            }
            GotoApp.jumpQuietly(c, whilePri);
        }
    }

    /** The index of the innermost open loop's While location, or null. */
    static String innermostWhile(Channel c) {
        String pri = null;
        for (int x = 0; ; x++) {
            String v = var(c, "WHILE_" + x);
            if (v == null) return pri;
            pri = v;
        }
    }

    /** find_matching_endwhile: counts While/EndWhile in the priorities after this one. */
    private static int findMatchingEndWhile(Channel c) {
        Dialplan dp = c.pbx().dialplan();
        String cid = c.callerId().number();
        int level = 1;
        for (int p = c.priority() + 1; ; p++) {
            Dialplan.Found f = dp.find(c.context(), c.exten(), p, cid);
            if (f == null) return -1;
            String app = f.priority().application();
            if (app.equalsIgnoreCase("While")) {
                level++;
            } else if (app.equalsIgnoreCase("EndWhile")) {
                level--;
            }
            if (level == 0) return p;
        }
    }

    /** pbx_builtin_getvar_helper: a channel variable, else a global. */
    private static String var(Channel c, String name) {
        String v = c.getVar(name);
        return v != null ? v : c.pbx().globals().get(name);
    }
}
