package org.switchboard.res.agi;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelTech;
import org.switchboard.core.Frame;
import org.switchboard.media.sound.SoundFixture;
import org.switchboard.testing.TestPbx;

/**
 * A call sitting in AGI(agi://...) with the test holding the FastAGI end: the PBX on one side
 * (frames the channel sends are kept), a {@link FastAgiDriver} on the other.
 */
final class AgiCall implements AutoCloseable {
    final SoundFixture sounds;
    final TestPbx t;
    final FastAgiDriver agi = new FastAgiDriver();
    final List<Frame> written = new CopyOnWriteArrayList<>();
    final Channel channel;
    private final Thread pbxThread;

    /** {@code moreDialplan} is added to context ctx, whose s,1 is the AGI and s,2 says {@code @after STATUS}. */
    AgiCall(Path tmp, String moreDialplan) throws IOException {
        sounds = new SoundFixture(tmp);
        t = sounds.pbx("""
                [ctx]
                exten => s,1,AGI(%s)
                 same => n,Verbose(1,@after ${AGISTATUS})
                %s""".formatted(agi.uri("cmd"), moreDialplan));
        Agi.of(t.pbx).setDebug(true);
        ChannelTech tech = new ChannelTech() {
            @Override public void write(Channel c, Frame f) { if (!(f instanceof Frame.VoiceFrame)) written.add(f); }
        };
        channel = t.pbx.allocChannel("Test/cmd-" + t.pbx.channels().nextSuffix(), tech, null);
        channel.setLocation("ctx", "s", 1);
        pbxThread = t.pbx.startPbx(channel);
        agi.accept();
    }

    String command(String line) {
        try {
            return agi.command(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a command, waits until the PBX runs it, then gives the channel {@code input}; returns the answer. */
    String commandWith(String line, Frame... input) {
        try {
            agi.send(line);
            await().atMost(Duration.ofSeconds(10)).until(() -> !t.logLines("AGI Rx << " + line).isEmpty());
            for (Frame f : input) channel.queueFrame(f);
            return agi.answer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Frame[] digits(String digits) {
        Frame[] out = new Frame[digits.length() * 2];
        for (int i = 0; i < digits.length(); i++) {
            out[2 * i] = new Frame.DtmfFrame(digits.charAt(i), false, 0);
            out[2 * i + 1] = new Frame.DtmfFrame(digits.charAt(i), true, 100);
        }
        return out;
    }

    /** Ends the AGI from the server's side and waits for the dialplan to finish. */
    void end() {
        try {
            agi.close();
            pbxThread.join(Duration.ofSeconds(10));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        if (pbxThread.isAlive()) throw new AssertionError("the dialplan did not end");
    }

    /** Names of the prompts played, in order. */
    List<String> played() {
        return t.logLines("> Playing '").stream().map(l -> l.substring(l.indexOf("Playing '") + 9, l.indexOf("' ("))).toList();
    }

    @Override
    public void close() {
        try {
            agi.close();
        } catch (IOException e) {
            // closing anyway
        }
        channel.softHangup(16);
        try {
            pbxThread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        t.close();
    }
}
