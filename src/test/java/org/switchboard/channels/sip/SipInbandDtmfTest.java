package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.switchboard.channels.sip.SipPhoneKit.T;
import static org.switchboard.channels.sip.SipPhoneKit.registrar;
import static org.switchboard.channels.sip.SipPhoneKit.uri;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.codec.WavFile;
import org.switchboard.media.dtmf.DtmfDetector;
import org.switchboard.media.dtmf.DtmfTones;
import org.switchboard.media.sound.ToneGenerator;
import org.switchboard.testing.BaresipPhone;
import org.switchboard.testing.ToneAudio;

/**
 * dtmfmode=inband with a real baresip: key tones in the phone's microphone reach Read() (the PBX
 * finds them in the audio), and SendDTMF or Dial's D option toward the phone are tones it hears,
 * which the test finds in what it recorded.
 */
class SipInbandDtmfTest {
    static final String DIALPLAN = """
        [phones]
        exten => 100,1,Answer()
         same => n,Read(Digits,,3,,,10)
         same => n,Verbose(1,@got ${Digits})
         same => n,Hangup()
        exten => 200,1,Answer()
         same => n,Wait(1)
         same => n,SendDTMF(3#7)
         same => n,Wait(1)
         same => n,Hangup()
        exten => 300,1,Dial(SIP/bob,20,D(42)L(4000))
         same => n,Hangup()
        """;

    @TempDir Path dir;

    /** A microphone: {@code leadMs} of silence, then the keys as a phone's keypad plays them, then a second of silence. */
    static Path keypad(Path file, int leadMs, String keys) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.writeBytes(new byte[leadMs * 16]);
        for (char k : keys.toCharArray()) {
            ToneGenerator g = DtmfTones.press(k, 150);
            byte[] f;
            while ((f = g.nextFrame()) != null) b.writeBytes(f);
            b.writeBytes(new byte[100 * 16]);
        }
        b.writeBytes(new byte[16000]);
        byte[] raw = b.toByteArray();
        short[] pcm = new short[raw.length / 2];
        for (int i = 0; i < pcm.length; i++) pcm[i] = (short) ((raw[2 * i] & 0xff) | (raw[2 * i + 1] << 8));
        new WavFile(8000, pcm).write(file);
        return file;
    }

    /** The keys the detector finds in a recording. */
    static String keysIn(Path wav) throws IOException {
        ToneAudio.Pcm p = ToneAudio.read(wav);
        StringBuilder keys = new StringBuilder();
        DtmfDetector d = new DtmfDetector(p.rate(), new DtmfDetector.Listener() {
            @Override public void begin(char key) {}
            @Override public void end(char key, int durationMs) { keys.append(key); }
        });
        d.feed(p.samples(), 0, p.samples().length);
        d.flush();
        return keys.toString();
    }

    @Test
    void keyTonesFromAnInbandPhoneAreReadByTheDialplan() throws Exception {
        SipPhoneKit.assumeBaresip();
        String peers = SipPhoneKit.peer("alice", "alice-secret", "dtmfmode=inband", "disallow=all", "allow=ulaw");
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=no", peers, DIALPLAN);
             BaresipPhone a = BaresipPhone.start(dir, "alice", "alice-secret", registrar(f.port()),
                 keypad(dir.resolve("keys.wav"), 1500, "159"), null)) {
            a.awaitRegistered(T);
            f.stack().debug().on(); // to see the SDP answer
            a.dial(uri("100", f.port()));
            a.awaitEstablished(T);
            await().atMost(Duration.ofSeconds(20)).until(() -> f.pbx.path().stream().anyMatch(l -> l.startsWith("@got")));
            assertThat(f.pbx.path()).containsExactly("@got 159");
            // chan_sip offers no telephone-event to an inband peer: the digits can only have come from the audio
            assertThat(f.pbx.log.stream().filter(l -> l.contains("SIP/2.0 200 OK") && l.contains("m=audio")))
                .isNotEmpty().allSatisfy(l -> assertThat(l).doesNotContain("telephone-event"));
            a.awaitClosed(T);
        }
    }

    @Test
    void sendDtmfTowardAnInbandPhoneIsHeardAsTones() throws Exception {
        SipPhoneKit.assumeBaresip();
        String peers = SipPhoneKit.peer("alice", "alice-secret", "dtmfmode=inband", "disallow=all", "allow=ulaw");
        Path heard = dir.resolve("heard.wav");
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=no", peers, DIALPLAN);
             BaresipPhone a = BaresipPhone.start(dir, "alice", "alice-secret", registrar(f.port()), null, heard)) {
            a.awaitRegistered(T);
            a.dial(uri("200", f.port()));
            a.awaitEstablished(T);
            a.awaitClosed(Duration.ofSeconds(20)); // Hangup() after SendDTMF and a second
            assertThat(keysIn(heard)).isEqualTo("3#7");
        }
    }

    @Test
    void dialsDOptionPlaysTheDigitsToAnInbandCalledPhone() throws Exception {
        SipPhoneKit.assumeBaresip();
        String peers = SipPhoneKit.peer("alice", "alice-secret")
            + SipPhoneKit.peer("bob", "bob-secret", "dtmfmode=inband", "disallow=all", "allow=ulaw");
        Path heard = dir.resolve("bob-heard.wav");
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=no", peers, DIALPLAN);
             BaresipPhone a = BaresipPhone.start(dir, "alice", "alice-secret", registrar(f.port()), null, null);
             BaresipPhone b = BaresipPhone.start(dir, "bob", "bob-secret", registrar(f.port()), null, heard)) {
            a.awaitRegistered(T);
            b.awaitRegistered(T);
            b.autoAnswer(true);
            a.dial(uri("300", f.port()));
            a.awaitEstablished(T);
            b.awaitClosed(Duration.ofSeconds(20)); // L(4000) ends the call
            assertThat(keysIn(heard)).isEqualTo("42");
            assertThat(f.pbx.said("Sending DTMF '42' to the called party.")).hasSize(1);
        }
    }
}
