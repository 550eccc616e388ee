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
     * The packet stream carrying this channel's audio now, which a bridge may relay to the other
     * leg's without decoding (and Echo() turn around), when the streams agree (codec,
     * transport); null when there is none or it must not be relayed now (on hold, not negotiated).
     * Frames then carry only signalling, DTMF and text.
     */
    default MediaStream mediaStream(Channel self) { return null; }

    /** The codec the far end of this channel speaks (Asterisk's name, {@code ulaw}); slin for those without media of their own. */
    default String nativeFormat(Channel channel) { return "slin"; }

    /** One-line description of the peer for {@code core show channel}. */
    default String peerDescription(Channel channel) { return ""; }

    /**
     * A technology's own CHANNEL() item ({@code CHANNEL(pjsip,remote_addr)}: {@code args} is the
     * whole argument), as ast_channel_tech's func_channel_read; null when it has no such item.
     */
    default String channelFunctionRead(Channel channel, String args) { return null; }
}
