package org.switchboard.res.voicemail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.config.ConfigReader;

/** voicemail.conf's skype=account/buddy (ours, issue 12) and the line a chat notice carries. */
class VoicemailSkypeOptionTest {
    static VoicemailConfig read(String text) {
        return VoicemailConfig.from(ConfigReader.parse(VoicemailConfig.FILE, text, Path.of(".")));
    }

    @Test
    void aGoodTargetIsKeptWithTheOtherOptions() {
        VoicemailConfig c = read("[lmentinc]\n100 => 1234,Desk,,,skype=lmentinc/tfot.madsen|attach=no\n"
                + "101 => 1234,Desk,,,skype=lmentinc/someone@elsewhere.example\n");
        assertThat(c.problems()).isEmpty();
        assertThat(c.mailbox("100", "lmentinc").options()).containsEntry("skype", "lmentinc/tfot.madsen").containsKey("attach");
        assertThat(c.mailbox("101", "lmentinc").options()).containsEntry("skype", "lmentinc/someone@elsewhere.example");
    }

    @Test
    void aBadTargetIsAProblemWithItsLineAndTheRestOfTheBoxLoads() {
        VoicemailConfig c = read("""
                [general]
                format=wav
                [lmentinc]
                100 => 1234,Desk,,,skype=lmentinc|attach=yes
                101 => 1234,Two,,,skype=/tfot.madsen
                102 => 1234,Three,,,skype=lmentinc/tfot madsen
                103 => 1234,Four,,,skype=a/b/c
                104 => 1234,Fine,,,skype=lmentinc/vuc.me
                """);
        String hint = " must name a chan_skype.conf account and a buddy as account/buddy (skype=lmentinc/tfot.madsen); ignored";
        assertThat(c.problems()).extracting(Object::toString).containsExactly(
                "voicemail.conf:4: mailbox 100@lmentinc: skype=lmentinc" + hint,
                "voicemail.conf:5: mailbox 101@lmentinc: skype=/tfot.madsen" + hint,
                "voicemail.conf:6: mailbox 102@lmentinc: skype=lmentinc/tfot madsen" + hint,
                "voicemail.conf:7: mailbox 103@lmentinc: skype=a/b/c" + hint);
        assertThat(c.mailboxes()).hasSize(5);
        assertThat(c.mailbox("100", "lmentinc").options()).containsOnlyKeys("attach");
        assertThat(c.mailbox("104", "lmentinc").options()).containsEntry("skype", "lmentinc/vuc.me");
    }

    @Test
    void checkSaysWhichBoxNamesAnAccountChanSkypeDoesNotHaveWithItsLine(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        java.nio.file.Files.writeString(dir.resolve("voicemail.conf"), """
                [lmentinc]
                100 => 1234,Desk,,,skype=lmentinc/tfot.madsen
                ; a typo in the account
                101 => 1234,Two,,,skype=lmentnic/vuc.me
                102 => 1234,Three,,,skype=LMENTINC/vuc.me
                """);
        VoicemailModule module = new VoicemailModule();
        // without chan_skype.conf no account exists at all
        assertThat(module.check(dir)).containsExactly(
                "voicemail.conf:2: mailbox 100@lmentinc: skype=lmentinc/tfot.madsen names account 'lmentinc', which has no"
                        + " chan_skype.conf to be in; its chat notices would never be sent",
                "voicemail.conf:4: mailbox 101@lmentinc: skype=lmentnic/vuc.me names account 'lmentnic', which has no"
                        + " chan_skype.conf to be in; its chat notices would never be sent",
                "voicemail.conf:5: mailbox 102@lmentinc: skype=LMENTINC/vuc.me names account 'LMENTINC', which has no"
                        + " chan_skype.conf to be in; its chat notices would never be sent");
        java.nio.file.Files.writeString(dir.resolve("chan_skype.conf"),
                "[general]\nlicenses=2\n[lmentinc]\nsecret=x\n[sales]\nsecret=y\n");
        assertThat(module.check(dir)).containsExactly(
                "voicemail.conf:4: mailbox 101@lmentinc: skype=lmentnic/vuc.me names account 'lmentnic', which is not in"
                        + " chan_skype.conf (its accounts: lmentinc, sales); its chat notices would never be sent");
    }

    @Test
    void theShippedConfigurationHasNoSuchProblem() {
        assertThat(new VoicemailModule().check(Path.of("conf"))).isEmpty();
    }

    @Test
    void theChatLineSaysWhoCalledWhenAndHowLongAsTheDefaultPagerBodyDoes() {
        VoicemailConfig c = read("[lmentinc]\n100 => 1234,Desk,,,skype=lmentinc/tfot.madsen\n");
        Mailbox box = c.mailbox("100", "lmentinc");
        long t = ZonedDateTime.of(2026, 12, 7, 18, 40, 1, 0, ZoneId.systemDefault()).toEpochSecond();
        Map<String, String> info = new LinkedHashMap<>();
        info.put("callerid", "\"Front Desk\" <0000FFFF0001>");
        info.put("origtime", Long.toString(t));
        info.put("duration", "65");
        Path base = Path.of("/spool/voicemail/lmentinc/100/INBOX/msg0003");
        assertThat(new NewVoicemails.Message(box, base, "wav", info).line()).isEqualTo(
                "New 1:05 long message in box 100@lmentinc from \"Front Desk\" <0000FFFF0001>, on Monday, December 07, 2026 at 06:40:01 PM");
        info.put("callerid", "Unknown");
        assertThat(new NewVoicemails.Message(box, base, "wav", info).line()).contains(" from an unknown caller, on ");
        assertThat(new NewVoicemails.Message(box, base, "wav", info).audio()).isEqualTo(base.resolveSibling("msg0003.wav"));
    }
}
