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
import org.switchboard.media.codec.WavFile;
import org.switchboard.media.sound.SoundFixture;

/**
 * VoiceMailMain with urgent messages (left with VoiceMail's U: "you have 1 urgent and 1 new
 * message", the urgent one first), forwarding a message to another box (8), and the advanced
 * menu's callback (3, then 2).
 */
class VoiceMailMainForwardTest {
    private static final PromptEar EAR = new PromptEar(List.of("vm-password", "vm-goodbye", "vm-youhave", "vm-INBOX",
            "vm-Old", "vm-Urgent", "vm-message", "vm-messages", "vm-and", "vm-no", "digits/1", "digits/2", "vm-onefor",
            "vm-opts", "vm-helpexit", "vm-first", "vm-last", "vm-advopts", "vm-repeat", "vm-next", "vm-delete",
            "vm-toforward", "vm-savemessage", "vm-enter-num-to", "vm-msgforwarded", "pbx-invalid", "vm-mailboxfull",
            "vm-tocallback", "vm-tohearenv", "vm-starmain", "vm-dialout", "vm-sorry", "vm-prev", "vm-options", "beep",
            "vm-review", "vm-msgsaved", "vm-toreply", "vm-theperson", "vm-isunavail", "digits/0", "@urgent", "@fresh",
            "@greeting"));

    private static final String DIALPLAN = """
            [desk]
            exten => vmm100,1,VoiceMailMain(100@lmentinc)
             same => n,Verbose(1,@after)
            exten => loud,1,VoiceMailMain(100@lmentinc,sg(6))
             same => n,Verbose(1,@after)
            exten => h,1,Verbose(1,@h)
            [callers]
            exten => 5551234,1,Verbose(1,@callback ${EXTEN})
             same => n,Hangup()
            """;

    @TempDir Path tmp;
    private VoicemailBench vm;

    @BeforeEach
    void setUp() throws IOException {
        vm = new VoicemailBench(tmp, DIALPLAN);
        EAR.writePrompts(vm.fx);
        vm.voicemailConf("[general]\nformat=wav\nenvelope=no\nmailcmd=cat > "
                + tmp.resolve("mail.txt") + "\n[lmentinc]\n100 => 4242,Front Desk,,,callback=callers\n"
                + "101 => 1111,Back Office,back@example.com\n102 => 2222,Full Box,,,maxmsg=1\n");
        message("voicemail/lmentinc/100/Urgent", "@urgent", "\"Ann\" <5551234>", "Urgent");
        message("voicemail/lmentinc/100/INBOX", "@fresh", "\"Bob\" <5559876>", "");
        message("voicemail/lmentinc/102/INBOX", "@fresh", "Unknown", "");
    }

    @AfterEach
    void tearDown() {
        vm.close();
    }

    private void message(String folder, String tone, String callerId, String flag) throws IOException {
        Path dir = vm.spool.resolve(folder);
        SoundFixture.wav(dir.resolve("msg0000.wav"), SoundFixture.sine(EAR.tone(tone), 500, 8000), 8000);
        Files.writeString(dir.resolve("msg0000.txt"), ";\n; Message Information file\n;\n[message]\norigmailbox=100\n"
                + "context=desk\nexten=leave\ncallerid=" + callerId + "\norigtime=1700000000\nflag=" + flag + "\nduration=1\n");
    }

    private Channel login() {
        EAR.reset();
        Channel c = vm.call("vmm100");
        EAR.until(c, "vm-password");
        press(c, "4242#");
        return c;
    }

    private static void press(Channel c, String digits) {
        for (char d : digits.toCharArray()) SoundFixture.dtmf(c, d);
    }

    private Path box(String n) { return vm.box(n); }

    private String tone(Path wav) throws IOException {
        short[] s = WavFile.read(wav).samples();
        for (String n : List.of("@urgent", "@fresh")) {
            if (SoundFixture.goertzel(java.util.Arrays.copyOf(s, 800), EAR.tone(n), 8000) > 0.5) return n;
        }
        return null;
    }

