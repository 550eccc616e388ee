package org.switchboard.res.voicemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Channel;
import org.switchboard.core.Frame;
import org.switchboard.media.codec.WavFile;
import org.switchboard.media.sound.SoundFixture;

/**
 * VoiceMail()'s Asterisk 20 options besides b/u/s (d, g, S, t, U, P) and the mailbox options
 * delete= and attachfmt=: what the caller hears, where the message lands and what it holds.
 */
class VoiceMailOptionsTest {
    private static final PromptEar EAR = new PromptEar(List.of("vm-theperson", "digits/1", "digits/0", "vm-isunavail",
            "vm-intro", "beep", "vm-goodbye", "@mybeep", "@greeting", "@five"));

    private static final String DIALPLAN = """
            [desk]
            exten => urgent,1,VoiceMail(100@lmentinc,sUg(6))
             same => n,Verbose(1,@status ${VMSTATUS})
            exten => plain,1,VoiceMail(100@lmentinc,sP)
             same => n,Verbose(1,@status ${VMSTATUS})
            exten => digits,1,VoiceMail(100@lmentinc,ud(menu))
             same => n,Verbose(1,@status ${VMSTATUS})
            exten => skipif,1,VoiceMail(100@lmentinc,uSt(mybeep))
             same => n,Verbose(1,@status ${VMSTATUS})
            exten => nobeep,1,VoiceMail(100@lmentinc,ust)
             same => n,Verbose(1,@status ${VMSTATUS})
            exten => early,1,VoiceMail(100@lmentinc,ue)
             same => n,Verbose(1,@status ${VMSTATUS})
            exten => late,1,VoiceMail(100@lmentinc,u)
             same => n,Verbose(1,@status ${VMSTATUS})
            exten => bad,1,VoiceMail(100@lmentinc,sxg(loud))
             same => n,Verbose(1,@status ${VMSTATUS})
            exten => h,1,Verbose(1,@h ${VMSTATUS})
            [menu]
            exten => 5,1,Verbose(1,@menu5 ${VMSTATUS})
            """;

    @TempDir Path tmp;
    private VoicemailBench vm;

    @BeforeEach
    void setUp() throws IOException {
        vm = new VoicemailBench(tmp, DIALPLAN);
        EAR.writePrompts(vm.fx);
        vm.fx.prompt("mybeep", EAR.tone("@mybeep"), 300);
        voicemailConf("");
    }

    @AfterEach
    void tearDown() {
        vm.close();
    }

    private void voicemailConf(String boxOptions) throws IOException {
        vm.voicemailConf("[general]\nformat=wav\nminsecs=1\n"
                + "[lmentinc]\n100 => 4242,Front Desk,,," + boxOptions + "\n");
    }

    private Channel call(String exten) {
        EAR.reset();
        return vm.call(exten);
    }

    private Path box() { return vm.box("100"); }

    /** Once the recording runs, speaks a 440 Hz tone of amplitude 8000 for {@code ms}, then # ends the message. */
    private void leave(Channel c, int ms) {
        awaitRecording(); // a caller speaks once the beep is over
        SoundFixture.speak(c, 440, ms);
        SoundFixture.dtmf(c, '#');
        SoundFixture.voiceUntilHangup(c, 10_000);
    }

