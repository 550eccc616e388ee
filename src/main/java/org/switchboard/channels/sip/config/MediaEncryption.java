package org.switchboard.channels.sip.config;

/**
 * How a peer's media is protected: pjsip.conf's {@code media_encryption} ({@code no}, {@code sdes},
 * {@code dtls}), chan_sip's {@code encryption=yes} (SDES). {@code optimistic} (pjsip's
 * {@code media_encryption_optimistic}): offer it on RTP/AVP and fall back to plain RTP when the
 * other side does not take it, instead of failing the call.
 */
public record MediaEncryption(Kind kind, boolean optimistic) {
    public enum Kind { NONE, SDES, DTLS }

    public static final MediaEncryption NONE = new MediaEncryption(Kind.NONE, false);
    public static final MediaEncryption SDES = new MediaEncryption(Kind.SDES, false);

    public boolean sdes() { return kind == Kind.SDES; }

    /** By pjsip's name ({@code no}, {@code sdes}, {@code dtls}; case-insensitive); NONE for anything else. */
    public static MediaEncryption of(String name, boolean optimistic) {
        Kind k = switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "sdes" -> Kind.SDES;
            case "dtls" -> Kind.DTLS;
            default -> Kind.NONE;
        };
        return new MediaEncryption(k, optimistic);
    }
}
