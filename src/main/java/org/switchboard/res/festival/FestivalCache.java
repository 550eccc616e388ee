package org.switchboard.res.festival;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * app_festival's waveform cache, file for file: named by the MD5 of the text in hex (each byte
 * as {@code %X}, so without leading zeros), holding the text's length (a 4-byte native int), the
 * text, then the server's answer as it came. A cache Asterisk filled is read here and the other
 * way round. A file is written to a temporary name and renamed, so a reader never sees half of one.
 */
public final class FestivalCache {
    private final Path dir;

    public FestivalCache(Path dir) { this.dir = dir; }

    /** The answer cached for {@code text}, or null (absent, or written for another text). */
    public byte[] get(String text) throws IOException {
        Path f = dir.resolve(name(text));
        if (!Files.isRegularFile(f)) return null;
        byte[] all = Files.readAllBytes(f);
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        if (all.length < 4) return null;
        int len = ByteBuffer.wrap(all, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (len != t.length || all.length < 4 + len || !Arrays.equals(all, 4, 4 + len, t, 0, len)) return null;
        return Arrays.copyOfRange(all, 4 + len, all.length);
    }

    public void put(String text, byte[] answer) throws IOException {
        Files.createDirectories(dir);
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(4 + t.length + answer.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(t.length).put(t).put(answer);
        Path tmp = Files.createTempFile(dir, ".festival", ".tmp");
        Files.write(tmp, b.array());
        Files.move(tmp, dir.resolve(name(text)), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String name(String text) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : md5) hex.append(Integer.toHexString(b & 0xff).toUpperCase(java.util.Locale.ROOT));
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
