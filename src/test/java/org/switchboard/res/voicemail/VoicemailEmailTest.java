package org.switchboard.res.voicemail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.switchboard.config.ConfigReader;

/** The notification mails as app_voicemail words them, with and without voicemail.conf's own texts. */
class VoicemailEmailTest {
    private static final ZonedDateTime WHEN = ZonedDateTime.of(2026, 3, 2, 15, 4, 5, 0, ZoneOffset.UTC);

    private static Mailbox box(String general) {
        VoicemailConfig cfg = VoicemailConfig.from(ConfigReader.parse(VoicemailConfig.FILE,
                "[general]\n" + general + "[lmentinc]\n100 => 4242,Front Desk,desk@example.com,pager@example.com\n", Path.of(".")));
        return cfg.mailbox("100", "lmentinc");
    }

    private static VoicemailEmail.Message msg(Mailbox b) {
        return new VoicemailEmail.Message(b, 0, "Ann", "5551234", 75, WHEN, "msg0000.wav", new byte[] {1, 2, 3}, "pbx.example.com");
    }

    @Test
    void withoutItsOwnTextsTheMailIsAsterisksDefault() {
        String mail = VoicemailEmail.build(msg(box("")));
        assertThat(mail).contains("Date: Mon, 02 Mar 2026 15:04:05 +0000\n",
                "From: \"Asterisk PBX\" <asterisk@pbx.example.com>\n", "To: \"Front Desk\" <desk@example.com>\n",
                "Subject: [PBX]: New message 1 in mailbox 100\n",
                "Dear Front Desk:\n\n\tJust wanted to let you know you were just left a 1:15 long message (number 1)\n"
                        + "in mailbox 100 from Ann, on Monday, March 02, 2026 at 03:04:05 PM so you might\n")
                .doesNotContain("Content-Disposition: attachment"); // attach defaults to no
    }

    @Test
    void substitutionEscapesAndTheAttachment() {
        String mail = VoicemailEmail.build(msg(box("attach=yes\nemailsubject=VM from ${VM_CALLERID}\n"
                + "emailbody=Hi ${VM_NAME},\\n\\t${VM_DUR} from ${VM_CIDNUM} in ${VM_MAILBOX}@${VM_CONTEXT}\n")));
        assertThat(mail).contains("Subject: VM from \"Ann\" <5551234>\n", "Hi Front Desk,\n\t1:15 from 5551234 in 100@lmentinc\n",
                "Content-Type: audio/x-wav; name=\"msg0000.wav\"\n", "\n\nAQID\n\n--");
    }

    @Test
    void thePagerGetsOneShortLine() {
        assertThat(VoicemailEmail.buildPager(msg(box("")))).endsWith(
                "To: pager@example.com\nSubject: New VM\n\nNew 1:15 long msg in box 100\nfrom Ann, on Monday, March 02, 2026 at 03:04:05 PM\n");
    }
}
