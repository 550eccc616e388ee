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
import org.switchboard.media.sound.SoundFixture;

/**
 * VoiceMailMain as its owner uses it: what they hear (each prompt a tone of its own), what they
 * press, and what is left in the spool and in voicemail.conf afterwards; and the bad cases
 * (wrong PIN maxlogins times, a message removed while the box is open, a full folder).
 */
class VoiceMailMainTest {
    private static final PromptEar EAR = new PromptEar(List.of("vm-login", "vm-password", "vm-incorrect",
            "vm-incorrect-mailbox", "vm-goodbye", "vm-youhave", "vm-INBOX", "vm-Old", "vm-message", "vm-messages",
            "vm-and", "vm-no", "digits/1", "digits/2", "vm-onefor", "vm-opts", "vm-helpexit", "vm-first", "vm-last",
            "vm-deleted", "vm-advopts", "vm-repeat", "vm-next", "vm-delete", "vm-toforward", "vm-savemessage",
            "vm-savefolder", "vm-press", "vm-for", "vm-Work", "vm-Family", "vm-Friends", "vm-tocancel", "vm-savedto",
            "vm-mailboxfull", "vm-options", "vm-rec-unv", "beep", "vm-review", "vm-msgsaved", "vm-newpassword",
            "vm-reenterpassword", "vm-passchanged", "vm-tohearenv", "vm-starmain", "vm-received",
            "vm-from-phonenumber", "vm-unknown-caller", "digits/5", "vm-prev", "@msgA", "@msgB", "@greeting"));

    private static final String DIALPLAN = """
            [desk]
            exten => vmm,1,VoiceMailMain(@lmentinc)
             same => n,Verbose(1,@after)
            exten => vmm100,1,VoiceMailMain(100@lmentinc)
             same => n,Verbose(1,@after)
            exten => auto,1,VoiceMailMain(100@lmentinc,sa(Old))
             same => n,Verbose(1,@after)
            exten => leave,1,VoiceMail(100@lmentinc,u)
            exten => auth,1,VMAuthenticate(@lmentinc)
             same => n,Verbose(1,@auth ${AUTH_MAILBOX} ${AUTH_CONTEXT})
            exten => h,1,Verbose(1,@h)
            """;

    @TempDir Path tmp;
    private VoicemailBench vm;

    @BeforeEach
    void setUp() throws IOException {
        vm = new VoicemailBench(tmp, DIALPLAN);
        EAR.writePrompts(vm.fx);
        voicemailConf("maxlogins=2\nenvelope=no\n");
    }

    @AfterEach
    void tearDown() {
        vm.close();
    }

    private void voicemailConf(String general) throws IOException {
        vm.voicemailConf("; the desk's box\n[general]\nformat=wav\n" + general
                + "[lmentinc]\n100 => 4242,Front Desk,desk@example.com ; the front desk\n101 => 1111,Back Office\n");
    }

    private Channel call(String exten) {
        EAR.reset();
        return vm.call(exten);
    }

    private Path box() { return vm.box("100"); }

    /** A message as Asterisk leaves one: msgNNNN.wav (a tone) + msgNNNN.txt. */
    private void message(String folder, int n, String tone, String callerId) throws IOException {
        Path base = box().resolve(folder).resolve(String.format("msg%04d", n));
        SoundFixture.wav(base.resolveSibling(base.getFileName() + ".wav"), SoundFixture.sine(EAR.tone(tone), 500, 8000), 8000);
        Files.writeString(base.resolveSibling(base.getFileName() + ".txt"), ";\n; Message Information file\n;\n[message]\n"
                + "origmailbox=100\ncontext=desk\nexten=leave\ncallerid=" + callerId + "\norigtime=1700000000\nduration=1\n");
    }

    private static void press(Channel c, String digits) {
        for (char d : digits.toCharArray()) SoundFixture.dtmf(c, d);
    }

    @Test
    void theOwnerLogsInHearsOneNewMessagePlaysItDeletesItAndTheLampGoesOut() throws Exception {
        message("INBOX", 0, "@msgA", "\"Ann\" <5551234>");
        Channel c = call("vmm");
        assertThat(EAR.until(c, "vm-login")).containsExactly("vm-login");
        press(c, "100#");
        assertThat(EAR.until(c, "vm-password")).containsExactly("vm-password");
        press(c, "4242#");
        assertThat(EAR.until(c, "vm-helpexit")).containsExactly("vm-youhave", "digits/1", "vm-INBOX", "vm-message",
                "vm-onefor", "vm-INBOX", "vm-messages", "vm-opts", "vm-helpexit");
        press(c, "1");
        assertThat(EAR.until(c, "vm-helpexit")).containsSubsequence("vm-first", "vm-message", "@msgA", "vm-advopts",
                "vm-repeat", "vm-delete", "vm-toforward", "vm-savemessage", "vm-helpexit");
        press(c, "7");
        assertThat(EAR.until(c, "vm-deleted")).contains("vm-deleted");
        press(c, "#");
        assertThat(EAR.untilHangup(c)).contains("vm-goodbye").doesNotContain("@msgA");
        await().atMost(Duration.ofSeconds(5)).until(() -> vm.pbx().path().contains("@h"));
        assertThat(vm.pbx().path()).containsSubsequence("@after", "@h"); // # leaves VoiceMailMain, the dialplan goes on
        assertThat(vm.spool.resolve("voicemail/lmentinc/100/INBOX")).isEmptyDirectory();
        assertThat(vm.events).filteredOn(e -> e.name().equals("MessageWaiting")).last()
                .satisfies(e -> assertThat(e.fields()).containsEntry("Mailbox", "100@lmentinc")
                        .containsEntry("Waiting", "0").containsEntry("New", "0").containsEntry("Old", "0"));
    }

