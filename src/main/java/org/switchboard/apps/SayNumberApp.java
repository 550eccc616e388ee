package org.switchboard.apps;

import java.util.List;
import java.util.Locale;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;

/** SayNumber(digits[,gender]): say a number. */
public final class SayNumberApp implements Application {
    @Override public String name() { return "SayNumber"; }
    @Override public String synopsis() { return "Say Number."; }
    @Override public String syntax() { return "SayNumber(digits[,gender])"; }

    @Override
    public String description() {
        return """
                Says the number in the channel's language with the prompts digits/0 to digits/19,
                digits/20 ... digits/90, digits/hundred, digits/thousand, digits/million and
                digits/minus (123 is one hundred twenty three). Numbers of a billion and more
                cannot be said. gender is f, m, c or n for languages that need it. The channel is
                not answered. When SAY_DTMF_INTERRUPT is true a digit stops it and the caller goes
                to the extension dialed, as after Background.""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        if (AppSupport.isEmpty(data)) {
            PbxLog.warning("pbx_builtins.c", "SayNumber requires an argument (number)");
            return Result.HANGUP;
        }
        List<String> args = AppSupport.separate(data, ',', true, 2);
        String text = AppSupport.arg(args, 0);
        Integer number = AppSupport.leadingInt(text);
        if (number == null) {
            PbxLog.warning("pbx_builtins.c", "argument '" + text + "' to SayNumber could not be parsed as a number.");
            return Result.CONTINUE;
        }
        String gender = AppSupport.arg(args, 1);
        if (gender != null && !List.of("f", "m", "c", "n").contains(gender.toLowerCase(Locale.ROOT))) {
            PbxLog.warning("pbx_builtins.c", "SayNumber gender option is either 'f', 'm', 'c' or 'n'");
            return Result.HANGUP;
        }
        List<String> files = SayFiles.number(number);
        boolean[] failed = new boolean[1];
        Result r = files == null ? Result.CONTINUE : SayFiles.say(channel, files, failed);
        if (files == null || failed[0]) {
            PbxLog.warning("pbx_builtins.c", "We were unable to say the number " + text + ", is it too large?");
        }
        return r;
    }
}
