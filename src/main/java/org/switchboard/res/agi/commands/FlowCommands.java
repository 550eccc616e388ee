package org.switchboard.res.agi.commands;

import java.util.List;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.HangupException;
import org.switchboard.core.PbxLog;
import org.switchboard.dialplan.Dialplan;

/** AGI commands that run dialplan: EXEC, GOSUB; and the ones that only talk: NOOP, VERBOSE, ASYNCAGI BREAK. */
final class FlowCommands {
    private FlowCommands() {}

    static List<AgiCommand> commands() {
        return List.of(
                AgiCommand.of("exec", true, "EXEC APPLICATION OPTIONS", "Executes a given Application", """
                        Executes application with given options (one word: quote it when it holds
                        blanks; commas separate the application's own arguments). Returns whatever the
                        application returns (0, or -1 when it ends the call), or -2 when there is no
                        such application. The options are not substituted unless the channel variable
                        AGIEXECFULL is yes.""", FlowCommands::exec),
                AgiCommand.of("gosub", false, "GOSUB CONTEXT EXTENSION PRIORITY [OPTIONAL-ARGUMENT]",
                        "Cause the channel to execute the specified dialplan subroutine.", """
                        Runs the dialplan subroutine at CONTEXT,EXTENSION,PRIORITY (a number or a label)
                        with the arguments given, until its Return; then the channel is back where it
                        was. Returns 0 Gosub complete, or -1 Gosub label not found.""", FlowCommands::gosub),
                AgiCommand.of("noop", true, "NOOP", "Does nothing.", "Does nothing. Returns 0.",
                        (s, argv) -> AgiResult.result(0)),
                AgiCommand.of("verbose", true, "VERBOSE MESSAGE LEVEL", "Logs a message to the asterisk verbose log.", """
                        Sends MESSAGE to the console via the verbose message system. LEVEL is the
                        verbose level (1-4). Returns 1.""", FlowCommands::verbose),
                AgiCommand.of("asyncagi break", true, "ASYNCAGI BREAK", "Interrupts Async AGI", """
                        Interrupts expected flow of Async AGI commands and returns control to previous
                        source (typically, the PBX dialplan). Returns 0.""",
                        (s, argv) -> new AgiResult("200 result=0", AgiResult.Outcome.ASYNC_BREAK)));
    }

    private static AgiResult exec(AgiContext s, List<String> argv) {
        if (argv.size() < 2) return null;
        String appName = argv.get(1);
        String options = argv.size() >= 3 ? argv.get(2) : "";
        PbxLog.verbose(3, "AGI Script Executing Application: (" + appName + ") Options: (" + options + ")");
        Application app = s.pbx().modules().application(appName);
        if (app == null) {
            PbxLog.warning("res_agi.c", "Could not find application (" + appName + ")");
            return AgiResult.ok("200 result=-2");
        }
        Channel c = s.channel();
        if (isTrue(s.pbx().vars().get(c, "AGIEXECFULL"))) options = s.pbx().substitute(c, options);
        Application.Result r = s.pbx().execute(c, app, options);
        // Asterisk answers -1 and carries on: the application's hangup (if it did one) ends AGI next
        return AgiResult.ok("200 result=" + (r == Application.Result.HANGUP ? -1 : 0));
    }

    private static AgiResult gosub(AgiContext s, List<String> argv) {
        if (argv.size() < 4 || argv.size() > 5) return null;
        Channel c = s.channel();
        String context = argv.get(1), exten = argv.get(2), prio = argv.get(3);
        Dialplan dp = s.pbx().dialplan();
        Integer n = AgiNumbers.scanInt(prio);
        if (n == null || n < 1) {
            Dialplan.Found f = dp.findLabel(context, exten, prio, c.callerId().number());
            if (f == null) {
                PbxLog.error("app_stack.c", "Priority '" + prio + "' not found in '" + exten + "@" + context + "'");
                return AgiResult.failed("200 result=-1 Gosub label not found");
            }
            n = f.priority().number();
        } else if (!dp.exists(context, exten, n, c.callerId().number())) {
            return AgiResult.failed("200 result=-1 Gosub label not found");
        }
        String data = context + "," + exten + "," + n + (argv.size() == 5 ? "(" + argv.get(4) + ")" : "");
        String oldContext = c.context(), oldExten = c.exten();
        int oldPriority = c.priority();
        boolean wasJumped = c.takeJumped();   // a SET PRIORITY before the GOSUB still holds after it
        try {
            s.pbx().runSubroutine(c, data);
        } catch (HangupException e) {
            // the routine ran until the hangup; AGI sees it next
        } finally {
            c.setLocation(oldContext, oldExten, oldPriority);
            c.takeJumped();
            if (wasJumped) c.jumpTo(null, null, oldPriority);
        }
        return AgiResult.ok("200 result=0 Gosub complete");
    }

    private static AgiResult verbose(AgiContext s, List<String> argv) {
        if (argv.size() < 2) return null;
        int level = argv.size() > 2 ? Math.max(0, AgiNumbers.atoi(argv.get(2))) : 0;
        PbxLog.verbose(level, s.appData() + ": " + argv.get(1));
        return AgiResult.result(1);
    }

    /** ast_true. */
    private static boolean isTrue(String v) {
        return v != null && switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "yes", "true", "y", "t", "1", "on" -> true;
            default -> false;
        };
    }
}
