package org.switchboard.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Channel;
import org.switchboard.core.Frame;
import org.switchboard.media.sound.SoundFixture;
import org.switchboard.testing.TestPbx;

/**
 * A recording survives wake-ups: a channel redirected thousands of times while it records (each
 * redirect ends Record, which starts again appending) keeps every sample it was sent, and the WAV
 * header says so. With interrupts as wake-ups, one landing in a write closed the file and the
 * recording ended with ERROR and no header. Record runs quiet (q): its beep, as in Asterisk,
 * swallows what arrives while it plays, so a late redirect would eat the closing #.
 */
class RecordWakeupTest {
    private static final int FRAMES = 3_000;
    private static final int REDIRECTS = 2_000;

    @TempDir Path tmp;
    private TestPbx t;
    private Channel caller;

    @AfterEach
    void stop() {
        if (caller != null) caller.hangup();
        if (t != null) t.close();
    }

    @Test
    void everySampleSentWhileTheChannelIsWokenThousandsOfTimesIsInTheFile() throws Exception {
        SoundFixture fx = new SoundFixture(tmp);
        t = fx.pbx("""
                [globals]
                STARTS=0
                [ctx]
                exten => s,1,Set(GLOBAL(STARTS)=$[${STARTS} + 1])
                 same => n,Record(msg/long.wav,0,0,akq)
                 same => n,Set(GLOBAL(AFTER)=${RECORD_STATUS})
                exten => h,1,Set(GLOBAL(AT_H)=${RECORD_STATUS})
                """);
        caller = SoundFixture.call(t, "s", "ctx");
        // Record has opened its file (a log line could come from another test's PBX still closing)
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(fx.sounds.resolve("msg/long.wav")));
        Channel recording = t.pbx.channels().all().stream().filter(c -> c.name().endsWith(";2")).findFirst().orElseThrow();

        Thread redirector = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < REDIRECTS && !recording.isDestroyed(); i++) {
                recording.asyncGoto("ctx", "s", 1);
                Thread.yield();
            }
        });
        byte[] frame = new byte[320];
        for (int i = 0; i < FRAMES; i++) {
            ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).putShort(0, (short) (i + 1)); // no silence
            caller.write(new Frame.VoiceFrame("slin", frame.clone(), 160));
        }
        redirector.join();
        SoundFixture.dtmf(caller, '#');
        SoundFixture.voiceUntilHangup(caller, 10_000);

        // what the dialplan saw, not log lines (the console's verbosity is process-wide)
        await().atMost(Duration.ofSeconds(10)).until(() -> t.pbx.globals().get("AT_H") != null);
        assertThat(t.pbx.globals().get("AFTER")).isEqualTo("DTMF"); // never ERROR
        assertThat(t.pbx.globals().get("AT_H")).isEqualTo("DTMF");
        assertThat(Integer.parseInt(t.pbx.globals().get("STARTS"))).isGreaterThan(1); // the redirects did end Record
        byte[] wav = Files.readAllBytes(fx.sounds.resolve("msg/long.wav"));
        ByteBuffer h = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(h.getInt(40)).as("the header's data size").isEqualTo(wav.length - 44);
        assertThat(wav.length - 44).as("every sample sent").isEqualTo(FRAMES * 320);
        for (int i = 0; i < FRAMES; i++) {
            assertThat(h.getShort(44 + i * 320)).as("frame %d in order", i).isEqualTo((short) (i + 1));
        }
    }

}
