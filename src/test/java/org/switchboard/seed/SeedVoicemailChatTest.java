package org.switchboard.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.switchboard.channels.sip.SipPhoneKit.T;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.channels.sip.SipModule;
import org.switchboard.channels.sip.SipPhoneKit;
import org.switchboard.channels.skype.SkypeModule;
import org.switchboard.channels.skype.SkypeTestBuddy;
import org.switchboard.channels.skype.SkypeTestNetwork;
import org.switchboard.media.ogg.OggOpusReader;
import org.switchboard.media.sound.SoundFixture;
import org.switchboard.testing.BaresipPhone;
import org.switchboard.testing.TestPbx;
import org.switchboard.testing.ToneAudio;

/**
 * The seed's screen pop with a reply, end to end (issue 12): the desk phone 0000FFFF0001 (baresip)
 * dials 106 on the shipped conf/; tfot.madsen (an XMPP client on a Prosody with HTTP upload)
 * gets the screen pop and answers 2; the caller hears the voicemail greeting the seed's dialplan
 * picks (no Dial ran, so DIALSTATUS is empty and it asks for the busy one: "is on the phone"),
 * speaks a tone after the beep and hangs up. The message lands in 100@lmentinc's INBOX, the
 * desk phone's lamp (mailbox=100@lmentinc) lights, and tfot.madsen gets the text line and the
 * voice message, which the test downloads and hears the caller's tone in.
 */
class SeedVoicemailChatTest {
    private static final String DESK = "0000FFFF0001";
    private static final double CALLER_HZ = 1000;
    static SkypeTestNetwork net;

    @TempDir Path dir;
    private TestPbx t;
    private SkypeTestBuddy tfot;

    @BeforeAll
    static void network() { net = SkypeTestNetwork.create(false, 10 * 1024 * 1024); }

    @AfterAll
    static void networkDown() { if (net != null) net.close(); }

    @AfterEach
    void stop() {
        if (tfot != null) tfot.close();
        if (t != null) t.close();
    }

    /** conf/ as shipped, but SIP on a free loopback port, chan_skype.conf pointing at the test network, the spool in dir. */
    private Path conf() throws IOException {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        try (var files = Files.list(Path.of("conf"))) {
            for (Path f : files.toList()) Files.copy(f, conf.resolve(f.getFileName()));
        }
        Path sip = conf.resolve("sip.conf");
        String text = Files.readString(sip);
        assertThat(text).contains("udpbindaddr=0.0.0.0:5060").contains("mailbox=100@lmentinc");
        Files.writeString(sip, text.replace("udpbindaddr=0.0.0.0:5060", "udpbindaddr=127.0.0.1:0"));
        assertThat(Files.readString(conf.resolve("voicemail.conf"))).contains("skype=lmentinc/tfot.madsen");
        Files.writeString(conf.resolve("chan_skype.conf"), net.lmentinc("authpolicy=allow"));
        SipPhoneKit.useSounds(conf);
        Files.writeString(conf.resolve("asterisk.conf"), Files.readString(conf.resolve("asterisk.conf"))
            + "astspooldir => " + dir.resolve("spool") + "\n");
        return conf;
    }

    private Path box() { return dir.resolve("spool/voicemail/lmentinc/100"); }

    /** Bytes of the recording in progress under the box's tmp/ (0 when none). */
    private long recording() throws IOException {
        Path tmp = box().resolve("tmp");
        if (!Files.isDirectory(tmp)) return 0;
        try (Stream<Path> s = Files.list(tmp)) {
            return s.mapToLong(p -> p.toFile().length()).max().orElse(0);
        }
    }

    @Test
    void replyTwoSendsTheCallerToVoicemailAndTheMessageReachesTheLampAndTheBuddysChat() throws Exception {
        SipPhoneKit.assumeBaresip();
        t = new TestPbx(conf());
        int port = SipModule.get(t.pbx).stack().udpAddress().getPort();
        try {
            await().atMost(Duration.ofSeconds(20)).failFast("chan_skype not loaded", () -> SkypeModule.get(t.pbx) == null)
                .until(() -> SkypeModule.get(t.pbx).account("lmentinc").isLoggedIn());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(String.join("\n", t.log), e);
        }
        tfot = net.buddy("tfot.madsen");
        tfot.replyOnce("2");
        Path mic = ToneAudio.writeTone(dir.resolve("caller.wav"), CALLER_HZ, 8000, BaresipPhone.SOURCE_SECONDS);
        Path heard = dir.resolve("heard.wav");
        try (BaresipPhone phone = BaresipPhone.start(dir, DESK, "change-me-0001", SipPhoneKit.registrar(port), mic, heard,
                 List.of("PCMU"), List.of("module_app mwi.so"))) {
            phone.awaitRegistered(T);
            phone.dial(SipPhoneKit.uri("106", port));
            phone.awaitEstablished(T);
            assertThat(tfot.nextMessage(T).body()).startsWith("Incoming call from ").contains(DESK)
                .endsWith("Press 1 to route to desk. Press 2 to send to voicemail.");
            // after the beep the PBX records: wait for 2 s of the caller's tone on disk
            await().atMost(Duration.ofSeconds(30)).until(() -> recording() >= 44 + 2 * 16000);
            phone.hangup();
            phone.awaitClosed(T);
            await().atMost(T).until(() -> Files.exists(box().resolve("INBOX/msg0000.txt")));
            await().atMost(T).until(() -> phone.events().stream()
                .anyMatch(e -> e.type().equals("MWI_NOTIFY") && (e.param() + e.raw()).contains("Messages-Waiting: yes")));
        }
        assertThat(t.logLines(" == VoiceMail")).hasSize(1);
        assertThat(t.logLines("== Calling our desk")).isEmpty();
        Path greeting = SipPhoneKit.prompts(dir.resolve("greeting.wav"), "vm-theperson", "digits/1", "digits/0", "digits/0",
            "vm-isonphone");
        assertThat(ToneAudio.similarity(heard, greeting)).as(ToneAudio.describe(heard)).isGreaterThan(SipPhoneKit.SAME);
        assertThat(Files.readString(box().resolve("INBOX/msg0000.txt"))).contains("origmailbox=100", "exten=voicemail")
            .contains("callerid=" + DESK);
        ToneAudio.Pcm message = ToneAudio.read(box().resolve("INBOX/msg0000.wav"));
        assertThat(message.seconds()).isGreaterThanOrEqualTo(2.0);
        assertThat(ToneAudio.toneFraction(message, CALLER_HZ)).isGreaterThan(0.8);

        SkypeTestBuddy.Msg line = tfot.nextMessage(T);
        assertThat(line.body()).startsWith("New 0:0").contains(" long message in box 100@lmentinc from ");
        String url = tfot.nextMessage(T).body();
        assertThat(url).startsWith("http://127.0.0.1:").endsWith(".opus");
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        OggOpusReader.Decoded d = OggOpusReader.decode(r.body());
        assertThat(d.problem()).isNull();
        assertThat(d.pcm().length / 48000.0).isCloseTo(message.seconds(), org.assertj.core.data.Offset.offset(0.1)); // all of it
        short[] middle = Arrays.copyOfRange(d.pcm(), 24000, 72000);
        assertThat(SoundFixture.goertzel(middle, CALLER_HZ, 48000)).isGreaterThan(0.7);
    }
}
