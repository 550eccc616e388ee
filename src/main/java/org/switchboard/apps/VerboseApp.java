package org.switchboard.apps;

import java.util.List;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;

/** Verbose([level,]message): a line on the verbose console. */
public final class VerboseApp implements Application {
    @Override public String name() { return "Verbose"; }
    @Override public String synopsis() { return "Send arbitrary text to verbose output."; }
    @Override public String syntax() { return "Verbose([level,]message)"; }

    @Override
    public String description() {
        return """
                Writes the message to the verbose console log when the console's verbosity is at
                least level. level is a whole number, 0 when omitted; above 4 it counts as 4. The
                line gets the prefix of its level as Asterisk prints it (none for 0 and 1, '  == '
                for 2, '    -- ' for 3, '       > ' for 4). A level that is not a number is a
                warning and counts as 0.""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        if (data == null || data.isEmpty()) return Result.CONTINUE;
        List<String> args = AppSupport.separate(data, ',', true, 2);
        String level;
        String msg;
        if (args.size() == 1) {
            level = "0";
            msg = args.get(0);
        } else {
            level = args.get(0);
            msg = args.get(1);
        }
        int v = verbosity(level);
        PbxLog.verbose(v, msg);
        return Result.CONTINUE;
    }

    /** sscanf %u: a leading unsigned number (a minus sign wraps around to a huge one), at most 4. */
    private static int verbosity(String level) {
        Integer n = AppSupport.leadingInt(level);
        if (n == null) {
            PbxLog.warning("app_verbose.c", "'" + level + "' is not a verboser number");
            return 0;
        }
        return n < 0 || n > 4 ? 4 : n;
    }
}
