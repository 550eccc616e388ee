package org.switchboard.res.voicemail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Channel;
import org.switchboard.core.Frame;
import org.switchboard.media.sound.SoundFixture;

/**
 * VoiceMail(): what the caller hears (each prompt is a tone of its own, so the greeting chain is
 * read back from the audio), what lands in the spool (Asterisk's layout), and the bad cases.
 */
class VoiceMailTest {
    /** Prompt → the tone it is made of in this test. */
    private static final Map<String, Integer> TONES = new LinkedHashMap<>();
    static {
        TONES.put("vm-theperson", 500);
        TONES.put("digits/1", 600);
        TONES.put("digits/0", 700);
        TONES.put("vm-isunavail", 800);
        TONES.put("vm-isonphone", 900);
        TONES.put("vm-intro", 1100);
        TONES.put("beep", 1300);
        TONES.put("vm-mailboxfull", 1500);
        TONES.put("vm-goodbye", 1700);
    }

    private static final String DIALPLAN = """
            [desk]
            exten => vu,1,VoiceMail(100@lmentinc,u)
             same => n,Verbose(1,@status ${VMSTATUS})
            exten => vb,1,VoiceMail(100@lmentinc,b)
             same => n,Verbose(1,@status ${VMSTATUS})
            exten => vbs,1,VoiceMail(100@lmentinc,bs)
             same => n,Verbose(1,@status ${VMSTATUS})
            exten => vs,1,VoiceMail(100@lmentinc,s)
             same => n,Verbose(1,@status ${VMSTATUS})
            exten => vnosuch,1,VoiceMail(nosuch@lmentinc,u)
             same => n,Verbose(1,@status ${VMSTATUS})
            exten => h,1,Verbose(1,@h ${VMSTATUS})
            exten => a,1,Verbose(1,@star ${VMSTATUS})
             same => n,Hangup()
            exten => o,1,Verbose(1,@operator ${VMSTATUS})
             same => n,Hangup()
            exten => info,1,Verbose(1,@info ${VM_INFO(100@lmentinc,count)} ${VM_INFO(100@lmentinc,exists)} ${VM_INFO(999@lmentinc,exists)} [${VM_INFO(100@lmentinc,fullname)}] ${MAILBOX_EXISTS(100@lmentinc)} ${VM_INFO(100@lmentinc,count,Old)})
            """;

    @TempDir Path tmp;
    private VoicemailBench vm;

    @BeforeEach
    void setUp() throws IOException {
        vm = new VoicemailBench(tmp, DIALPLAN);
        for (var e : TONES.entrySet()) vm.fx.prompt(e.getKey(), e.getValue(), 300);
        voicemailConf("minsecs=1\n", "");
    }

    @AfterEach
    void tearDown() {
        vm.close();
    }

    private void voicemailConf(String general, String boxOptions) throws IOException {
        vm.voicemailConf("[general]\nformat=wav49|wav\n" + general
                + "[lmentinc]\n100 => 4242,Front Desk,desk@example.com,," + boxOptions + "\n");
    }

    private Channel call(String exten) {
        return vm.call(exten);
    }

