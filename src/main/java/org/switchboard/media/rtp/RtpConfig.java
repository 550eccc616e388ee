package org.switchboard.media.rtp;

/** STUB until the real one lands. */
public record RtpConfig(int rtpStart, int rtpEnd, boolean strictRtp, int dtmfTimeout, java.util.List<String> problems) {
    public static RtpConfig read(org.switchboard.config.Config c) { return new RtpConfig(10000, 20000, true, 3, java.util.List.of()); }
}
