package org.switchboard.net.xmpp.jingle;

import java.util.Locale;

/**
 * A Jingle Message Initiation element (XEP-0353 §3), carried in a {@code <message/>}: a
 * {@code propose} with the media it wants, or one of the answers naming the proposal by id.
 *
 * @param description for PROPOSE: the audio description offered (may be null for other media)
 * @param reason      for REJECT/RETRACT, optional (XEP-0353 §3.3)
 */
public record Jmi(Kind kind, String id, Jingle.RtpDescription description, Jingle.Reason reason) {
    public enum Kind {
        PROPOSE, RINGING, PROCEED, REJECT, RETRACT, ACCEPT, FINISH;

        public String xml() { return name().toLowerCase(Locale.ROOT); }

        public static Kind of(String xml) {
            for (Kind k : values()) if (k.xml().equals(xml)) return k;
            return null;
        }
    }

    public static Jmi of(Kind kind, String id) { return new Jmi(kind, id, null, null); }
}
