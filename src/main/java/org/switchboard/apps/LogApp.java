package org.switchboard.apps;

import java.util.List;
import java.util.Locale;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;

/** Log(level,message): a line in the log at the given level. */
public final class LogApp implements Application {
    @Override public String name() { return "Log"; }
    @Override public String synopsis() { return "Send arbitrary text to a selected log level."; }
    @Override public String syntax() { return "Log(level,message)"; }

    @Override
    public String description() {
        return """
                Writes the message to the log at level ERROR, WARNING, NOTICE, DEBUG, VERBOSE or DTMF
                (any case). Instead of a source file the line names where the dialplan is, as
                Asterisk does: 'Ext. <exten>:<priority> @ <context>: message'. An unknown level is
                an error in the log and nothing else is written. DTMF lines are written at DEBUG.""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        if (data == null || data.isEmpty()) return Result.CONTINUE;
        List<String> args = AppSupport.separate(data, ',', true, 2);
        String level = args.get(0);
        String msg = args.size() > 1 ? args.get(1) : "";
        PbxLog.Level lnum = switch (level.toUpperCase(Locale.ROOT)) {
            case "ERROR" -> PbxLog.Level.ERROR;
            case "WARNING" -> PbxLog.Level.WARNING;
            case "NOTICE" -> PbxLog.Level.NOTICE;
            case "DEBUG", "DTMF" -> PbxLog.Level.DEBUG;
            case "VERBOSE" -> PbxLog.Level.VERBOSE;
            default -> null;
        };
        if (lnum == null) {
            PbxLog.error("app_verbose.c", "Unknown log level: '" + level + "'");
            return Result.CONTINUE;
        }
        PbxLog.log(lnum, "Ext. " + channel.exten() + ":" + channel.priority() + " @ " + channel.context(), msg);
        return Result.CONTINUE;
    }
}
