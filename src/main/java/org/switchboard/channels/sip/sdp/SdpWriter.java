package org.switchboard.channels.sip.sdp;

import java.nio.charset.StandardCharsets;

/** A {@link SessionDescription} to text in RFC 4566 §5 line order, CRLF line ends. */
public final class SdpWriter {
    private SdpWriter() {}

    public static byte[] toBytes(SessionDescription sdp) { return write(sdp).getBytes(StandardCharsets.UTF_8); }

    public static String write(SessionDescription d) {
        StringBuilder sb = new StringBuilder(384);
        line(sb, 'v', Integer.toString(d.version()));
        line(sb, 'o', d.origin().toString());
        line(sb, 's', d.sessionName());
        for (String o : d.other()) if ("iuep".indexOf(o.charAt(0)) >= 0) sb.append(o).append("\r\n");
        if (d.connection() != null) line(sb, 'c', d.connection().toString());
        for (String o : d.other()) if (o.charAt(0) == 'b') sb.append(o).append("\r\n");
        line(sb, 't', d.timing());
        for (String o : d.other()) if ("iuepb".indexOf(o.charAt(0)) < 0) sb.append(o).append("\r\n");
        for (Attribute a : d.attributes()) line(sb, 'a', a.toString());
        for (MediaDescription m : d.media()) {
            sb.append("m=").append(m.media()).append(' ').append(m.port());
            if (m.portCount() > 1) sb.append('/').append(m.portCount());
            sb.append(' ').append(m.proto());
            for (String f : m.formats()) sb.append(' ').append(f);
            sb.append("\r\n");
            for (String o : m.other()) if (o.charAt(0) == 'i') sb.append(o).append("\r\n");
            if (m.connection() != null) line(sb, 'c', m.connection().toString());
            for (String o : m.other()) if (o.charAt(0) != 'i') sb.append(o).append("\r\n");
            for (Attribute a : m.attributes()) line(sb, 'a', a.toString());
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, char type, String value) {
        sb.append(type).append('=').append(value).append("\r\n");
    }
}
