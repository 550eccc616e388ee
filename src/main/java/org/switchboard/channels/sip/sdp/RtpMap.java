package org.switchboard.channels.sip.sdp;

/** {@code a=rtpmap:<payload type> <encoding name>/<clock rate>[/<channels>]} (RFC 4566 §6). */
public record RtpMap(int payloadType, String encoding, int clockRate, int channels) {

    /** Parses the attribute value; null when malformed. */
    public static RtpMap parse(String v) {
        int sp = v.indexOf(' ');
        if (sp <= 0) return null;
        int pt = SdpParser.number(v, 0, sp);
        int s1 = v.indexOf('/', sp + 1);
        if (pt < 0 || pt > 127 || s1 < 0) return null;
        int s2 = v.indexOf('/', s1 + 1);
        int rate = SdpParser.number(v, s1 + 1, s2 < 0 ? v.length() : s2);
        int ch = s2 < 0 ? 1 : SdpParser.number(v, s2 + 1, v.length());
        if (rate <= 0 || ch <= 0) return null;
        return new RtpMap(pt, v.substring(sp + 1, s1).trim(), rate, ch);
    }

    @Override public String toString() {
        return payloadType + " " + encoding + "/" + clockRate + (channels > 1 ? "/" + channels : "");
    }
}
