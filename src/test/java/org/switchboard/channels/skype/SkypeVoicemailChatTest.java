package org.switchboard.channels.skype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Channel;
import org.switchboard.core.Frame;
import org.switchboard.media.ogg.OggOpusReader;
import org.switchboard.media.sound.SoundFile;
import org.switchboard.media.sound.SoundFixture;
import org.switchboard.media.sound.SoundFormat;
import org.switchboard.net.xmpp.upload.HttpFileUpload;

/**
 * Voicemail into the chat (issue 12): a caller leaves a message in a box with
 * {@code skype=lmentinc/tfot.madsen}; tfot.madsen, an independent XMPP client, gets the text line
 * and then the voice message (URL body + XEP-0066 oob), downloads it from Prosody's
 * mod_http_file_share and hears the caller's tone in it. Then: the account offline across a PBX
 * restart, uploads refused, and missed calls.
 */
class SkypeVoicemailChatTest {
    static final Duration T = Duration.ofSeconds(20);
    static final int TONE = 1000;
    static final String LINE = "New 0:02 long message in box 100@lmentinc from \"Front Desk\" <0000FFFF0001>, on ";
    static final String DIALPLAN = """
            [desk]
            exten => vm,1,Set(CALLERID(all)="Front Desk" <0000FFFF0001>)
             same => n,VoiceMail(100@lmentinc,s)
            [skype-incoming]
            exten => start,1,GotoIf($["${ANSWER}" = "yes"]?take)
             same => n,Hangup()
             same => n(take),Answer()
             same => n,Wait(1)
             same => n,Hangup()
            """;

    static SkypeTestNetwork net;
    @TempDir Path tmp;
    SkypeTestPbx pbx;
    SkypeTestBuddy tfot;

    @BeforeAll
    static void network() { net = SkypeTestNetwork.create(false, 10 * 1024 * 1024); }

    @AfterAll
    static void networkDown() { if (net != null) net.close(); }

    @AfterEach
    void down() {
        if (tfot != null) tfot.close();
        if (pbx != null) pbx.close();
    }

    /** A config folder on this network: prompts as short silences and a 1300 Hz beep, the spool under tmp. */
    Path conf(SkypeTestNetwork n) throws IOException {
        Path data = tmp.resolve("data"), sounds = data.resolve("sounds/en");
        for (String p : List.of("vm-theperson", "digits/1", "digits/0", "vm-isunavail", "vm-goodbye")) {
            SoundFixture.wav(sounds.resolve(p + ".wav"), new short[800], 8000);
        }
        SoundFixture.wav(sounds.resolve("beep.wav"), SoundFixture.sine(1300, 200, 8000), 8000);
        Path conf = Files.createDirectories(tmp.resolve("etc"));
        Files.writeString(conf.resolve("asterisk.conf"), "[directories]\nastdatadir => " + data + "\nastspooldir => "
                + tmp.resolve("spool") + "\n");
        Files.writeString(conf.resolve("chan_skype.conf"), n.lmentinc(""));
        Files.writeString(conf.resolve("voicemail.conf"), "[general]\nformat=wav\n[lmentinc]\n"
                + "100 => 1234,Front Desk,,,skype=lmentinc/tfot.madsen\n");
        Files.writeString(conf.resolve("extensions.conf"), DIALPLAN);
        return conf;
    }

    Path queue() { return tmp.resolve("spool/voicemail/chat-queue"); }

