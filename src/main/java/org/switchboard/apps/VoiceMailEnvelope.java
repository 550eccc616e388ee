package org.switchboard.apps;

import java.time.Instant;
import java.util.Map;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;
import org.switchboard.media.sound.SoundPlayer;
import org.switchboard.res.voicemail.Mailbox;
import org.switchboard.res.voicemail.VoicemailConfig;

/** What VoiceMailMain says about a message besides itself (English): when it came, from whom, numbers. */
final class VoiceMailEnvelope {
    private VoiceMailEnvelope() {}

    /** play_message_datetime: the zonemessages format of the box's tz=, else "received <day> at <time>". */
    static int dateTime(Channel c, Mailbox box, Map<String, String> info) {
        long t;
        try {
            t = Long.parseLong(info.getOrDefault("origtime", ""));
        } catch (NumberFormatException e) {
            PbxLog.warning(VoiceMailMainApp.SOURCE, "No origtime?!");
            return 0;
        }
        String format = "'vm-received' q 'digits/at' IMp";
        String zoneName = null;
        VoicemailConfig cfg = box.config();
        String zone = cfg.zones().get(box.option("tz", ""));
        if (zone != null && zone.contains("|")) {
            zoneName = zone.substring(0, zone.indexOf('|'));
            format = zone.substring(zone.indexOf('|') + 1);
        }
        for (DateSayer.Prompt p : DateSayer.prompts(t, DateSayer.zone(zoneName), format, Instant.now())) {
            int r = SoundPlayer.play(c, p.file(), SoundPlayer.ANY_DIGIT);
            if (r > 0) return r;
            if (r < 0 && p.required()) return 0;
        }
        return 0;
    }

    /** play_message_callerid (saycidnumber): "from phone number 1 2 3", or "from an unknown caller". */
    static int callerId(Channel c, Mailbox box, Map<String, String> info) {
        String cid = info.getOrDefault("callerid", "");
        String num = cid;
        int lt = cid.indexOf('<');
        if (lt >= 0) num = cid.substring(lt + 1, cid.indexOf('>', lt) < 0 ? cid.length() : cid.indexOf('>', lt));
        num = num.strip();
        if (num.isEmpty() || num.equals("Unknown") || !num.chars().anyMatch(Character::isDigit)) {
            return VoiceMailMainApp.play(c, "vm-unknown-caller");
        }
        String ctx = info.getOrDefault("context", "");
        boolean internal = false;
        for (String s : box.option("cidinternalcontexts", "").split(",")) internal |= !s.isBlank() && s.strip().equals(ctx);
        int r = VoiceMailMainApp.play(c, internal ? "vm-from-extension" : "vm-from-phonenumber");
        for (String f : SayFiles.digits(num)) {
            if (r != 0) break;
            r = VoiceMailMainApp.play(c, f);
        }
        return r;
    }

    static int number(Channel c, int n) {
        for (String f : SayFiles.number(n)) {
            int r = VoiceMailMainApp.play(c, f);
            if (r != 0) return r;
        }
        return 0;
    }

}
