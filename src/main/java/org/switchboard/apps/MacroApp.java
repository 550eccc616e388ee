package org.switchboard.apps;

import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;
import org.switchboard.dialplan.Dialplan;

/**
 * Macro(name[,arg1[,arg2[,...]]]): run the {@code macro-name} context's {@code s} extension and
 * come back. Deprecated in Asterisk in favour of Gosub, still common in old dialplans. Like
 * Asterisk, it runs the macro's priorities itself, on the channel's thread.
 */
public final class MacroApp implements Application {
    /** Channels running a macro carry this; MacroExit marks it so the macro loop knows why it stopped. */
    static final class State implements AutoCloseable {
        static final Object KEY = new Object() {
            @Override public String toString() { return "MACRO"; }
        };
        volatile boolean exitRequested;

        @Override public void close() { }
    }

    private static final int MAX_ARGS = 80;

    @Override public String name() { return "Macro"; }
    @Override public String synopsis() { return "Macro Implementation."; }
    @Override public String syntax() { return "Macro(name[,arg1[,arg2[,...]]])"; }

    @Override
    public String description() {
        return """
                Runs the 's' extension of the context macro-<name>, priority after priority, then
                returns to the priority after the Macro. The caller's extension, context and
                priority are in MACRO_EXTEN, MACRO_CONTEXT and MACRO_PRIORITY; the arguments
                (split on every comma) become ARG1, ARG2, ...; the caller's values of all of these
                come back afterwards.
                A Goto out of the macro context ends the macro and the dialplan continues at the
                Goto's target. MacroExit ends the macro early. If MACRO_OFFSET is set when the
                macro ends, the dialplan continues at priority MACRO_OFFSET + N + 1 (N the Macro's
                own priority) if that exists, else at N + 1.
                Macros nest at most 7 deep (MACRO_RECURSION changes the limit); deeper calls are
                an error and return at once. Deprecated: use Gosub, which has none of these limits.
                WaitExten inside a macro does not work as expected; use Read.""";
    }