    List<String> queued() throws IOException {
        if (!Files.isDirectory(queue())) return List.of();
        try (Stream<Path> s = Files.list(queue())) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    SkypeTestPbx start(Path conf) {
        return new SkypeTestPbx(conf);
    }

    /** Calls the desk's vm extension over a Local channel, waits for the beep, speaks the tone for 2 s, presses #. */
    void leaveVoicemail(SkypeTestPbx p) throws Exception {
        Channel c = p.pbx.requestChannel("Local", "vm@desk", null);
        c.tech().call(c, "vm@desk", 0);
        long deadline = System.currentTimeMillis() + 20_000;
        boolean beep = false;
        while (!beep && System.currentTimeMillis() < deadline) {
            if (c.read(deadline - System.currentTimeMillis()) instanceof Frame.VoiceFrame v) {
                beep = SoundFixture.goertzel(SoundFixture.samples(v.payload()), 1300, 8000) > 0.5;
            }
        }
        assertThat(beep).as("the beep").isTrue();
        while (c.read(200) instanceof Frame f && !(f instanceof Frame.NullFrame)) { } // the beep plays out
        short[] tone = SoundFixture.sine(TONE, 2000, 8000);
        for (int off = 0; off < tone.length; off += 160) {
            byte[] b = new byte[320];
            for (int i = 0; i < 160; i++) {
                b[2 * i] = (byte) tone[off + i];
                b[2 * i + 1] = (byte) (tone[off + i] >> 8);
            }
            c.write(new Frame.VoiceFrame("slin", b, 160));
        }
        SoundFixture.dtmf(c, '#');
        SoundFixture.voiceUntilHangup(c, 10_000);
        await().atMost(T).until(() -> !p.varSets("VMSTATUS").isEmpty());
        assertThat(p.varSets("VMSTATUS")).containsExactly("SUCCESS");
    }

    /** The text line, then the voice message: its URL in the body and as oob data. Returns the URL. */
    String receiveNotice(SkypeTestBuddy b) {
        SkypeTestBuddy.Msg text = b.nextMessage(T);
        assertThat(text.from()).isEqualTo(net.jid("lmentinc"));
        assertThat(text.body()).startsWith(LINE).matches(".*, on \\w+day, \\w+ \\d\\d, \\d{4} at \\d\\d:\\d\\d:\\d\\d [AP]M");
        SkypeTestBuddy.Msg voice = b.nextMessage(T);
        assertThat(voice.body()).startsWith("http://127.0.0.1:" + net.httpPort + "/").endsWith(".opus");
        assertThat(b.lines).contains("oob " + net.jid("lmentinc") + " "
                + java.util.Base64.getEncoder().encodeToString(voice.body().getBytes()));
        return voice.body();
    }

    /** Downloads the voice message and checks it is 2 s of the caller's tone: decoded by us and by opusdec. */
    void hearTheTone(String url) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        OggOpusReader.Decoded d = OggOpusReader.decode(r.body());
        assertThat(d.problem()).isNull();
        assertThat(d.pcm().length).isBetween(48000 * 19 / 10, 48000 * 22 / 10);
        short[] middle = Arrays.copyOfRange(d.pcm(), 24000, 72000);
        assertThat(SoundFixture.goertzel(middle, TONE, 48000)).isGreaterThan(0.7);
        if (Files.isExecutable(Path.of("/usr/bin/opusdec"))) {   // an independent decoder (Debian opus-tools)
            Path ogg = Files.write(tmp.resolve("vm.opus"), r.body()), wav = tmp.resolve("vm.wav");
            Process p = new ProcessBuilder("opusdec", "--rate", "8000", ogg.toString(), wav.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0).isTrue();
            short[] s = SoundFixture.samples(SoundFile.read(wav, SoundFormat.WAV).slin());
            assertThat(SoundFixture.goertzel(Arrays.copyOfRange(s, 4000, 12000), TONE, 8000)).isGreaterThan(0.7);
        }
    }

    /** Nothing more comes: a chat sent after everything else is the next message the buddy gets. */
    void nothingMore(SkypeTestPbx p, SkypeTestBuddy b) {
        assertThat(p.skype().sendChat("lmentinc", "tfot.madsen", "sentinel")).isTrue();
        assertThat(b.nextMessage(T).body()).isEqualTo("sentinel");
    }

    @Test
    void aNewVoicemailReachesTheBuddyAsATextLineAndAVoiceMessageTheyCanPlay() throws Exception {
        pbx = start(conf(net));
        tfot = net.buddy("tfot.madsen");
        pbx.loggedIn("lmentinc");
        leaveVoicemail(pbx);
        hearTheTone(receiveNotice(tfot));
        await().atMost(T).until(() -> queued().isEmpty());
        nothingMore(pbx, tfot);
        assertThat(tmp.resolve("spool/voicemail/lmentinc/100/INBOX/msg0000.wav")).exists();
    }

    @Test
    void whileTheAccountIsOfflineTheNoticeWaitsOnDiskAndGoesOutOnceAfterARestart() throws Exception {
        Path conf = conf(net);
        net.stop();
        try {
            pbx = start(conf);
            leaveVoicemail(pbx);
            // the notice waits with the recording, which the worker encodes while the account is offline
            await().atMost(T).until(() -> queued().stream().anyMatch(f -> f.endsWith(".ogg")));
            assertThat(queued()).hasSize(2).anyMatch(f -> f.endsWith(".notice"));
            assertThat(pbx.logLines("waits in " + queue())).hasSize(1);
            pbx.close();
            pbx = null;
        } finally {
            net.start();
        }
        tfot = net.buddy("tfot.madsen");
        pbx = start(conf);
        pbx.loggedIn("lmentinc");
        hearTheTone(receiveNotice(tfot));
        await().atMost(T).until(() -> queued().isEmpty());
        nothingMore(pbx, tfot);
    }

