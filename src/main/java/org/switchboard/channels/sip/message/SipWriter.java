package org.switchboard.channels.sip.message;

import java.nio.charset.StandardCharsets;

/**
 * A {@link SipMessage} to bytes (RFC 3261 §7): canonical header names, one value per line, and a
 * Content-Length always written last from the actual body (§18.3, §20.14). No I/O.
 */
public final class SipWriter {
    private SipWriter() {}

    public static byte[] write(SipMessage m) {
        StringBuilder sb = new StringBuilder(512);
        switch (m) {
            case SipRequest r -> {
                sb.append(r.method()).append(' ');
                r.uri().appendTo(sb);
                sb.append(" SIP/2.0\r\n");
            }
            case SipResponse r -> sb.append("SIP/2.0 ").append(r.status()).append(' ').append(r.reason()).append("\r\n");
        }
        Headers h = m.headers();
        for (int i = 0, n = h.size(); i < n; i++) {
            String name = h.name(i);
            if (name == HeaderNames.CONTENT_LENGTH || name.equalsIgnoreCase(HeaderNames.CONTENT_LENGTH)) continue;
            sb.append(name).append(": ").append(h.value(i)).append("\r\n");
        }
        byte[] body = m.body();
        sb.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        return concat(sb, body);
    }

    private static byte[] concat(StringBuilder sb, byte[] body) {
        byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8); // ASCII text copies without decoding
        if (body.length == 0) return head;
        byte[] out = new byte[head.length + body.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }
}