    @Test
    void aWrongPinMaxloginsTimesHangsUpWithASecurityLine() throws Exception {
        Channel c = call("vmm100");
        assertThat(EAR.until(c, "vm-password")).containsExactly("vm-password");
        press(c, "1#");
        assertThat(EAR.until(c, "vm-password")).containsExactly("vm-incorrect", "vm-password");
        press(c, "2#");
        assertThat(EAR.untilHangup(c)).containsExactly("vm-incorrect", "vm-goodbye", "hangup");
        await().atMost(Duration.ofSeconds(5)).until(() -> vm.pbx().path().contains("@h"));
        assertThat(vm.pbx().path()).doesNotContain("@after");
        assertThat(vm.pbx().logLines("SecurityEvent=\"InvalidPassword\"")).singleElement().asString()
                .contains("Service=\"VoiceMailMain\"", "AccountID=\"100@lmentinc\"", "Attempts=\"2\"");
    }

    @Test
    void heardMessagesMoveToOldASavedOneLandsInWorkAndAFullFolderIsRefused() throws Exception {
        message("INBOX", 0, "@msgA", "5551234");
        message("INBOX", 1, "@msgB", "Unknown");
        Channel c = call("vmm100");
        EAR.until(c, "vm-password");
        press(c, "4242#");
        assertThat(EAR.until(c, "vm-helpexit")).startsWith("vm-youhave", "digits/2", "vm-INBOX", "vm-messages");
        press(c, "1");
        EAR.until(c, "@msgA");
        press(c, "9");
        assertThat(EAR.until(c, "vm-Work")).containsSubsequence("vm-savefolder", "vm-press", "digits/1", "vm-for",
                "vm-Old", "vm-messages", "digits/2", "vm-for", "vm-Work");
        press(c, "2");
        assertThat(EAR.until(c, "vm-Work")).containsExactly("vm-message", "digits/1", "vm-savedto", "vm-Work");
        press(c, "6");
        assertThat(EAR.until(c, "@msgB")).containsSubsequence("vm-last", "vm-message", "@msgB");
        press(c, "3");
        assertThat(EAR.until(c, "vm-starmain")).containsExactly("vm-tohearenv", "vm-starmain");
        press(c, "3");
        assertThat(EAR.until(c, "vm-helpexit")).containsSubsequence("vm-received", "vm-unknown-caller", "vm-helpexit");
        press(c, "#");
        EAR.untilHangup(c);
        await().atMost(Duration.ofSeconds(5)).until(() -> vm.pbx().path().contains("@h"));
        assertThat(box().resolve("INBOX")).isEmptyDirectory();
        assertThat(tone(box().resolve("Work/msg0000.wav"))).isEqualTo("@msgA");
        assertThat(tone(box().resolve("Old/msg0000.wav"))).isEqualTo("@msgB");
        assertThat(Files.readString(box().resolve("Old/msg0000.txt"))).contains("callerid=Unknown");

        // Work is now full (maxmsg=1): saving there again is refused and the message stays
        voicemailConf("maxlogins=2\nenvelope=no\nmaxmsg=1\n");
        VoicemailConfig.reload(vm.pbx().pbx);
        Channel again = call("vmm100");
        EAR.until(again, "vm-password");
        press(again, "4242#");
        EAR.until(again, "vm-helpexit");
        press(again, "1");
        EAR.until(again, "@msgB");
        press(again, "9");
        EAR.until(again, "vm-Work");
        press(again, "2");
        assertThat(EAR.until(again, "vm-mailboxfull")).contains("vm-mailboxfull");
        press(again, "#");
        EAR.untilHangup(again);
        assertThat(tone(box().resolve("Old/msg0000.wav"))).isEqualTo("@msgB");
        assertThat(box().resolve("Work/msg0001.wav")).doesNotExist();
    }

