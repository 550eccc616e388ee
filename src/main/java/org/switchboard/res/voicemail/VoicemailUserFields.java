package org.switchboard.res.voicemail;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One mailbox as the Manager shows it (app_voicemail's append_vmu_info_astman), with defaults filled in. */
final class VoicemailUserFields {
    /** app_voicemail's default mail command. */
    static final String MAILCMD = "/usr/sbin/sendmail -t";

    private VoicemailUserFields() {}

    static Map<String, Object> of(Mailbox m, VoicemailSpool spool) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("VMContext", m.context());
        f.put("VoiceMailbox", m.box());
        f.put("Fullname", m.fullName());
        f.put("Email", m.email());
        f.put("Pager", m.pager());
        f.put("ServerEmail", m.option("serveremail", ""));
        f.put("FromString", m.option("fromstring", ""));
        f.put("MailCommand", m.option("mailcmd", MAILCMD));
        f.put("Language", m.option("language", ""));
        f.put("TimeZone", m.option("tz", ""));
        f.put("Callback", m.option("callback", ""));
        f.put("Dialout", m.option("dialout", ""));
        f.put("UniqueID", "");
        f.put("ExitContext", m.option("exitcontext", ""));
        f.put("SayDurationMinimum", m.intOption("saydurationm", 2));
        f.put("SayEnvelope", yes(m.flag("envelope", true)));
        f.put("SayCID", yes(m.flag("saycid", false)));
        f.put("AttachMessage", yes(m.flag("attach", false)));
        f.put("AttachmentFormat", m.option("attachfmt", m.option("format", "wav").split("\\|")[0].strip()));
        f.put("DeleteMessage", yes(m.flag("delete", false)));
        f.put("VolumeGain", String.format(Locale.ROOT, "%.2f", gain(m)));
        f.put("CanReview", yes(m.flag("review", false)));
        f.put("CallOperator", yes(m.flag("operator", false)));
        f.put("MaxMessageCount", m.intOption("maxmsg", 100));
        f.put("MaxMessageLength", m.intOption("maxsecs", m.intOption("maxmessage", 0)));
        f.put("NewMessageCount", spool.count(m, "INBOX"));
        f.put("OldMessageCount", spool.count(m, "Old"));
        return f;
    }

    private static String yes(boolean b) { return b ? "Yes" : "No"; }

    private static double gain(Mailbox m) {
        try {
            return Double.parseDouble(m.option("volgain", "0").strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
