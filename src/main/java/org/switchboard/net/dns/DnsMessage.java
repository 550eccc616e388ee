package org.switchboard.net.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * DNS messages to and from bytes, without I/O (RFC 1035 §4.1): a standard query with recursion
 * desired, and the answer section of a response as {@link DnsRecord}s. A response that is cut
 * short, points in a loop or is otherwise unreadable is a {@link DnsAnswer} with the reason.
 */
public final class DnsMessage {
    public static final int TYPE_A = 1;
    public static final int TYPE_SRV = 33;
    public static final int TYPE_AAAA = 28;
    public static final int TYPE_NAPTR = 35;
    private static final int CLASS_IN = 1;

    /** The response had the TC bit: only TCP carries the whole of it (RFC 7766 §5). Compared by identity. */
    public static final DnsAnswer TRUNCATED = DnsAnswer.failed("the answer was truncated (TC) and TCP did not carry it");

    private DnsMessage() {}

    /** A query for {@code name}'s records of {@code type}; IllegalArgumentException for a name DNS cannot carry. */
    public static byte[] query(int id, String name, int type) {
        ByteBuffer b = ByteBuffer.allocate(512);
        b.putShort((short) id).putShort((short) 0x0100).putShort((short) 1).putShort((short) 0).putShort((short) 0).putShort((short) 0);
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        for (String label : n.split("\\.", -1)) {
            byte[] l = label.getBytes(StandardCharsets.US_ASCII);
            if (l.length == 0 || l.length > 63) throw new IllegalArgumentException("invalid DNS name '" + name + "'");
            if (b.remaining() < l.length + 6) throw new IllegalArgumentException("DNS name too long");
            b.put((byte) l.length).put(l);
        }
        b.put((byte) 0).putShort((short) type).putShort((short) CLASS_IN);
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    /** The answer in a response, {@link #TRUNCATED}, or null when the message is not a response to query {@code id}. */
    public static DnsAnswer parse(ByteBuffer b, int id) {
        try {
            if ((b.getShort() & 0xffff) != id) return null;
            int flags = b.getShort() & 0xffff;
            if ((flags & 0x8000) == 0) return null;            // a query, not a response
            int rcode = flags & 0xf;
            int qd = b.getShort() & 0xffff, an = b.getShort() & 0xffff;
            b.getShort();
            b.getShort();
            if ((flags & 0x0200) != 0) return TRUNCATED;
            if (rcode == 3) return DnsAnswer.of(List.of());    // NXDOMAIN: no such name
            if (rcode != 0) return DnsAnswer.failed("the server answered " + rcodeName(rcode));
            for (int i = 0; i < qd; i++) {
                name(b);
                b.getInt();
            }
            List<DnsRecord> out = new ArrayList<>();
            for (int i = 0; i < an; i++) {
                String owner = name(b);
                int type = b.getShort() & 0xffff;
                b.getShort();
                long ttl = b.getInt() & 0xffffffffL;
                int len = b.getShort() & 0xffff;
                int end = b.position() + len;
                if (end > b.limit()) throw new IndexOutOfBoundsException("record past the end");
                DnsRecord r = switch (type) {
                    case TYPE_NAPTR -> new DnsRecord.Naptr(owner, ttl, b.getShort() & 0xffff, b.getShort() & 0xffff,
                        text(b), text(b), text(b), name(b));
                    case TYPE_SRV -> new DnsRecord.Srv(owner, ttl, b.getShort() & 0xffff, b.getShort() & 0xffff,
                        b.getShort() & 0xffff, name(b));
                    case TYPE_A, TYPE_AAAA -> address(owner, ttl, b, len);
                    default -> null;                          // CNAME and others: the server followed them for us
                };
                if (r != null) out.add(r);
                b.position(end);
            }
            return DnsAnswer.of(out);
        } catch (RuntimeException e) {
            return DnsAnswer.failed("a malformed answer (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static DnsRecord address(String owner, long ttl, ByteBuffer b, int len) {
        if (len != 4 && len != 16) throw new IllegalStateException("an address of " + len + " bytes");
        byte[] a = new byte[len];
        b.get(a);
        try {
            return new DnsRecord.Address(owner, ttl, InetAddress.getByAddress(owner, a));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(ByteBuffer b) {
        int n = b.get() & 0xff;
        byte[] t = new byte[n];
        b.get(t);
        return new String(t, StandardCharsets.UTF_8);
    }

    /** A domain name, following compression pointers (RFC 1035 §4.1.4), at most 64 hops. */
    private static String name(ByteBuffer b) {
        StringBuilder sb = new StringBuilder();
        int pos = b.position(), after = -1;
        for (int hops = 0; hops < 64; hops++) {
            int n = b.get(pos) & 0xff;
            if (n == 0) {
                b.position(after >= 0 ? after : pos + 1);
                return sb.isEmpty() ? "." : sb.toString();
            }
            if ((n & 0xc0) == 0xc0) {
                if (after < 0) after = pos + 2;
                pos = ((n & 0x3f) << 8) | (b.get(pos + 1) & 0xff);
                continue;
            }
            if (!sb.isEmpty()) sb.append('.');
            for (int i = 1; i <= n; i++) sb.append((char) (b.get(pos + i) & 0xff));
            pos += n + 1;
        }
        throw new IllegalStateException("name compression loop");
    }

    private static String rcodeName(int rcode) {
        return switch (rcode) {
            case 1 -> "FORMERR";
            case 2 -> "SERVFAIL";
            case 4 -> "NOTIMP";
            case 5 -> "REFUSED";
            default -> "RCODE " + rcode;
        };
    }

    /** The type's name, for log lines. */
    public static String typeName(int type) {
        return switch (type) {
            case TYPE_A -> "A";
            case TYPE_AAAA -> "AAAA";
            case TYPE_SRV -> "SRV";
            case TYPE_NAPTR -> "NAPTR";
            default -> "TYPE" + type;
        };
    }
}