    /** Reads until the beep has been heard; returns the prompts heard, in order (from their tones). */
    private static List<String> heardUntilBeep(Channel c) {
        List<String> heard = new ArrayList<>();
        short[] pending = new short[0];
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            Frame f = c.read(deadline - System.currentTimeMillis());
            if (!(f instanceof Frame.VoiceFrame v)) continue;
            short[] s = SoundFixture.samples(v.payload());
            short[] all = new short[pending.length + s.length];
            System.arraycopy(pending, 0, all, 0, pending.length);
            System.arraycopy(s, 0, all, pending.length, s.length);
            pending = all;
            if (pending.length < 800) continue;
            String p = prompt(java.util.Arrays.copyOf(pending, 800));
            pending = java.util.Arrays.copyOfRange(pending, 800, pending.length);
            if (p != null && (heard.isEmpty() || !heard.get(heard.size() - 1).equals(p))) heard.add(p);
            if ("beep".equals(p)) {
                // a caller speaks once the beep is over: wait until no more audio comes
                while (c.read(200) instanceof Frame f2 && !(f2 instanceof Frame.NullFrame)) { }
                return heard;
            }
        }
        return heard;
    }

    private static String prompt(short[] chunk) {
        for (var e : TONES.entrySet()) {
            if (SoundFixture.goertzel(chunk, e.getValue(), 8000) > 0.5) return e.getKey();
        }
        return null;
    }


    private Path box() { return vm.box("100"); }

    @Test
    void aCallerHearsTheUnavailableChainAndLeavesAMessageInAsterisksSpoolLayout() throws Exception {
        Channel c = call("vu");
        assertThat(heardUntilBeep(c)).containsExactly("vm-theperson", "digits/1", "digits/0", "vm-isunavail", "vm-intro", "beep");
        SoundFixture.speak(c, 440, 2000);
        SoundFixture.dtmf(c, '#');
        SoundFixture.voiceUntilHangup(c, 10_000);
        assertThat(vm.pbx().path()).startsWith("@status SUCCESS");
        Path wav = box().resolve("INBOX/msg0000.wav");
        assertThat(Files.size(wav)).isBetween(44L + 2 * 16000 - 3200, 44L + 2 * 16000 + 3200);
        List<String> txt = Files.readAllLines(box().resolve("INBOX/msg0000.txt"));
        assertThat(txt).startsWith(";", "; Message Information file", ";", "[message]", "origmailbox=100", "context=desk", "exten=vu");
        assertThat(txt).anyMatch(l -> l.startsWith("callerchan=Local/vu@desk-")).contains("duration=2", "rdnis=unknown")
                .anyMatch(l -> l.matches("origtime=\\d+")).anyMatch(l -> l.matches("origdate=\\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d [AP]M \\S+ \\d{4}"));
        assertThat(Files.list(box().resolve("tmp")).toList()).isEmpty(); // nothing left behind
        assertThat(vm.events).filteredOn(e -> e.name().equals("MessageWaiting")).singleElement()
                .satisfies(e -> assertThat(e.fields()).containsEntry("Mailbox", "100@lmentinc").containsEntry("New", "1"));

        Channel info = vm.call("info");
        SoundFixture.voiceUntilHangup(info, 5000);
        assertThat(vm.pbx().path()).contains("@info 1 1 0 [Front Desk] 1 0");
    }

    @Test
    void aRecordedBusyGreetingReplacesTheChainAndTwoCallersAtOnceBothKeepTheirMessage() throws Exception {
        SoundFixture.wav(box().resolve("busy.wav"), SoundFixture.sine(1900, 300, 8000), 8000);
        TONES.put("busy-greeting", 1900);
        try {
            Channel a = call("vb");
            Channel b = call("vbs");
            assertThat(heardUntilBeep(a)).containsExactly("busy-greeting", "vm-intro", "beep");
            assertThat(heardUntilBeep(b)).containsExactly("busy-greeting", "beep");
            SoundFixture.speak(a, 440, 1500);
            SoundFixture.speak(b, 440, 1500);
            awaitRecorded(2, 1500); // both recordings hold what was said before the caller hangs up
            a.hangup(); // a hangup keeps the message, as '#' does
            SoundFixture.dtmf(b, '#');
            SoundFixture.voiceUntilHangup(b, 10_000);
        } finally {
            TONES.remove("busy-greeting");
        }
        awaitFiles(box().resolve("INBOX"), 4);
        assertThat(Files.exists(box().resolve("INBOX/msg0000.txt"))).isTrue();
        assertThat(Files.exists(box().resolve("INBOX/msg0001.txt"))).isTrue();
    }

    @Test
    void zeroReachesTheOperatorOnlyWhenVoicemailConfSaysOperatorYes() throws Exception {
        Channel plain = call("vu");
        plain.read(5000);
        SoundFixture.dtmf(plain, '0');   // operator=no (the default): not an escape, the greeting goes on to the beep
        heardUntilBeep(plain);
        plain.hangup();
        assertThat(vm.pbx().path()).doesNotContain("@operator");

        voicemailConf("minsecs=1\noperator=yes\n", "");
        VoicemailConfig.reload(vm.pbx().pbx);
        Channel op = call("vu");
        op.read(5000);
        SoundFixture.dtmf(op, '0');
        SoundFixture.voiceUntilHangup(op, 10_000);
        assertThat(vm.pbx().path()).contains("@operator USEREXIT");
    }

    @Test
    void shortMessagesAFullBoxAndStarAreAsAsteriskHasThem() throws Exception {
        Channel c = call("vu");
        heardUntilBeep(c);
        c.hangup(); // under minsecs: no message
        awaitPath("@h FAILED");
        assertThat(Files.exists(box().resolve("INBOX/msg0000.txt"))).isFalse();

        Channel star = call("vu");
        star.read(5000);
        SoundFixture.dtmf(star, '*');
        SoundFixture.voiceUntilHangup(star, 10_000);
        assertThat(vm.pbx().path()).contains("@star USEREXIT");

        voicemailConf("", "maxmsg=1");
        VoicemailConfig.reload(vm.pbx().pbx); // what 'module reload app_voicemail' does: the file is read at load and reload
        Files.createDirectories(box().resolve("INBOX"));
        Files.writeString(box().resolve("INBOX/msg0000.txt"), "[message]\n");
        Files.write(box().resolve("INBOX/msg0000.wav"), new byte[] {1, 2, 3});
        Channel full = call("vs");
        List<String> heard = new ArrayList<>();
        for (Frame f; (f = readVoice(full)) != null; ) {
            String p = prompt(SoundFixture.samples(((Frame.VoiceFrame) f).payload()));
            if (p != null && !heard.contains(p)) heard.add(p);
        }
        assertThat(heard).contains("vm-mailboxfull").doesNotContain("beep");
        assertThat(Files.readAllBytes(box().resolve("INBOX/msg0000.wav"))).containsExactly(1, 2, 3); // nothing overwritten
    }

    @Test
    void aBrokenMailboxLineIsAProblemWithItsLineAndTheRestLoads() throws Exception {
        vm.voicemailConf("""
                [general]
                format=wav
                [lmentinc]
                100 => 4242,Front Desk
                101 => ,No Pin
                102 => 1,Bad Option,,,frobnicate=yes|attach=no
                """);
        VoicemailConfig cfg = VoicemailConfig.from(org.switchboard.config.ConfigReader.read(vm.fx.confDir, "voicemail.conf"));
        assertThat(cfg.problems()).extracting(Object::toString).containsExactly(
                "voicemail.conf:5: mailbox 101@lmentinc has no PIN: VoiceMailMain lets anyone in without asking for one",
                "voicemail.conf:6: mailbox 102@lmentinc: unknown option 'frobnicate=yes' ignored");
        assertThat(cfg.mailboxes()).containsOnlyKeys("100@lmentinc", "101@lmentinc", "102@lmentinc");
        assertThat(cfg.mailbox("102", "lmentinc").options()).containsOnlyKeys("attach");
        Channel c = call("vnosuch");
        SoundFixture.voiceUntilHangup(c, 5000);
        assertThat(vm.pbx().path()).startsWith("@status FAILED");
        assertThat(vm.pbx().logLines("No entry in voicemail config file for 'nosuch@lmentinc'")).hasSize(1);
    }

    @Test
    void theOwnerIsMailedWithTheRecordingAttachedAndAFailingMailcmdIsALogLine() throws Exception {
        Path mail = tmp.resolve("mail.txt");
        voicemailConf("minsecs=1\nattach=yes\nmailcmd=cat > " + mail + "\nfromstring=Desk PBX\nserveremail=pbx@example.com\n"
                + "emailsubject=New message ${VM_MSGNUM} from ${VM_CIDNUM}\n"
                + "emailbody=Dear ${VM_NAME}:\\n\\tA ${VM_DUR} long message (number ${VM_MSGNUM}) in mailbox ${VM_MAILBOX}.\n", "");
        Channel c = call("vs");
        heardUntilBeep(c);
        SoundFixture.speak(c, 440, 2000);
        SoundFixture.dtmf(c, '#');
        SoundFixture.voiceUntilHangup(c, 10_000);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> Files.exists(mail) && Files.readString(mail).endsWith("--\n"));
        String text = Files.readString(mail, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text).contains("From: \"Desk PBX\" <pbx@example.com>\n", "To: \"Front Desk\" <desk@example.com>\n",
                "Subject: New message 1 from an unknown caller\n", "MIME-Version: 1.0\n",
                "Dear Front Desk:\n\tA 0:02 long message (number 1) in mailbox 100.\n",
                "Content-Type: audio/x-wav; name=\"msg0000.wav\"\n", "Content-Transfer-Encoding: base64\n",
                "Content-Disposition: attachment; filename=\"msg0000.wav\"\n");
        String marker = "filename=\"msg0000.wav\"\n\n";
        String b64 = text.substring(text.indexOf(marker) + marker.length(), text.lastIndexOf("\n\n--"));
        assertThat(java.util.Base64.getMimeDecoder().decode(b64)).isEqualTo(Files.readAllBytes(box().resolve("INBOX/msg0000.wav")));

        voicemailConf("minsecs=1\nmailcmd=echo no relay >&2 && exit 3\n", "");
        VoicemailConfig.reload(vm.pbx().pbx);
        Channel again = call("vs");
        heardUntilBeep(again);
        SoundFixture.speak(again, 440, 1500);
        SoundFixture.dtmf(again, '#');
        SoundFixture.voiceUntilHangup(again, 10_000);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> !vm.pbx().logLines("failed with status 3: no relay (the message stays in the box)").isEmpty());
        assertThat(box().resolve("INBOX/msg0001.txt")).exists();
    }

    private Frame readVoice(Channel c) {
        try {
            for (long end = System.currentTimeMillis() + 5000; System.currentTimeMillis() < end; ) {
                Frame f = c.read(end - System.currentTimeMillis());
                if (f instanceof Frame.VoiceFrame) return f;
            }
        } catch (org.switchboard.core.HangupException e) {
            return null;
        }
        return null;
    }

    private void awaitPath(String line) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> vm.pbx().path().contains(line));
    }

    /**
     * Waits until {@code n} recordings in progress under tmp/ hold at least {@code ms} of audio
     * each, less the 8 KB the writer keeps before a write (it reaches the file at close).
     */
    private void awaitRecorded(int n, int ms) {
        Path tmpDir = box().resolve("tmp");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> {
            try (var files = Files.list(tmpDir)) {
                return files.filter(f -> {
                    try {
                        return Files.size(f) >= 44 + ms * 16L - 8192;
                    } catch (IOException gone) {
                        return false;
                    }
                }).count() >= n;
            }
        });
    }

    private void awaitFiles(Path dir, int n) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .failFast("the PBX gave up", () -> vm.pbx().path().contains("@h FAILED"))
                .until(() -> Files.isDirectory(dir) && Files.list(dir).count() >= n);
    }
}
