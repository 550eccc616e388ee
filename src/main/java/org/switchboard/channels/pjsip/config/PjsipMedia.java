package org.switchboard.channels.pjsip.config;

import java.util.Locale;
import org.switchboard.channels.sip.config.IceDtlsMedia;

/**
 * An endpoint's media transport options, as res_pjsip applies them: {@code media_encryption}
 * (no, sdes, dtls), {@code ice_support}, {@code use_avpf}, {@code rtcp_mux}, {@code dtls_setup},
 * {@code dtls_verify}, {@code media_use_received_transport}, and {@code webrtc=yes}, which sets
 * use_avpf, media_encryption=dtls, dtls_auto_generate_cert, dtls_verify=fingerprint,
 * dtls_setup=actpass, ice_support, media_use_received_transport and rtcp_mux whatever the section
 * says of them (res_pjsip's endpoint apply step, after every option is read).
 */
public record PjsipMedia(Encryption encryption, boolean ice, boolean avpf, boolean rtcpMux, String dtlsSetup,
                         String dtlsVerify, boolean useReceivedTransport, boolean webrtc) {
    public enum Encryption { NO, SDES, DTLS }

    public static final PjsipMedia DEFAULT = new PjsipMedia(Encryption.NO, false, false, false, "active", "no", false, false);

    /** The options as {@code webrtc=yes} leaves them. */
    public PjsipMedia applyWebrtc() {
        return !webrtc ? this : new PjsipMedia(Encryption.DTLS, true, true, true, "actpass", "fingerprint", true, true);
    }

    /**
     * ICE with DTLS-SRTP for this endpoint, or null for plain RTP and for SDES: our ICE carries
     * DTLS-SRTP keys only, so {@code ice_support=yes} beside {@code media_encryption=sdes} leaves the
     * media SDES-SRTP without candidates (said at load, see {@link #iceIgnoredForSdes}).
     */
    public IceDtlsMedia iceDtls() {
        if (encryption == Encryption.SDES) return null;
        return encryption == Encryption.DTLS || ice ? new IceDtlsMedia(avpf, rtcpMux) : null;
    }

    /** ice_support=yes that SDES keying overrides. */
    public boolean iceIgnoredForSdes() { return ice && encryption == Encryption.SDES; }

    /** Reads one option of an endpoint section into a builder; false when {@code key} is not a media option. */
    static boolean read(String key, String value, PjsipMedia[] m, java.util.function.Consumer<String> problem) {
        PjsipMedia c = m[0];
        String v = value.trim().toLowerCase(Locale.ROOT);
        switch (key.toLowerCase(Locale.ROOT)) {
            case "media_encryption" -> {
                Encryption e = switch (v) {
                    case "no" -> Encryption.NO;
                    case "sdes" -> Encryption.SDES;
                    case "dtls" -> Encryption.DTLS;
                    default -> null;
                };
                if (e == null) problem.accept("bad media_encryption '" + value.trim() + "' (no, sdes, dtls)");
                else m[0] = new PjsipMedia(e, c.ice, c.avpf, c.rtcpMux, c.dtlsSetup, c.dtlsVerify, c.useReceivedTransport, c.webrtc);
            }
            case "ice_support" -> m[0] = new PjsipMedia(c.encryption, truth(v), c.avpf, c.rtcpMux, c.dtlsSetup, c.dtlsVerify, c.useReceivedTransport, c.webrtc);
            case "use_avpf" -> m[0] = new PjsipMedia(c.encryption, c.ice, truth(v), c.rtcpMux, c.dtlsSetup, c.dtlsVerify, c.useReceivedTransport, c.webrtc);
            case "rtcp_mux" -> m[0] = new PjsipMedia(c.encryption, c.ice, c.avpf, truth(v), c.dtlsSetup, c.dtlsVerify, c.useReceivedTransport, c.webrtc);
            case "media_use_received_transport" -> m[0] = new PjsipMedia(c.encryption, c.ice, c.avpf, c.rtcpMux, c.dtlsSetup, c.dtlsVerify, truth(v), c.webrtc);
            case "webrtc" -> m[0] = new PjsipMedia(c.encryption, c.ice, c.avpf, c.rtcpMux, c.dtlsSetup, c.dtlsVerify, c.useReceivedTransport, truth(v));
            case "dtls_setup" -> {
                if (v.equals("active") || v.equals("passive") || v.equals("actpass")) {
                    m[0] = new PjsipMedia(c.encryption, c.ice, c.avpf, c.rtcpMux, v, c.dtlsVerify, c.useReceivedTransport, c.webrtc);
                } else {
                    problem.accept("bad dtls_setup '" + value.trim() + "' (active, passive, actpass)");
                }
            }
            case "dtls_verify" -> m[0] = new PjsipMedia(c.encryption, c.ice, c.avpf, c.rtcpMux, c.dtlsSetup, v, c.useReceivedTransport, c.webrtc);
            // our certificate is generated at start (dtls_auto_generate_cert); files are read by nobody yet
            case "dtls_auto_generate_cert", "dtls_cert_file", "dtls_private_key", "dtls_ca_file", "dtls_ca_path",
                 "dtls_cipher", "dtls_rekey", "dtls_fingerprint" -> { }
            default -> { return false; }
        }
        return true;
    }

    private static boolean truth(String v) {
        return switch (v) {
            case "yes", "true", "y", "t", "1", "on" -> true;
            default -> false;
        };
    }
}
