package org.switchboard.channels.sip.config;

import java.util.Locale;

/**
 * {@code nat=} as chan_sip reads it (comma list): {@code force_rport} sends replies and requests
 * to where a peer's packets came from (RFC 3581) instead of its Via/Contact, {@code comedia} sends
 * RTP to where the peer's RTP comes from; {@code yes} is both, {@code no}/{@code never} neither;
 * the {@code auto_} forms apply only when the peer's Via shows it is behind NAT.
 */
public record Nat(boolean forceRport, boolean comedia, boolean auto) {

    public static final Nat NO = new Nat(false, false, false);
    /** chan_sip's default since Asterisk 11. */
    public static final Nat AUTO_FORCE_RPORT = new Nat(true, false, true);

    /** Parses the value; throws IllegalArgumentException naming the bad word. */
    public static Nat parse(String value) {
        boolean rport = false, comedia = false, auto = false;
        for (String w : value.split(",")) {
            switch (w.trim().toLowerCase(Locale.ROOT)) {
                case "yes" -> { rport = true; comedia = true; }
                case "no", "never" -> { rport = false; comedia = false; }
                case "force_rport" -> rport = true;
                case "comedia" -> comedia = true;
                case "auto_force_rport" -> { rport = true; auto = true; }
                case "auto_comedia" -> { comedia = true; auto = true; }
                case "route" -> rport = true; // old chan_sip spelling: force_rport without comedia
                default -> throw new IllegalArgumentException("bad nat value '" + w.trim()
                    + "' (yes, no, force_rport, comedia, auto_force_rport, auto_comedia)");
            }
        }
        return new Nat(rport, comedia, auto);
    }

    /** Whether to use the packet's source rather than Via/Contact, given whether they differ. */
    public boolean useSourceAddress(boolean viaDiffersFromSource) {
        return forceRport && (!auto || viaDiffersFromSource);
    }
}
