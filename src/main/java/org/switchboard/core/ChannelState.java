package org.switchboard.core;

/** Asterisk's channel states, with the names and numbers AMI reports (ChannelState / ChannelStateDesc). */
public enum ChannelState {
    DOWN(0, "Down"), RESERVED(1, "Rsrvd"), OFFHOOK(2, "OffHook"), DIALING(3, "Dialing"),
    RING(4, "Ring"), RINGING(5, "Ringing"), UP(6, "Up"), BUSY(7, "Busy"),
    DIALING_OFFHOOK(8, "Dialing Offhook"), PRERING(9, "Pre-ring");

    private final int code;
    private final String description;

    ChannelState(int code, String description) {
        this.code = code;
        this.description = description;
    }

    public int code() { return code; }
    public String description() { return description; }
}