    @Override
    public Result execute(Channel c, String data) {
        if (data == null || data.isEmpty()) {
            PbxLog.warning("app_macro.c", "Macro() requires arguments. See \"core show application macro\" for help.");
            return Result.HANGUP;
        }
        State state = c.datastore(State.KEY);
        if (state == null) {
            state = new State();
            c.putDatastore(State.KEY, state);
        }
        int maxDepth = 7;
        Integer r = AppSupport.leadingInt(var(c, "MACRO_RECURSION"));
        if (r != null) maxDepth = r;
        Integer d = AppSupport.leadingInt(var(c, "MACRO_DEPTH"));
        int depth = d == null ? 0 : d;
        if (c.exten().equals("h")) c.setVar("MACRO_IN_HANGUP", "1");
        Integer ih = AppSupport.leadingInt(var(c, "MACRO_IN_HANGUP"));
        boolean inHangup = ih != null && ih != 0;
        if (depth >= maxDepth) {
            PbxLog.error("app_macro.c", "Macro():  possible infinite loop detected.  Returning early.");
            return Result.CONTINUE;
        }
        String depthText = Integer.toString(depth + 1);

        // plain strsep on ',': the macro's arguments are split on every comma
        String[] parts = data.split(",", -1);
        String macro = parts[0];
        if (macro.isEmpty()) {
            PbxLog.warning("app_macro.c", "Invalid macro name specified");
            return Result.CONTINUE;
        }
        String fullMacro = "macro-" + macro;
        Dialplan dp = c.pbx().dialplan();
        if (!AppSupport.exists(c, fullMacro, "s", 1)) {
            if (dp.context(fullMacro) == null) {
                PbxLog.warning("app_macro.c", "No such context '" + fullMacro + "' for macro '" + macro + "'. Was called by "
                        + c.exten() + "@" + c.context());
            } else {
                PbxLog.warning("app_macro.c", "Context '" + fullMacro + "' for macro '" + macro + "' lacks 's' extension, priority 1");
            }
            return Result.CONTINUE;
        }

        String oldContext = c.context();
        String oldExten = c.exten();
        int oldPriority = c.priority();
        String saveExten = c.getVar("MACRO_EXTEN");
        String saveContext = c.getVar("MACRO_CONTEXT");
        String savePriority = c.getVar("MACRO_PRIORITY");
        String saveOffset = c.getVar("MACRO_OFFSET");
        c.setVar("MACRO_EXTEN", oldExten);
        c.setVar("MACRO_CONTEXT", oldContext);
        c.setVar("MACRO_PRIORITY", Integer.toString(oldPriority));
        c.unsetVar("MACRO_OFFSET");
        c.setVar("MACRO_DEPTH", depthText);
        c.setLocation(fullMacro, "s", 1);

        List<String> oldArgs = new ArrayList<>();
        for (int i = 1; i < parts.length && i < MAX_ARGS; i++) {
            String name = "ARG" + i;
            oldArgs.add(c.getVar(name));
            c.setVar(name, parts[i]);
        }

        int gosubBase = c.gosubStack().size();
        Result res = Result.CONTINUE;
        boolean jumpedOut = false;
        int returnPriority = 0;
        try {
            for (;;) {
                Dialplan.Found f = AppSupport.current(c);
                if (f == null) break;
                c.setVar("MACRO_DEPTH", depthText);
                state.exitRequested = false;
                String ctx = c.context();
                String ext = c.exten();
                int prio = c.priority();
                Result step = AppSupport.runPriority(c, f);
                boolean jumped = AppSupport.takeJumped(c, ctx, ext, prio);
                if (step == Result.HANGUP) {
                    if (state.exitRequested) {
                        state.exitRequested = false;
                        break;
                    }
                    PbxLog.verbose(2, "Spawn extension (" + c.context() + ", " + c.exten() + ", " + c.priority()
                            + ") exited non-zero on '" + c.name() + "' in macro '" + macro + "'");
                    res = Result.HANGUP;
                    break;
                }
                // a Goto out of the macro context ends the macro, unless it happened inside a Gosub
                if (c.gosubStack().size() == gosubBase && !c.context().equalsIgnoreCase(fullMacro)) {
                    PbxLog.verbose(2, "Channel '" + c.name() + "' jumping out of macro '" + macro + "'");
                    jumpedOut = true;
                    break;
                }
                if (c.isHangupRequested() && !inHangup) break;
                if (!jumped) c.setLocation(null, null, c.priority() + 1);
            }
        } finally {
            AppSupport.takeJumped(c, c.context(), c.exten(), c.priority());
            c.setVar("MACRO_DEPTH", Integer.toString(depth));
            for (int i = 0; i < oldArgs.size(); i++) restore(c, "ARG" + (i + 1), oldArgs.get(i));
            restore(c, "MACRO_EXTEN", saveExten);
            restore(c, "MACRO_CONTEXT", saveContext);
            restore(c, "MACRO_PRIORITY", savePriority);
            if (c.context().equalsIgnoreCase(fullMacro)) {
                // leaving normally: back to the caller (also when unwinding, so h runs in the caller's context)
                returnPriority = oldPriority;
                Integer offset = AppSupport.leadingInt(c.getVar("MACRO_OFFSET"));
                if (offset != null && AppSupport.exists(c, oldContext, oldExten, oldPriority + offset + 1)) {
                    returnPriority = oldPriority + offset;
                }
                c.setLocation(oldContext, oldExten, returnPriority);
            }
            restore(c, "MACRO_OFFSET", saveOffset);
        }
        if (jumpedOut) {
            // out of the macro by a Goto: the dialplan goes on exactly at its target
            c.jumpTo(c.context(), c.exten(), c.priority());
        } else if (returnPriority > 0 && res == Result.CONTINUE) {
            // the priority after the Macro (or after MACRO_OFFSET more), whatever loop runs us
            c.jumpTo(oldContext, oldExten, returnPriority + 1);
        }
        return res;
    }

    /** pbx_builtin_getvar_helper: a channel variable, else a global. */
    private static String var(Channel c, String name) {
        String v = c.getVar(name);
        return v != null ? v : c.pbx().globals().get(name);
    }

    /** pbx_builtin_setvar_helper with a saved value: null deletes the variable. */
    private static void restore(Channel c, String name, String value) {
        if (value == null) {
            c.unsetVar(name);
        } else {
            c.setVar(name, value);
        }
    }
}
