package org.switchboard.media.rtp;

/**
 * RFC 4733 §2.3 telephone-event payload: event (8 bits), E (end), R, volume (6 bits, -dBm0),
 * duration (16 bits, in RTP timestamp units from the event's start timestamp).
 * DTMF events (§3.2): 0-9 are the digits, 10 '*', 11 '#', 12-15 'A'-'D', 16 flash.
 */
public record TelephoneEvent(int event, boolean end, int volume, int duration) {
    public static final int SIZE = 4;
    public static final int FLASH = 16;
    private static final String DIGITS = "0123456789*#ABCD";

    public TelephoneEvent {
        if (event < 0 || event > 255) throw new IllegalArgumentException("event " + event);
        if (volume < 0 || volume > 63) throw new IllegalArgumentException("volume " + volume);
        if (duration < 0 || duration > 0xFFFF) throw new IllegalArgumentException("duration " + duration);
    }

    /** Parses the first event of a payload, or null when fewer than 4 bytes are present. */
    public static TelephoneEvent parse(byte[] b, int off, int len) {
        if (len < SIZE) return null;
        return new TelephoneEvent(b[off] & 0xFF, (b[off + 1] & 0x80) != 0, b[off + 1] & 0x3F,
            ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF));
    }

    /** Writes the 4 payload bytes (R written as 0); returns 4. */
    public int write(byte[] b, int off) {
        return write(b, off, event, end, volume, duration);
    }

    /** Writes an event payload from its fields without building a record; returns 4. */
    public static int write(byte[] b, int off, int event, boolean end, int volume, int duration) {
        b[off] = (byte) event;
        b[off + 1] = (byte) ((end ? 0x80 : 0) | volume);
        b[off + 2] = (byte) (duration >> 8);
        b[off + 3] = (byte) duration;
        return SIZE;
    }

    /** The DTMF character of this event, or 0 when it is not one (flash and others). */
    public char digit() { return digitOf(event); }

    public static char digitOf(int event) {
        return event >= 0 && event < DIGITS.length() ? DIGITS.charAt(event) : 0;
    }

    /** The event code of a DTMF character (lower case a-d accepted), or -1. */
    public static int eventOf(char digit) {
        return DIGITS.indexOf(Character.toUpperCase(digit));
    }
}