    /** Waits until a recording has started under the box's tmp/. */
    private void awaitRecording() {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Path dir = box().resolve("tmp");
            if (!Files.isDirectory(dir)) return false;
            try (var files = Files.list(dir)) {
                return files.findAny().isPresent();
            }
        });
    }


    private static int peak(Path wav) throws IOException {
        int max = 0;
        for (short s : WavFile.read(wav).samples()) max = Math.max(max, Math.abs(s));
        return max;
    }

    @Test
    void urgentGoesToTheUrgentFolderFlaggedWithItsGainAndPriorityIsFlaggedInTheInbox() throws Exception {
        Channel c = call("urgent");
        assertThat(EAR.until(c, "beep")).containsExactly("vm-theperson", "digits/1", "digits/0", "vm-isunavail", "beep");
        leave(c, 1500);
        assertThat(vm.pbx().path()).contains("@status SUCCESS");
        assertThat(box().resolve("INBOX/msg0000.txt")).doesNotExist();
        assertThat(Files.readAllLines(box().resolve("Urgent/msg0000.txt"))).contains("flag=Urgent");
        // g(6): 6 dB is twice the amplitude (20·log10 2 = 6.02)
        assertThat(peak(box().resolve("Urgent/msg0000.wav"))).isBetween(15_500, 16_500);
        // an urgent message is a new one for the lamp, as Asterisk counts it
        assertThat(vm.events).filteredOn(e -> e.name().equals("MessageWaiting")).last()
                .satisfies(e -> assertThat(e.fields()).containsEntry("New", "1").containsEntry("Waiting", "1"));

        Channel p = call("plain");
        EAR.until(p, "beep");
        leave(p, 1500);
        assertThat(Files.readAllLines(box().resolve("INBOX/msg0000.txt"))).contains("flag=PRIORITY");
        assertThat(peak(box().resolve("INBOX/msg0000.wav"))).isBetween(7_500, 8_500); // no gain asked: as spoken
    }

    @Test
    void dSendsADigitDuringTheGreetingToThatExtensionAndIgnoresOneWithoutAnExtension() throws Exception {
        Channel c = call("digits");
        assertThat(EAR.until(c, "vm-theperson")).containsExactly("vm-theperson");
        SoundFixture.dtmf(c, '5');
        SoundFixture.voiceUntilHangup(c, 5000);
        await().atMost(Duration.ofSeconds(5)).until(() -> vm.pbx().path().contains("@menu5 USEREXIT"));

        Channel nine = call("digits"); // menu has no 9: the greeting goes on and the caller leaves a message
        assertThat(EAR.until(nine, "vm-theperson")).containsExactly("vm-theperson");
        SoundFixture.dtmf(nine, '9');
        assertThat(EAR.until(nine, "beep")).containsExactly("digits/1", "digits/0", "vm-isunavail", "vm-intro", "beep");
        leave(nine, 1500);
        assertThat(vm.pbx().path()).contains("@status SUCCESS");
        assertThat(box().resolve("INBOX/msg0000.txt")).exists();
    }

    @Test
    void capitalSSkipsTheInstructionsOnlyAfterTheOwnersGreetingAndTReplacesOrDropsTheBeep() throws Exception {
        Channel c = call("skipif"); // no recorded greeting: the instructions play, then our beep
        assertThat(EAR.until(c, "@mybeep")).containsExactly("vm-theperson", "digits/1", "digits/0", "vm-isunavail",
                "vm-intro", "@mybeep");
        leave(c, 1500);

        SoundFixture.wav(box().resolve("unavail.wav"), SoundFixture.sine(EAR.tone("@greeting"), 300, 8000), 8000);
        Channel owner = call("skipif");
        assertThat(EAR.until(owner, "@mybeep")).containsExactly("@greeting", "@mybeep");
        leave(owner, 1500);

        Channel quiet = call("nobeep"); // t with no file: no beep at all
        assertThat(EAR.until(quiet, "@greeting")).containsExactly("@greeting");
        awaitRecording();
        SoundFixture.speak(quiet, 440, 1500);
        SoundFixture.dtmf(quiet, '#');
        assertThat(EAR.untilHangup(quiet)).containsExactly("vm-goodbye", "hangup"); // what followed the greeting
        assertThat(box().resolve("INBOX/msg0002.txt")).exists();
    }

    /** What the caller gets until the beep: "answer", "progress" and the prompts heard, in order. */
    private static List<String> untilBeep(Channel c) {
        List<String> seen = new java.util.ArrayList<>();
        short[] pending = new short[0];
        for (long end = System.currentTimeMillis() + 20_000; System.currentTimeMillis() < end; ) {
            Frame f = c.read(end - System.currentTimeMillis());
            if (f instanceof Frame.ControlFrame cf && (cf.control() == Frame.Control.ANSWER || cf.control() == Frame.Control.PROGRESS)) {
                seen.add(cf.control().name().toLowerCase(java.util.Locale.ROOT));
            }
            if (!(f instanceof Frame.VoiceFrame v)) continue;
            short[] s = SoundFixture.samples(v.payload());
            short[] all = java.util.Arrays.copyOf(pending, pending.length + s.length);
            System.arraycopy(s, 0, all, pending.length, s.length);
            pending = all;
            for (; pending.length >= 800; pending = java.util.Arrays.copyOfRange(pending, 800, pending.length)) {
                for (String p : List.of("vm-theperson", "vm-isunavail", "vm-intro", "beep")) {
                    if (SoundFixture.goertzel(java.util.Arrays.copyOf(pending, 800), EAR.tone(p), 8000) > 0.5
                            && (seen.isEmpty() || !seen.get(seen.size() - 1).equals(p))) {
                        seen.add(p);
                        if (p.equals("beep")) return seen;
                    }
                }
            }
        }
        return seen;
    }

    @Test
    void eGreetsAsEarlyMediaAndAnswersOnlyJustBeforeTheBeep() throws Exception {
        Channel c = call("early");
        assertThat(untilBeep(c)).containsSubsequence("progress", "vm-theperson", "vm-isunavail", "vm-intro", "answer", "beep")
                .containsOnlyOnce("answer");
        leave(c, 1500);
        assertThat(vm.pbx().path()).contains("@status SUCCESS");

        Channel late = call("late"); // without e the call is answered first
        List<String> seen = untilBeep(late);
        assertThat(seen).startsWith("answer", "vm-theperson").doesNotContain("progress");
        leave(late, 1500);
    }

    @Test
    void anUnknownOptionLetterAndAGainThatIsNoNumberAreWarningsAndTheMessageIsStillLeft() throws Exception {
        Channel c = call("bad");
        EAR.until(c, "beep");
        leave(c, 1500);
        assertThat(vm.pbx().path()).contains("@status SUCCESS");
        assertThat(vm.pbx().logLines("Unknown VoiceMail option 'x' ignored")).hasSize(1);
        assertThat(vm.pbx().logLines("Invalid value 'loud' provided for voicemail gain, ignored")).hasSize(1);
        assertThat(peak(box().resolve("INBOX/msg0000.wav"))).isBetween(7_500, 8_500);
    }

    @Test
    void deleteYesRemovesTheMessageOnceMailedWithTheAttachmentAttachfmtAsked() throws Exception {
        Path mail = tmp.resolve("mail.txt");
        voicemailConf("attach=yes|delete=yes|attachfmt=gsm");
        vm.voicemailConf(Files.readString(vm.fx.confDir.resolve("voicemail.conf"))
                .replace("100 => 4242,Front Desk,,,", "100 => 4242,Front Desk,desk@example.com,,")
                .replace("minsecs=1\n", "minsecs=1\nmailcmd=cat > " + mail + "\n"));
        Channel c = call("plain");
        EAR.until(c, "beep");
        leave(c, 1500);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(mail) && Files.readString(mail).endsWith("--\n"));
        assertThat(Files.readString(mail)).contains("filename=\"msg0000.wav\"");
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(box().resolve("INBOX/msg0000.txt")));
        assertThat(box().resolve("INBOX")).isEmptyDirectory();
        await().atMost(Duration.ofSeconds(5)).until(() -> vm.events.stream().filter(e -> e.name().equals("MessageWaiting"))
                .reduce((a, b) -> b).map(e -> "0".equals(e.fields().get("New"))).orElse(false));
        assertThat(vm.pbx().logLines("attachfmt=gsm for 100@lmentinc: the message was recorded as wav only; attaching that")).hasSize(1);
    }
}
