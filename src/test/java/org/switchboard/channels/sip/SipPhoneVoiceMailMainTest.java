package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.switchboard.channels.sip.SipPhoneKit.T;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.codec.WavFile;
import org.switchboard.testing.BaresipPhone;
import org.switchboard.testing.ToneAudio;

/**
 * The desk phone's voicemail, end to end with baresip and the generated prompts: its lamp is lit
 * by the waiting message (MWI), the owner calls VoiceMailMain, enters the PIN, hears "you have
 * 1 new message", plays it, deletes it and leaves; the box is empty and the lamp goes out.
 * Digits are sent once the phone has heard the prompt they answer (the received audio's length).
 */
class SipPhoneVoiceMailMainTest {
    private static final String DESK = "0000FFFF0001";
    private static final double MESSAGE_HZ = 1000;
    private static final double SLACK = 0.3;

    @TempDir Path dir;

    @Test
    void theOwnerHearsOneNewMessagePlaysItAndDeletesIt() throws Exception {
        SipPhoneKit.assumeBaresip();
        SipPhoneKit.useSounds(dir);
        Files.writeString(dir.resolve("asterisk.conf"), Files.readString(dir.resolve("asterisk.conf"))
            + "astspooldir => " + dir.resolve("spool") + "\n");
        Files.writeString(dir.resolve("voicemail.conf"), "[general]\nformat=wav\nenvelope=no\n[lmentinc]\n100 => 4242,Front Desk\n");
        Path inbox = Files.createDirectories(dir.resolve("spool/voicemail/lmentinc/100/INBOX"));
        ToneAudio.writeTone(inbox.resolve("msg0000.wav"), MESSAGE_HZ, 8000, 2);
        Files.writeString(inbox.resolve("msg0000.txt"), "[message]\norigmailbox=100\ncallerid=\"Ann\" <5551234>\n"
            + "origtime=1700000000\nduration=2\n");
        Path rec = dir.resolve("heard.wav");
        try (SipPbxFixture f = SipPbxFixture.start(dir, "context=phones",
                 SipPhoneKit.peer(DESK, "change-me-0001", "disallow=all", "allow=ulaw", "mailbox=100@lmentinc"),
                 "[phones]\nexten => 8500,1,VoiceMailMain(100@lmentinc)\n");
             BaresipPhone p = BaresipPhone.start(dir, DESK, "change-me-0001", SipPhoneKit.registrar(f.port()), null, rec,
                 List.of("PCMU"), List.of("module_app mwi.so"))) {
            p.awaitRegistered(T);
            await().atMost(T).until(() -> lamp(p).stream().anyMatch(m -> m.contains("Messages-Waiting: yes")));

            p.dial(SipPhoneKit.uri("8500", f.port()));
            p.awaitEstablished(T);
            // the phone's recording starts a little after the first packet: allow SLACK on each wait
            double heard = seconds("vm-password");
            p.awaitHeard(ms(heard - SLACK), T);
            p.sendDtmf("4242#");
            heard += seconds("vm-youhave", "digits/1", "vm-INBOX", "vm-message") + 1; // into "press 1 for ..."
            p.awaitHeard(ms(heard - SLACK), T);
            p.sendDtmf("1");
            heard += seconds("vm-first", "vm-message") + 2 + 1; // the message, then into the instructions
            p.awaitHeard(ms(heard - SLACK), T);
            p.sendDtmf("7");
            heard += seconds("vm-deleted") + 1; // into the instructions
            p.awaitHeard(ms(heard - SLACK), T);
            p.sendDtmf("#");
            p.awaitClosed(T);
            await().atMost(T).until(() -> lamp(p).stream().anyMatch(m -> m.contains("Messages-Waiting: no")));
        }
        assertThat(inbox).isEmptyDirectory();
        assertThat(dir.resolve("spool/voicemail/lmentinc/100/Old")).doesNotExist();
        Path intro = SipPhoneKit.prompts(dir.resolve("intro.wav"), "vm-youhave", "digits/1", "vm-INBOX", "vm-message");
        assertThat(ToneAudio.similarity(rec, intro)).as(ToneAudio.describe(rec)).isGreaterThan(SipPhoneKit.SAME);
        // the message itself: about 2 s of the tone (20 blocks of 100 ms) in the call
        ToneAudio.Pcm pcm = ToneAudio.read(rec);
        assertThat(ToneAudio.toneFraction(pcm, MESSAGE_HZ) * pcm.seconds()).isBetween(1.5, 2.5);
        assertThat(ToneAudio.similarity(rec, SipPhoneKit.prompts(dir.resolve("deleted.wav"), "vm-deleted")))
            .isGreaterThan(SipPhoneKit.SAME);
        assertThat(ToneAudio.similarity(rec, SipPhoneKit.prompts(dir.resolve("bye.wav"), "vm-goodbye")))
            .isGreaterThan(SipPhoneKit.SAME);
    }

    private static List<String> lamp(BaresipPhone p) {
        return p.events().stream().filter(e -> e.type().equals("MWI_NOTIFY")).map(e -> e.param() + e.raw()).toList();
    }

    private static double seconds(String... prompts) throws Exception {
        double s = 0;
        for (String n : prompts) {
            WavFile w = WavFile.read(SipPhoneKit.SOUNDS.resolve("en/" + n + ".wav"));
            s += (double) w.samples().length / w.sampleRate();
        }
        return s;
    }

    private static Duration ms(double seconds) { return Duration.ofMillis(Math.round(seconds * 1000)); }
}
