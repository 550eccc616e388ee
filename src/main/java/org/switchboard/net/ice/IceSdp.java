package org.switchboard.net.ice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ICE and DTLS attributes of an SDP media description, written and read without I/O:
 * {@code a=ice-ufrag}, {@code a=ice-pwd} (RFC 8839 §5.4), {@code a=fingerprint} (RFC 8122 §5),
 * {@code a=setup} (RFC 4145 §4), {@code a=candidate} (RFC 8839 §5.1) and {@code a=rtcp-mux}
 * (RFC 5761 §5.1.1). For WebRTC phones (the PJSIP issue) and tests against WebRTC stacks; Jingle
 * carries the same values in XML (XEP-0176, XEP-0320).
 */
public final class IceSdp {
    /** What a peer's description says; any part may be missing (null, or an empty list). */
    public record Remote(IceCredentials credentials, DtlsFingerprint fingerprint, DtlsSetup setup,
                         List<IceCandidate> candidates, boolean rtcpMux) {}

    private IceSdp() {}

    /** Our attribute lines ("a=..."), in the order browsers write them; candidates last. */
    public static List<String> attributes(IceCredentials credentials, DtlsFingerprint fingerprint, DtlsSetup setup,
            List<IceCandidate> candidates) {
        List<String> out = new ArrayList<>();
        out.add("a=ice-ufrag:" + credentials.ufrag());
        out.add("a=ice-pwd:" + credentials.pwd());
        out.add("a=fingerprint:" + fingerprint.hash() + " " + fingerprint.value());
        out.add("a=setup:" + setup.xmlValue());
        out.add("a=rtcp-mux");
        for (IceCandidate c : candidates) out.add("a=" + candidate(c));
        return out;
    }

    /** The attribute lines of a transport, as it is now. */
    public static List<String> attributes(IceDtlsTransport t) {
        return attributes(t.localCredentials(), t.localFingerprint(), t.localSetup(), t.localCandidates());
    }

    /** RFC 8839 §5.1: "candidate:FOUNDATION COMPONENT udp PRIORITY ADDRESS PORT typ TYPE [raddr A rport P] generation G". */
    public static String candidate(IceCandidate c) {
        StringBuilder b = new StringBuilder("candidate:").append(c.foundation()).append(' ').append(c.component())
            .append(' ').append(c.protocol().toLowerCase(Locale.ROOT)).append(' ').append(c.priority()).append(' ')
            .append(c.ip()).append(' ').append(c.port()).append(" typ ").append(c.type());
        if (c.relAddr() != null) b.append(" raddr ").append(c.relAddr()).append(" rport ").append(c.relPort());
        return b.append(" generation ").append(c.generation()).toString();
    }

    /**
     * One candidate, with or without the leading "a=" (RFC 8839 §5.1 grammar); null when it is
     * malformed. Unknown extension attributes are skipped, as the grammar allows.
     */
    public static IceCandidate parseCandidate(String line) {
        if (line == null) return null;
        String s = line.strip();
        if (s.startsWith("a=")) s = s.substring(2);
        if (!s.regionMatches(true, 0, "candidate:", 0, 10)) return null;
        String[] f = s.substring(10).trim().split("\\s+");
        if (f.length < 8 || !"typ".equalsIgnoreCase(f[6])) return null;
        try {
            String relAddr = null;
            int relPort = 0, generation = 0;
            for (int i = 8; i + 1 < f.length; i += 2) {
                switch (f[i].toLowerCase(Locale.ROOT)) {
                    case "raddr" -> relAddr = f[i + 1];
                    case "rport" -> relPort = Integer.parseInt(f[i + 1]);
                    case "generation" -> generation = Integer.parseInt(f[i + 1]);
                    default -> { } // tcptype, network-id, ufrag...: an extension we do not need
                }
            }
            return new IceCandidate(f[0], Integer.parseInt(f[1]), f[2].toLowerCase(Locale.ROOT), Long.parseLong(f[3]),
                f[4], Integer.parseInt(f[5]), f[7].toLowerCase(Locale.ROOT), relAddr, relPort, generation, null);
        } catch (IllegalArgumentException e) { // NumberFormatException included: a bad number is a bad line
            return null;
        }
    }

    /**
     * Reads the ICE/DTLS attributes of the first {@code m=audio} section of an SDP, the
     * session-level ones applying where the section has none (RFC 8839 §5.4, RFC 8122 §5).
     * Never throws: what is malformed is left out.
     */
    public static Remote read(String sdp) {
        String ufrag = null, pwd = null, fpHash = null, fpValue = null, setup = null;
        String sUfrag = null, sPwd = null, sFpHash = null, sFpValue = null, sSetup = null;
        List<IceCandidate> candidates = new ArrayList<>();
        boolean mux = false;
        int section = 0; // 0 session, 1 the audio section, 2 after it
        for (String raw : (sdp == null ? "" : sdp).split("\r?\n")) {
            String line = raw.strip();
            if (line.startsWith("m=")) {
                section = section == 0 && line.startsWith("m=audio") ? 1 : 2;
                continue;
            }
            if (section == 2 || !line.startsWith("a=")) continue;
            boolean media = section == 1;
            String attr = line.substring(2);
            int colon = attr.indexOf(':');
            String name = (colon < 0 ? attr : attr.substring(0, colon)).toLowerCase(Locale.ROOT);
            String value = colon < 0 ? "" : attr.substring(colon + 1).trim();
            switch (name) {
                case "ice-ufrag" -> { if (media) ufrag = value; else sUfrag = value; }
                case "ice-pwd" -> { if (media) pwd = value; else sPwd = value; }
                case "setup" -> { if (media) setup = value; else sSetup = value; }
                case "fingerprint" -> {
                    String[] p = value.split("\\s+", 2);
                    if (p.length == 2) {
                        if (media) { fpHash = p[0]; fpValue = p[1]; } else { sFpHash = p[0]; sFpValue = p[1]; }
                    }
                }
                case "rtcp-mux" -> mux |= media;
                case "candidate" -> {
                    IceCandidate c = media ? parseCandidate(line) : null;
                    if (c != null) candidates.add(c);
                }
                default -> { }
            }
        }
        ufrag = ufrag != null ? ufrag : sUfrag;
        pwd = pwd != null ? pwd : sPwd;
        IceCredentials creds = ufrag != null && !ufrag.isEmpty() && pwd != null && !pwd.isEmpty() ? new IceCredentials(ufrag, pwd) : null;
        String h = fpHash != null ? fpHash : sFpHash, v = fpValue != null ? fpValue : sFpValue;
        DtlsFingerprint fp = h != null && v != null && !v.isBlank() ? new DtlsFingerprint(h, v) : null;
        return new Remote(creds, fp, DtlsSetup.parse(setup != null ? setup : sSetup), List.copyOf(candidates), mux);
    }
}
