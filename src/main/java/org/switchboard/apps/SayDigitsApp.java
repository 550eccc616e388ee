package org.switchboard.apps;

import java.util.List;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;

/** SayDigits(digits): say digits one by one. */
public final class SayDigitsApp implements Application {
    @Override public String name() { return "SayDigits"; }
    @Override public String synopsis() { return "Say Digits."; }
    @Override public String syntax() { return "SayDigits(digits)"; }

    @Override
    public String description() {
        return """
                Says the digits one at a time in the channel's language (digits/N); * is said as
                star, # as pound and - as minus, other characters are skipped. The channel is not
                answered. When SAY_DTMF_INTERRUPT is true a digit stops it and the caller goes to
                the extension dialed, as after Background.""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        String digits = AppSupport.arg(AppSupport.separate(data, ',', true, 1), 0);
        if (AppSupport.isEmpty(digits)) return Result.CONTINUE;
        List<String> files = SayFiles.digits(digits);
        return SayFiles.say(channel, files, null);
    }
}