    @Test
    void anUploadOverTheServersLimitLeavesTheTextLineAloneWithOneLogLine() throws Exception {
        try (SkypeTestNetwork tiny = SkypeTestNetwork.create(false, 100)) {
            pbx = start(conf(tiny));
            tfot = tiny.buddy("tfot.madsen");
            pbx.loggedIn("lmentinc");
            leaveVoicemail(pbx);
            assertThat(tfot.nextMessage(T).body()).startsWith(LINE);
            await().atMost(T).until(() -> queued().isEmpty());
            assertThat(pbx.logLines("voice message for tfot.madsen not uploaded")).singleElement().asString()
                    .contains("larger than the upload service's limit (100 bytes)").endsWith("the text line went alone");
            assertThat(pbx.skype().sendChat("lmentinc", "tfot.madsen", "sentinel")).isTrue();
            assertThat(tfot.nextMessage(T).body()).isEqualTo("sentinel");
            assertThat(tfot.count(l -> l.startsWith("oob "))).isZero();

            // the service itself refuses a slot over its limit (XEP-0363 §4 file-too-large), when a client asks anyway
            var c = pbx.account("lmentinc").connection();
            HttpFileUpload.Service s = HttpFileUpload.discover(c);
            assertThat(s.maxFileSize()).isEqualTo(100);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> HttpFileUpload.upload(c,
                    new HttpFileUpload.Service(s.jid(), -1), "big.opus", new byte[1000], "audio/ogg"))
                    .isInstanceOf(HttpFileUpload.Refused.class).hasMessageEndingWith("refused a slot: not-acceptable (File too large)");
        }
    }

    @Test
    void aServerWithoutAnUploadServiceGetsTheTextLineAlone() throws Exception {
        SkypeTestNetwork shared = SkypeTestNetwork.shared();
        pbx = start(conf(shared));
        tfot = shared.buddy("tfot.madsen");
        pbx.loggedIn("lmentinc");
        leaveVoicemail(pbx);
        assertThat(tfot.nextMessage(T).body()).startsWith(LINE);
        await().atMost(T).until(() -> queued().isEmpty());
        assertThat(pbx.logLines("not uploaded: the server offers no HTTP file upload service (XEP-0363)")).hasSize(1);
        assertThat(pbx.skype().sendChat("lmentinc", "tfot.madsen", "sentinel")).isTrue();
        assertThat(tfot.nextMessage(T).body()).isEqualTo("sentinel");
    }

    @Test
    void aMissedIncomingCallSendsTheBuddyAMissedCallLine() throws Exception {
        pbx = start(conf(net));
        tfot = net.buddy("tfot.madsen");
        pbx.loggedIn("lmentinc");
        try (SkypeTestBuddy vuc = net.buddy("vuc.me")) {
            vuc.call(net.jid("lmentinc"), "jmi");
            assertThat(tfot.nextMessage(T).body()).matches(
                    "Missed call from vuc\\.me, on \\w+day, \\w+ \\d\\d, \\d{4} at \\d\\d:\\d\\d:\\d\\d [AP]M");
        }
        await().atMost(T).until(() -> queued().isEmpty());
        nothingMore(pbx, tfot);
    }

    @Test
    void anAnsweredCallIsNotAMissedOne() throws Exception {
        pbx = start(conf(net));
        pbx.pbx.globals().put("ANSWER", "yes");
        tfot = net.buddy("tfot.madsen");
        pbx.loggedIn("lmentinc");
        try (SkypeTestBuddy vuc = net.buddy("vuc.me")) {
            vuc.callMode("answer");
            vuc.call(net.jid("lmentinc"), "jmi");
            String sid = vuc.awaitReport("call-state proposed ", T).split(" ")[2];
            vuc.awaitReport("jingle-in session-accept " + sid, T);
            assertThat(vuc.awaitReport("jingle-in session-terminate " + sid, T)).endsWith("success");
        }
        await().atMost(T).until(() -> pbx.skype().callsInUse() == 0);
        assertThat(queued()).isEmpty();
        nothingMore(pbx, tfot);
    }
}