    @Test
    void aMessageRemovedWhileTheBoxIsOpenIsSkippedAndTheOthersAreKept() throws Exception {
        message("INBOX", 0, "@msgA", "5551234");
        message("INBOX", 1, "@msgB", "5551234");
        Channel c = call("vmm100");
        EAR.until(c, "vm-password");
        press(c, "4242#");
        EAR.until(c, "vm-helpexit");
        Files.delete(box().resolve("INBOX/msg0000.wav")); // someone tidies the spool by hand
        Files.delete(box().resolve("INBOX/msg0000.txt"));
        press(c, "1");
        EAR.until(c, "vm-helpexit");
        press(c, "6");
        assertThat(EAR.until(c, "@msgB")).contains("@msgB");
        press(c, "#");
        EAR.untilHangup(c);
        await().atMost(Duration.ofSeconds(5)).until(() -> vm.pbx().path().contains("@h"));
        assertThat(vm.pbx().logLines("No message attribute file?!!")).hasSize(1);
        assertThat(tone(box().resolve("Old/msg0000.wav"))).isEqualTo("@msgB");
        assertThat(box().resolve("INBOX")).isEmptyDirectory();
    }

    @Test
    void mailboxOptionsRecordTheUnavailableGreetingAndChangeThePinInVoicemailConf() throws Exception {
        Channel c = call("vmm100");
        EAR.until(c, "vm-password");
        press(c, "4242#");
        assertThat(EAR.until(c, "vm-helpexit")).startsWith("vm-youhave", "vm-no", "vm-messages");
        press(c, "0");
        EAR.until(c, "vm-options");
        press(c, "1");
        EAR.until(c, "beep");
        drain(c);
        SoundFixture.speak(c, EAR.tone("@greeting"), 1000);
        press(c, "#");
        EAR.until(c, "vm-review");
        press(c, "1");
        assertThat(EAR.until(c, "vm-options")).containsExactly("vm-msgsaved", "vm-options");
        press(c, "5");
        EAR.until(c, "vm-newpassword");
        press(c, "5678#");
        EAR.until(c, "vm-reenterpassword");
        press(c, "5678#");
        assertThat(EAR.until(c, "vm-options")).containsExactly("vm-passchanged", "vm-options");
        press(c, "*");
        EAR.until(c, "vm-helpexit");
        press(c, "#");
        EAR.untilHangup(c);

        assertThat(tone(box().resolve("unavail.wav"))).isEqualTo("@greeting");
        assertThat(Files.readString(vm.fx.confDir.resolve("voicemail.conf"))).isEqualTo(
                "; the desk's box\n[general]\nformat=wav\nmaxlogins=2\nenvelope=no\n[lmentinc]\n"
                        + "100 => 5678,Front Desk,desk@example.com ; the front desk\n101 => 1111,Back Office\n");
        assertThat(VoicemailConfig.of(vm.pbx().pbx).mailbox("100", "lmentinc").pin()).isEqualTo("5678");

        // the new PIN lets VMAuthenticate in, and a caller now hears the recorded greeting
        Channel auth = call("auth");
        EAR.until(auth, "vm-login");
        press(auth, "100#");
        EAR.until(auth, "vm-password");
        press(auth, "5678#");
        await().atMost(Duration.ofSeconds(5)).until(() -> vm.pbx().path().contains("@auth 100 lmentinc"));
        Channel caller = call("leave");
        assertThat(EAR.until(caller, "@greeting")).containsExactly("@greeting");
    }

    @Test
    void optionsSAndAGoStraightToAFolderWithoutAPin() throws Exception {
        message("Old", 0, "@msgA", "5551234");
        Channel c = call("auto");
        assertThat(EAR.until(c, "@msgA")).containsExactly("vm-first", "vm-message", "@msgA");
        press(c, "7");
        EAR.until(c, "vm-deleted");
        press(c, "#");
        assertThat(EAR.untilHangup(c)).contains("vm-goodbye");
        await().atMost(Duration.ofSeconds(5)).until(() -> vm.pbx().path().contains("@h"));
        assertThat(box().resolve("Old")).isEmptyDirectory();
    }

    @Test
    void aBoxWithoutAPinLetsTheCallerInWithoutAsking() throws Exception {
        vm.voicemailConf("[general]\nformat=wav\nenvelope=no\n[lmentinc]\n100 => ,Open Box\n");
        Channel c = call("vmm100");
        assertThat(EAR.until(c, "vm-helpexit")).startsWith("vm-youhave", "vm-no", "vm-messages").doesNotContain("vm-password");
        press(c, "#");
        EAR.untilHangup(c);
        assertThat(vm.pbx().logLines("voicemail.conf:5: mailbox 100@lmentinc has no PIN: VoiceMailMain lets anyone in")).hasSize(1);
    }

    /** The main tone of a WAV file in the spool, as a prompt name. */
    private static String tone(Path wav) throws IOException {
        byte[] b = Files.readAllBytes(wav);
        short[] s = SoundFixture.samples(java.util.Arrays.copyOfRange(b, 44 + 1600, 44 + 1600 + 1600));
        for (String n : List.of("@msgA", "@msgB", "@greeting")) {
            if (SoundFixture.goertzel(s, EAR.tone(n), 8000) > 0.5) return n;
        }
        return null;
    }

    /** Reads until the far end is quiet (the beep is over). */
    private static void drain(Channel c) {
        while (c.read(200) instanceof Frame f && !(f instanceof Frame.NullFrame)) { }
    }

}
