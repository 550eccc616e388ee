package org.switchboard.res.agi;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Reads an AGI program's output on a thread of its own (from {@link Agi#readers()}) and hands
 * each line to the session's inbox. The inbox is bounded: a program that writes faster than the
 * session answers waits (its pipe or socket fills), so memory stays bounded whatever it sends.
 */
final class AgiStreamReader {
    private AgiStreamReader() {}

    /** @param stopped true once the session is over: the reader then gives up on a full inbox */
    static void start(Executor readers, String name, InputStream in, int maxLineBytes, BlockingQueue<AgiInput> inbox,
                      BooleanSupplier stopped) {
        readers.execute(() -> {
            Thread me = Thread.currentThread();
            String was = me.getName();
            me.setName(name);
            try {
                pump(in, maxLineBytes, inbox, stopped);
            } finally {
                me.setName(was);
            }
        });
    }

    private static void pump(InputStream in, int maxLineBytes, BlockingQueue<AgiInput> inbox, BooleanSupplier stopped) {
        AgiLineFramer framer = new AgiLineFramer(maxLineBytes);
        byte[] buf = new byte[8192];
        boolean[] live = {true};
        try {
            for (;;) {
                int n = in.read(buf);
                if (n < 0) {
                    put(inbox, new AgiInput.Ended(AgiInput.Reason.CLOSED, null), stopped);
                    return;
                }
                boolean ok = framer.feed(buf, 0, n, line -> {
                    if (live[0]) live[0] = put(inbox, new AgiInput.Command(line, null), stopped);
                });
                if (!live[0]) return;
                if (!ok) {
                    put(inbox, new AgiInput.Ended(AgiInput.Reason.LINE_TOO_LONG, null), stopped);
                    return;
                }
            }
        } catch (IOException e) {
            if (!stopped.getAsBoolean()) put(inbox, new AgiInput.Ended(AgiInput.Reason.READ_FAILED, "read failed: " + e.getMessage()), stopped);
        }
    }

    /** Waits for room in the inbox; false when the session ended meanwhile. */
    private static boolean put(BlockingQueue<AgiInput> inbox, AgiInput in, BooleanSupplier stopped) {
        while (!stopped.getAsBoolean()) {
            try {
                if (inbox.offer(in, 200, TimeUnit.MILLISECONDS)) return true;
            } catch (InterruptedException e) {
                return false;
            }
        }
        return false;
    }
}
