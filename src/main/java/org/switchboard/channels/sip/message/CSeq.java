package org.switchboard.channels.sip.message;

/** CSeq (RFC 3261 §20.16): a sequence number below 2^31 and a method. */
public record CSeq(long seq, String method) {

    public static CSeq parse(String s) {
        int to = Text.trimEnd(s, 0, s.length());
        int i = Text.skipWs(s, 0, to);
        int ds = i;
        while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
        long n = Text.parseDigits(s, ds, i, 10);
        if (n < 0 || n > 0x7fffffffL) throw new IllegalArgumentException("bad CSeq number"); // §8.1.1.5
        int ms = Text.skipWs(s, i, to);
        if (ms == i || ms == to) throw new IllegalArgumentException("CSeq without method");
        for (int j = ms; j < to; j++) if (!Text.isToken(s.charAt(j))) throw new IllegalArgumentException("bad CSeq method");
        return new CSeq(n, SipMethod.intern(s, ms, to));
    }

    @Override public String toString() { return seq + " " + method; }
}
