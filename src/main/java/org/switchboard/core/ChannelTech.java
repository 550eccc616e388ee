package org.switchboard.core;

/**
 * The technology side of one channel (Asterisk's tech_pvt + ast_channel_tech). Everything has a
 * do-nothing default so simple technologies implement only what they support.
 */
public interface ChannelTech {
    /** Starts an outbound call; progress arrives later as control frames on the channel. */
    default void call(Channel channel, String destination, int timeoutMs) throws ChannelUnavailableException {}
    default void answer(Channel channel) {}
    /** The channel is going away; release what the technology holds. Called once. */
    default void hangup(Channel channel) {}
    /** Media, DTMF and text written to the channel, i.e. towards the far end. */
    default void write(Channel channel, Frame frame) {}
    /** Call progress shown to the far end (ringing, busy, ...). */
    default void indicate(Channel channel, Frame.Control control) {}
    /**
     * A bridge with {@code peer} starts: a technology that can move media between the two legs
     * itself (RTP to RTP when both use one codec, without decoding) does so and returns true;
     * frames then carry only signalling and DTMF through the bridge.
     */
    default boolean nativeBridge(Channel self, Channel peer) { return false; }

    /**
     * Echo(): a technology that can send the channel's media straight back to where it came from
     * does so while {@code on} and returns true; DTMF and text still arrive as frames.
     */
    default boolean nativeEcho(Channel self, boolean on) { return false; }

    /** The bridge ended: media goes back through channel frames. */
    default void nativeUnbridge(Channel self) {}

    /** The codec the far end of this channel speaks (Asterisk's name, {@code ulaw}); slin for those without media of their own. */
    default String nativeFormat(Channel channel) { return "slin"; }

    /** One-line description of the peer for {@code core show channel}. */
    default String peerDescription(Channel channel) { return ""; }
}
