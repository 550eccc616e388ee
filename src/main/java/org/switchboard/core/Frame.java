package org.switchboard.core;

/** What flows through a channel: call progress, digits, text, media, and a wake-up. */
public sealed interface Frame {
    enum Control { RINGING, PROGRESS, PROCEEDING, ANSWER, BUSY, CONGESTION, HANGUP, HOLD, UNHOLD, SRCUPDATE }

    record ControlFrame(Control control) implements Frame {}
    record DtmfFrame(char digit, boolean end, int durationMs) implements Frame {}
    record TextFrame(String text) implements Frame {}
    /** Media: payload is owned by the frame; codec names follow Asterisk ("ulaw", "alaw", "slin", ...). */
    record VoiceFrame(String codec, byte[] payload, int samples) implements Frame {}
    /** Wakes a reader without meaning anything (hangup requested, state changed). */
    record NullFrame() implements Frame {}

    Frame NULL = new NullFrame();
    static ControlFrame control(Control c) { return new ControlFrame(c); }
}
