package org.switchboard.channels.pjsip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.codec.WavFile;
import org.switchboard.media.dtmf.DtmfDetector;
import org.switchboard.media.dtmf.DtmfTones;
import org.switchboard.media.sound.ToneGenerator;
import org.switchboard.testing.BaresipPhone;
import org.switchboard.testing.ToneAudio;

/** pjsip.conf's dtmf_mode=inband with a real baresip: keypad tones reach Read(), SendDTMF is heard as tones. */
class PjsipInbandDtmfTest {
    static final Duration T = Duration.ofSeconds(10);
    static final String PJSIP = """
        [alice]
        type=endpoint
        context=phones
        disallow=all
        allow=ulaw
        dtmf_mode=inband
        auth=alice
        aors=alice
        """ + PjsipPbxFixture.authAndAor("alice", "alice-secret", 1, "");
    static final String DIALPLAN = """
        [phones]
        exten => 100,1,Answer()
         same => n,Read(Digits,,3,,,10)
         same => n,Verbose(1,@got ${Digits})
         same => n,Hangup()
        exten => 200,1,Answer()
         same => n,Wait(1)
         same => n,SendDTMF(*90)
         same => n,Wait(1)
         same => n,Hangup()
        """;

    @TempDir Path dir;

    static Path keypad(Path file, String keys) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.writeBytes(new byte[1500 * 16]);
        for (char k : keys.toCharArray()) {
            ToneGenerator g = DtmfTones.press(k, 150);
            byte[] f;
            while ((f = g.nextFrame()) != null) b.writeBytes(f);
            b.writeBytes(new byte[100 * 16]);
        }
        byte[] raw = b.toByteArray();
        short[] pcm = new short[raw.length / 2];
        for (int i = 0; i < pcm.length; i++) pcm[i] = (short) ((raw[2 * i] & 0xff) | (raw[2 * i + 1] << 8));
        new WavFile(8000, pcm).write(file);
        return file;
    }

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

    private BaresipPhone phone(PjsipPbxFixture f, Path mic, Path heard) throws IOException {
        BaresipPhone a = BaresipPhone.start(dir, "alice", "alice-secret", "127.0.0.1:" + f.port(), mic, heard, List.of("PCMU"));
        a.awaitRegistered(T);
        return a;
    }

    @Test
    void keyTonesFromAnInbandEndpointAreReadByTheDialplan() throws Exception {
        assumeTrue(BaresipPhone.installed(), "baresip not installed");
        try (PjsipPbxFixture f = PjsipPbxFixture.start(dir, PJSIP, DIALPLAN);
             BaresipPhone a = phone(f, keypad(dir.resolve("keys.wav"), "428"), null)) {
            a.dial("sip:100@127.0.0.1:" + f.port());
            a.awaitEstablished(T);
            await().atMost(Duration.ofSeconds(20)).until(() -> f.pbx.path().stream().anyMatch(l -> l.startsWith("@got")));
            assertThat(f.pbx.path()).containsExactly("@got 428");
            a.awaitClosed(T);
        }
    }

    @Test
    void sendDtmfTowardAnInbandEndpointIsHeardAsTones() throws Exception {
        assumeTrue(BaresipPhone.installed(), "baresip not installed");
        Path heard = dir.resolve("heard.wav");
        try (PjsipPbxFixture f = PjsipPbxFixture.start(dir, PJSIP, DIALPLAN);
             BaresipPhone a = phone(f, null, heard)) {
            a.dial("sip:200@127.0.0.1:" + f.port());
            a.awaitEstablished(T);
            a.awaitClosed(Duration.ofSeconds(20));
            assertThat(keysIn(heard)).isEqualTo("*90");
        }
    }
}
