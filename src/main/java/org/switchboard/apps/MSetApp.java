package org.switchboard.apps;

import java.util.List;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;

/** MSet(name1=value1[,name2=value2[,...]]): several assignments, quotes stripped. */
public final class MSetApp implements Application {
    @Override public String name() { return "MSet"; }
    @Override public String synopsis() { return "Set channel variable(s) or function value(s)."; }
    @Override public String syntax() { return "MSet(name1=value1[,name2=value2[,...]])"; }

    @Override
    public String description() {
        return """
                Sets up to 99 channel variables or function values at once. Arguments are split
                the old way: on commas, with surrounding double quotes removed and a backslash
                making the next character literal, so a comma inside a value must be written \\,
                or the value quoted. Prefer Set, which takes its value as written.
                A name starting with _ or __ is inherited as with Set. An entry without '=' is a
                warning and is skipped.""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        if (data == null || data.isEmpty()) {
            PbxLog.warning("pbx_variables.c", "MSet requires at least one variable name/value pair.");
            return Result.CONTINUE;
        }
        for (String pairText : AppSupport.separate(data, ',', true, 99)) {
            List<String> pair = AppSupport.separate(pairText, '=', true, 2);
            if (pair.size() == 2) {
                channel.pbx().vars().set(channel, pair.get(0), pair.get(1));
                if (pair.get(0).indexOf(' ') >= 0) {
                    PbxLog.warning("pbx_variables.c", "Please avoid unnecessary spaces on variables as it may lead to unexpected results ('"
                            + pair.get(0) + "' set to '" + pair.get(1) + "').");
                }
            } else {
                PbxLog.warning("pbx_variables.c", "MSet: ignoring entry '" + (pair.isEmpty() ? "" : pair.get(0)) + "' with no '=' (in "
                        + channel.exten() + "@" + channel.context() + ":" + channel.priority());
            }
        }
        return Result.CONTINUE;
    }
}
