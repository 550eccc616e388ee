package org.switchboard.apps;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.Frame;
import org.switchboard.core.MediaStream;

/** Echo(): send the caller's audio and digits back to the caller (app_echo). */
public final class EchoApp implements Application {
    @Override public String name() { return "Echo"; }
    @Override public String synopsis() { return "Echo media, DTMF back to the calling party"; }
    @Override public String syntax() { return "Echo()"; }

    @Override
    public String description() {
        return """
                Echoes back every audio frame, DTMF digit and text the caller sends, so the caller
                hears themselves (to test latency and audio). A # ends the echo (after being
                echoed too) and the dialplan goes on; a hangup ends the call. The channel is not
                answered by Echo.""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        // a packet stream that can turn the media around itself (RTP back to its sender, no
        // decoding) does; digits, text and the hangup still come through here
        MediaStream media = channel.tech().mediaStream(channel);
        boolean nativeEcho = media != null && media.echo();
        try {
            return echo(channel);
        } finally {
            if (nativeEcho) media.endRelay();
        }
    }

    private static Result echo(Channel channel) {
        for (;;) {
            Frame f = channel.read(-1);
            switch (f) {
                case Frame.VoiceFrame v -> channel.write(v);
                case Frame.TextFrame t -> channel.write(t);
                case Frame.DtmfFrame d -> {
                    channel.write(d);
                    if (d.end() && d.digit() == '#') return Result.CONTINUE;
                }
                default -> { }
            }
        }
    }
}
