package org.switchboard.net.dtls;

import java.util.Arrays;
import org.jitsi.utils.ByteArrayBuffer;

/**
 * jitsi-srtp works on a {@link ByteArrayBuffer}: this is one reusable scratch array, with room
 * for the SRTP/SRTCP trailer, so protecting a packet in place allocates nothing.
 */
final class PacketBuffer implements ByteArrayBuffer {
    private byte[] buf;
    private int off;
    private int len;

    PacketBuffer(int capacity) { buf = new byte[capacity]; }

    /** The array a packet is copied into before {@link #reset}. */
    @Override
    public byte[] getBuffer() { return buf; }

    /** A packet of {@code length} bytes now lies at offset 0 of {@link #getBuffer}; larger ones get a larger array. */
    byte[] reset(int length) {
        if (length + 64 > buf.length) buf = new byte[length + 64];
        off = 0;
        len = length;
        return buf;
    }

    @Override public int getOffset() { return off; }
    @Override public int getLength() { return len; }
    @Override public void setLength(int l) { len = l; }
    @Override public void setOffset(int o) { off = o; }
    @Override public boolean isInvalid() { return false; }

    @Override
    public void readRegionToBuff(int o, int l, byte[] out) { System.arraycopy(buf, off + o, out, 0, l); }

    @Override
    public void grow(int howMuch) {
        if (off + len + howMuch > buf.length) buf = Arrays.copyOf(buf, off + len + howMuch + 64);
    }

    @Override
    public void append(byte[] data, int l) {
        grow(l);
        System.arraycopy(data, 0, buf, off + len, l);
        len += l;
    }

    @Override
    public void shrink(int l) { len = Math.max(0, len - l); }
}
