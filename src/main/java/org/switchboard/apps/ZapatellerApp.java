package org.switchboard.apps;

import java.io.ByteArrayOutputStream;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelState;
import org.switchboard.core.HangupException;
import org.switchboard.media.sound.SoundFile;
import org.switchboard.media.sound.SoundFormat;
import org.switchboard.media.sound.SoundPlayer;
import org.switchboard.media.sound.ToneGenerator;

/** Zapateller(options): play the special information tone that autodialers take for a dead line (app_zapateller). */
public final class ZapatellerApp implements Application {
    /** ast_tonepair's default volume. */
    private static final double TONEPAIR_AMPLITUDE = 8192;
    /** SIT (ITU-T E.180 annex: 950, 1400, 1800 Hz) as Zapateller plays it: 330 ms each, then 1 s of silence. */
    private static final String SIT = "!950/330,!1400/330,!1800/330,!0/1000";

    @Override public String name() { return "Zapateller"; }
    @Override public String synopsis() { return "Block telemarketers with SIT."; }
    @Override public String syntax() { return "Zapateller(options)"; }

    @Override
    public String description() {
        return """
                Plays the special information tone (950, 1400 and 1800 Hz, 330 ms each, then a
                second of silence), which autodialers take for a number not in service. On a
                channel that is not up it first waits half a second.
                Options, separated by commas:
                  answer      answer the channel before the tone
                  nocallerid  play the tone only when the caller sent no caller ID number
                Sets ZAPATELLERSTATUS to NOTHING, ANSWERED (answered, no tone) or ZAPPED.""";
    }

    @Override
    public Result execute(Channel c, String data) {
        boolean answer = false, noCallerId = false;
        for (String o : AppSupport.separate(data == null ? "" : data, ',', true, 2)) {
            if (o.equalsIgnoreCase("answer")) answer = true;
            else if (o.equalsIgnoreCase("nocallerid")) noCallerId = true;
        }
        c.setVar("ZAPATELLERSTATUS", "NOTHING");
        boolean hasCallerId = !AppSupport.isEmpty(c.callerId().number());
        try {
            if (c.state() != ChannelState.UP) {
                if (answer) {
                    c.answer();
                    c.setVar("ZAPATELLERSTATUS", "ANSWERED");
                }
                c.sleep(500);
            }
            if (noCallerId && hasCallerId) return Result.CONTINUE;
            SoundPlayer.play(c, sit(), SoundPlayer.NO_DIGIT);
        } catch (HangupException e) {
            if (!(noCallerId && hasCallerId)) c.setVar("ZAPATELLERSTATUS", "ZAPPED");
            throw e;
        }
        c.setVar("ZAPATELLERSTATUS", "ZAPPED");
        return Result.CONTINUE;
    }

    /** The whole tone as one sound, so it plays paced like a prompt and a hangup stops it. */
    static SoundFile sit() {
        ToneGenerator g = new ToneGenerator(ToneGenerator.parse(SIT), TONEPAIR_AMPLITUDE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] frame; (frame = g.nextFrame()) != null; ) out.writeBytes(frame);
        return new SoundFile(null, SoundFormat.WAV, out.toByteArray());
    }
}
