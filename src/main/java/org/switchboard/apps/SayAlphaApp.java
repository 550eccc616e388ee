package org.switchboard.apps;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;

/** SayAlpha(string): spell a string. */
public final class SayAlphaApp implements Application {
    @Override public String name() { return "SayAlpha"; }
    @Override public String synopsis() { return "Say Alpha."; }
    @Override public String syntax() { return "SayAlpha(string)"; }

    @Override
    public String description() {
        return """
                Spells the string character by character in the channel's language: letters as
                letters/x, digits as digits/N, and signs by name (letters/at, letters/dot,
                letters/dash, letters/slash, digits/star, digits/pound, ...). The channel is not
                answered. When SAY_DTMF_INTERRUPT is true a digit stops it and the caller goes to
                the extension dialed, as after Background.""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        String text = AppSupport.arg(AppSupport.separate(data, ',', true, 1), 0);
        if (AppSupport.isEmpty(text)) return Result.CONTINUE;
        return SayFiles.say(channel, SayFiles.alpha(text), null);
    }
}
