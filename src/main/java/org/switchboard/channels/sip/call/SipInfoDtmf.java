package org.switchboard.channels.sip.call;

/**
 * The digit in a SIP INFO body: {@code application/dtmf-relay} ({@code Signal=5\r\nDuration=160})
 * or {@code application/dtmf} (the digit alone, or an event number), as phones send them.
 */
public final class SipInfoDtmf {
    private SipInfoDtmf() {}

    /** The digit, or 0 when the body names none. */
    public static char digit(String body, boolean relay) {
        String v = null;
        if (relay) {
            for (String line : body.split("\r?\n")) {
                int eq = line.indexOf('=');
                if (eq > 0 && line.substring(0, eq).trim().equalsIgnoreCase("Signal")) v = line.substring(eq + 1).trim();
            }
        } else {
            v = body.trim();
        }
        if (v == null || v.isEmpty()) return 0;
        if (v.length() == 1) {
            char c = Character.toUpperCase(v.charAt(0));
            return "0123456789*#ABCD".indexOf(c) >= 0 ? c : 0;
        }
        if (v.matches("\\d{1,2}")) { // RFC 4733 event numbers: 10 is *, 11 is #, 12-15 A-D, 16 flash
            int n = Integer.parseInt(v);
            return n <= 15 ? "0123456789*#ABCD".charAt(n) : 0;
        }
        return 0;
    }

    /** Duration=N in ms, 250 when absent (chan_sip's default). */
    public static int duration(String body) {
        for (String line : body.split("\r?\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).trim().equalsIgnoreCase("Duration")) {
                String v = line.substring(eq + 1).trim();
                if (v.matches("\\d{1,6}")) return Math.max(40, Integer.parseInt(v));
            }
        }
        return 250;
    }
}
