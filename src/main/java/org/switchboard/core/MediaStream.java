package org.switchboard.core;

/**
 * A channel's audio as a stream of packets that the PBX can pass to another leg without decoding
 * them: native bridging, and Echo's turn-around. Whether it can is the stream's to say, by codec
 * and by what its transport allows, never by which technology owns the channel. RTP's is
 * {@code org.switchboard.media.rtp.RtpSession}, whatever carries it (UDP, ICE + DTLS-SRTP).
 */
public interface MediaStream {
    /** The negotiated codec (Asterisk's name, {@code ulaw}), or null before negotiation. */
    String codec();

    /** True when packets can pass between this stream and {@code other} untouched. */
    boolean canRelay(MediaStream other);

    /**
     * Passes packets both ways between this stream and {@code other} instead of up as frames;
     * false, and nothing changed, when {@link #canRelay} says no or either already relays.
     */
    boolean relayWith(MediaStream other);

    /** Sends what this stream receives straight back to its sender; false when it cannot now. */
    boolean echo();

    /** Ends relaying (both directions) or echo: media goes up as frames again. */
    void endRelay();
}
