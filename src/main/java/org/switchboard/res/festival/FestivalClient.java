package org.switchboard.res.festival;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.switchboard.core.Channel;

/**
 * One request to a Festival server: connect, send the command, read the answer until the server
 * closes (the command ends with {@code (quit)}). Bounded: a connect timeout, a read timeout, a size
 * cap, and a channel hangup closes the socket at once.
 */
public final class FestivalClient {
    static final int CONNECT_TIMEOUT_MS = 5_000;
    static final int READ_TIMEOUT_MS = 30_000;
    static final int MAX_ANSWER_BYTES = 32 << 20;

    private FestivalClient() {}

    /** The server's raw answer; an IOException says why there is none. */
    public static byte[] ask(FestivalConfig cfg, String command, Channel channel) throws IOException {
        try (Socket s = new Socket()) {
            AutoCloseable wake = channel == null ? () -> { } : channel.onWake(() -> closeQuietly(s));
            try (wake) {
                s.connect(new InetSocketAddress(cfg.host(), cfg.port()), CONNECT_TIMEOUT_MS);
                s.setSoTimeout(READ_TIMEOUT_MS);
                s.getOutputStream().write(command.getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
                return readAll(s.getInputStream());
            } catch (SocketTimeoutException e) {
                throw new IOException("no answer within " + READ_TIMEOUT_MS / 1000 + " s", e);
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        for (int n; (n = in.read(buf)) > 0; ) {
            out.write(buf, 0, n);
            if (out.size() > MAX_ANSWER_BYTES) throw new IOException("answer larger than " + (MAX_ANSWER_BYTES >> 20) + " MB");
        }
        return out.toByteArray();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // the reader sees the closed socket and returns; nothing else to do
        }
    }
}
