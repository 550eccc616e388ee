package org.switchboard.apps;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;

/** Set(name=value): one variable or function write; the value is everything after the first '='. */
public final class SetApp implements Application {
    @Override public String name() { return "Set"; }
    @Override public String synopsis() { return "Set channel variable or function value."; }
    @Override public String syntax() { return "Set(name=value)"; }

    @Override
    public String description() {
        return """
                Sets a channel variable, or writes a dialplan function when name is FUNC(args):
                Set(GLOBAL(x)=1), Set(ARRAY(a,b)=1,2), Set(CALLERID(name)=Front Desk).
                Everything after the first '=' is the value, exactly as written: commas, '|' and
                quotes are kept (use MSet for the old behaviour that strips quotes).
                A name starting with _ is inherited by channels created from this one; with __ it
                is inherited by their children too.
                A missing '=' is a warning and nothing is set; spaces in the name are a warning.""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        if (data == null || data.isEmpty()) {
            PbxLog.warning("pbx_variables.c", "Set requires one variable name/value pair.");
            return Result.CONTINUE;
        }
        int eq = data.indexOf('=');
        if (eq < 0) {
            PbxLog.warning("pbx_variables.c", "Set requires an '=' to be a valid assignment.");
            return Result.CONTINUE;
        }
        String name = data.substring(0, eq);
        String value = data.substring(eq + 1);
        if (name.indexOf(' ') >= 0) {
            PbxLog.warning("pbx_variables.c", "Please avoid unnecessary spaces on variables as it may lead to unexpected results ('"
                    + name + "' set to '" + value + "').");
        }
        channel.pbx().vars().set(channel, name, value);
        return Result.CONTINUE;
    }
}
