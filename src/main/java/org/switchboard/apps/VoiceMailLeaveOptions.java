package org.switchboard.apps;

import java.util.Map;
import org.switchboard.core.AppArgs;
import org.switchboard.core.PbxLog;

/**
 * VoiceMail()'s options as Asterisk 20 documents them: b, d([c]), e, g(#), s, S, t([x]), u, U, P.
 * An option letter it does not know is one warning and otherwise ignored, as app_voicemail's
 * option parser does.
 *
 * @param greeting     "busy", "unavail" or null (b / u)
 * @param exitContext  d([c]): a digit during the greeting goes to that one-digit extension of this
 *                     context ("" for the current one) when it exists; null without d
 * @param earlyMedia   e: the greeting as early media, answered just before the beep
 * @param gainDb       g(#): whole decibels applied to the recording
 * @param skipInstructions s: no vm-intro
 * @param skipIfGreeting   S: no vm-intro when the owner has recorded the greeting played
 * @param beep         t([x]): the file played as the beep; "" for none; "beep" without t
 * @param flag         U: "Urgent" (the message goes to the Urgent folder), P: "PRIORITY", else ""
 */
record VoiceMailLeaveOptions(String greeting, String exitContext, boolean earlyMedia, int gainDb,
                             boolean skipInstructions, boolean skipIfGreeting, String beep, String flag) {
    private static final String KNOWN = "bdegsStuUP";

    static VoiceMailLeaveOptions parse(String text) {
        Map<Character, String> o = AppArgs.options(text == null ? "" : text);
        for (char k : o.keySet()) {
            if (KNOWN.indexOf(k) < 0) PbxLog.warning(VoiceMailApp.SOURCE, "Unknown VoiceMail option '" + k + "' ignored");
        }
        int gain = 0;
        if (o.containsKey('g')) {
            try {
                gain = Integer.parseInt(o.get('g').strip());
            } catch (NumberFormatException e) {
                PbxLog.warning(VoiceMailApp.SOURCE, "Invalid value '" + o.get('g') + "' provided for voicemail gain, ignored");
            }
        }
        String greeting = o.containsKey('b') ? "busy" : o.containsKey('u') ? "unavail" : null;
        String flag = o.containsKey('U') ? "Urgent" : o.containsKey('P') ? "PRIORITY" : "";
        return new VoiceMailLeaveOptions(greeting, o.containsKey('d') ? o.get('d').strip() : null, o.containsKey('e'), gain,
                o.containsKey('s'), o.containsKey('S'), o.containsKey('t') ? o.get('t').strip() : "beep", flag);
    }

    boolean urgent() { return flag.equals("Urgent"); }

    /** The folder a new message goes to: Urgent for U, else INBOX. */
    String folder() { return urgent() ? "Urgent" : "INBOX"; }
}