    @Test
    void urgentMessagesAreCountedAndPlayedFirstThenTheNewOnesAndBothEndUpOld() throws Exception {
        Channel c = login();
        assertThat(EAR.until(c, "vm-helpexit")).startsWith("vm-youhave", "digits/1", "vm-Urgent", "vm-and", "digits/1",
                "vm-INBOX", "vm-message");
        press(c, "1");
        assertThat(EAR.until(c, "@urgent")).containsSubsequence("vm-first", "vm-Urgent", "vm-message", "@urgent");
        EAR.until(c, "vm-helpexit");
        press(c, "6"); // past the last urgent message: on to the new ones
        assertThat(EAR.until(c, "@fresh")).contains("@fresh");
        press(c, "#");
        EAR.untilHangup(c);
        await().atMost(Duration.ofSeconds(5)).until(() -> vm.pbx().path().contains("@h"));
        assertThat(box("100/Urgent")).isEmptyDirectory();
        assertThat(box("100/INBOX")).isEmptyDirectory();
        assertThat(List.of(tone(box("100/Old/msg0000.wav")), tone(box("100/Old/msg0001.wav"))))
                .containsExactlyInAnyOrder("@urgent", "@fresh");
    }

    @Test
    void eightForwardsTheMessageIntoAnotherBoxsInboxWithItsTxtAndABadOrFullBoxIsSaidSo() throws Exception {
        Channel c = login();
        EAR.until(c, "vm-helpexit");
        press(c, "1");
        EAR.until(c, "@urgent");
        EAR.until(c, "vm-helpexit");
        press(c, "8");
        assertThat(EAR.until(c, "vm-enter-num-to")).contains("vm-enter-num-to");
        press(c, "999#"); // no such box
        assertThat(EAR.until(c, "vm-enter-num-to")).containsExactly("pbx-invalid", "vm-enter-num-to");
        press(c, "101#");
        assertThat(EAR.until(c, "vm-msgforwarded")).containsExactly("vm-msgforwarded");
        EAR.until(c, "vm-helpexit");
        press(c, "8");
        EAR.until(c, "vm-enter-num-to");
        press(c, "102#"); // full (maxmsg=1)
        assertThat(EAR.until(c, "vm-mailboxfull")).containsExactly("vm-mailboxfull");
        press(c, "#");
        EAR.untilHangup(c);
        await().atMost(Duration.ofSeconds(5)).until(() -> vm.pbx().path().contains("@h"));

        assertThat(tone(box("101/INBOX/msg0000.wav"))).isEqualTo("@urgent");
        assertThat(Files.readString(box("101/INBOX/msg0000.txt"))).contains("callerid=\"Ann\" <5551234>", "duration=1");
        assertThat(box("102/INBOX/msg0001.txt")).doesNotExist();
        assertThat(vm.pbx().logLines("Cannot forward to 999@lmentinc: no such mailbox")).hasSize(1);
        assertThat(vm.pbx().logLines("Cannot forward to 102@lmentinc: mailbox full")).hasSize(1);
        assertThat(vm.events).filteredOn(e -> e.name().equals("MessageWaiting") && "101@lmentinc".equals(e.fields().get("Mailbox")))
                .singleElement().satisfies(e -> assertThat(e.fields()).containsEntry("New", "1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(tmp.resolve("mail.txt"))
                && Files.readString(tmp.resolve("mail.txt")).contains("To: \"Back Office\" <back@example.com>"));
        // the original stays where it was (heard: now in Old)
        assertThat(tone(box("100/Old/msg0000.wav"))).isEqualTo("@urgent");
    }

    @Test
    void gainAmplifiesTheGreetingTheOwnerRecords() throws Exception {
        EAR.reset();
        Channel c = vm.call("loud"); // s: no PIN asked
        EAR.until(c, "vm-helpexit");
        press(c, "0");
        EAR.until(c, "vm-options");
        press(c, "1");
        EAR.until(c, "beep");
        while (c.read(200) instanceof org.switchboard.core.Frame f && !(f instanceof org.switchboard.core.Frame.NullFrame)) { }
        short[] tone = SoundFixture.sine(EAR.tone("@greeting"), 1000, 8000); // amplitude 8000
        for (int off = 0; off < tone.length; off += 160) {
            byte[] b = new byte[320];
            for (int i = 0; i < 160; i++) {
                b[2 * i] = (byte) tone[off + i];
                b[2 * i + 1] = (byte) (tone[off + i] >> 8);
            }
            c.write(new org.switchboard.core.Frame.VoiceFrame("slin", b, 160));
        }
        press(c, "#");
        EAR.until(c, "vm-review");
        press(c, "1");
        assertThat(EAR.until(c, "vm-options")).containsExactly("vm-msgsaved", "vm-options");
        c.hangup();
        int peak = 0;
        for (short v : WavFile.read(box("100/unavail.wav")).samples()) peak = Math.max(peak, Math.abs(v));
        assertThat(peak).isBetween(15_500, 16_500); // g(6): twice the amplitude
    }

    @Test
    void advancedOneRepliesIntoTheSendersBoxWhenTheCallerHasOneHere() throws Exception {
        Path txt = box("100/Urgent/msg0000.txt");
        Files.writeString(txt, Files.readString(txt).replace("callerid=\"Ann\" <5551234>", "callerid=\"Back Office\" <101>"));
        Channel c = login();
        EAR.until(c, "vm-helpexit");
        press(c, "1");
        EAR.until(c, "@urgent");
        EAR.until(c, "vm-helpexit");
        press(c, "3");
        assertThat(EAR.until(c, "vm-starmain")).containsExactly("vm-toreply", "vm-tocallback", "vm-tohearenv", "vm-starmain");
        press(c, "1");
        // 101's greeting: "the person at extension 1 0 1 is unavailable", then the beep
        assertThat(EAR.until(c, "beep")).containsExactly("vm-theperson", "digits/1", "digits/0", "digits/1", "vm-isunavail", "beep");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.isDirectory(box("101/tmp"))
                && Files.list(box("101/tmp")).findAny().isPresent());
        short[] tone = SoundFixture.sine(EAR.tone("@greeting"), 1500, 8000);
        for (int off = 0; off < tone.length; off += 160) {
            byte[] b = new byte[320];
            for (int i = 0; i < 160; i++) {
                b[2 * i] = (byte) tone[off + i];
                b[2 * i + 1] = (byte) (tone[off + i] >> 8);
            }
            c.write(new org.switchboard.core.Frame.VoiceFrame("slin", b, 160));
        }
        press(c, "#");
        assertThat(EAR.until(c, "vm-helpexit")).contains("vm-helpexit"); // back in VoiceMailMain
        press(c, "#");
        EAR.untilHangup(c);
        await().atMost(Duration.ofSeconds(5)).until(() -> vm.pbx().path().contains("@h"));
        assertThat(vm.pbx().path()).contains("@after");
        assertThat(Files.readString(box("101/INBOX/msg0000.txt"))).contains("origmailbox=101");
        short[] s = WavFile.read(box("101/INBOX/msg0000.wav")).samples();
        assertThat(SoundFixture.goertzel(java.util.Arrays.copyOfRange(s, 2000, 2800), EAR.tone("@greeting"), 8000)).isGreaterThan(0.5);

        // a message whose caller has no box here: 1 is not offered, and pressing it is "sorry"
        Channel again = login();
        EAR.until(again, "vm-helpexit");
        press(again, "1");
        EAR.until(again, "@fresh");
        EAR.until(again, "vm-helpexit");
        press(again, "3");
        assertThat(EAR.until(again, "vm-starmain")).doesNotContain("vm-toreply");
        press(again, "1");
        assertThat(EAR.until(again, "vm-sorry")).containsExactly("vm-sorry");
        assertThat(vm.pbx().logLines("No reply from 100@lmentinc: the message's caller has no mailbox in lmentinc")).hasSize(1);
    }

    @Test
    void advancedTwoCallsTheCallerBackThroughTheCallbackContext() throws Exception {
        Channel c = login();
        EAR.until(c, "vm-helpexit");
        press(c, "1");
        EAR.until(c, "@urgent");
        EAR.until(c, "vm-helpexit");
        press(c, "3");
        assertThat(EAR.until(c, "vm-starmain")).containsExactly("vm-tocallback", "vm-tohearenv", "vm-starmain");
        press(c, "2");
        assertThat(EAR.untilHangup(c)).containsExactly("vm-dialout", "hangup");
        await().atMost(Duration.ofSeconds(5)).until(() -> vm.pbx().path().contains("@callback 5551234"));
        assertThat(vm.pbx().path()).doesNotContain("@after");
    }
}
