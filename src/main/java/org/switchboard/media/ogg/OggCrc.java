package org.switchboard.media.ogg;

/**
 * The Ogg page checksum (RFC 3533 §6): CRC-32 with generator polynomial 0x04c11db7, initial value
 * 0, no reflection and no final XOR, computed over the whole page with its CRC field set to zero.
 * (java.util.zip.CRC32 is the reflected variant and gives other values.)
 */
final class OggCrc {
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int r = i << 24;
            for (int k = 0; k < 8; k++) r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04c11db7 : r << 1;
            TABLE[i] = r;
        }
    }

    private OggCrc() {}

    static int of(byte[] page, int off, int len) {
        int crc = 0;
        for (int i = off; i < off + len; i++) crc = (crc << 8) ^ TABLE[((crc >>> 24) ^ page[i]) & 0xff];
        return crc;
    }
}
