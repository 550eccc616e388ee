package org.switchboard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.res.festival.FestivalCache;
import org.switchboard.res.festival.FestivalClient;
import org.switchboard.res.festival.FestivalConfig;
import org.switchboard.res.festival.FestivalReply;
import org.switchboard.res.festival.FestivalWaveform;
import org.switchboard.testing.FestivalServer;

/**
 * Festival() before its audio plays, against Debian's festival server on loopback: phrases per
 * second synthesised by the server (each distinct: connect, send Asterisk's tts command, read the
 * waveform, parse it, keep it in the cache, resample to 8 kHz), sequentially and from N callers
 * at once; then phrases per second from the cache (read the MD5-named file, parse, resample).
 * Run: {@code bench/run festival [phrases] [parallel]} (defaults 20, 4).
 */
public final class FestivalBench {
    private FestivalBench() {}

    public static void main(String[] args) throws Exception {
        int phrases = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int parallel = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        if (!FestivalServer.installed()) throw new IllegalStateException("festival is not installed (apt-get install festival festvox-kallpc16k)");
        Path dir = Files.createTempDirectory("festival-bench");
        try (FestivalServer server = FestivalServer.start(dir)) {
            Path cacheDir = Files.createDirectories(dir.resolve("cache"));
            FestivalConfig cfg = new FestivalConfig("127.0.0.1", server.port, true, cacheDir, FestivalConfig.DEFAULT_COMMAND);
            FestivalCache cache = new FestivalCache(cacheDir);
            synthesise(cfg, cache, "warm up the voice"); // the server loads its voice on the first phrase

            long t0 = System.nanoTime();
            for (int i = 0; i < phrases; i++) synthesise(cfg, cache, phrase("sequential", i));
            report("from the server, one caller", phrases, t0);

            ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
            t0 = System.nanoTime();
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < phrases; i++) {
                String p = phrase("parallel", i);
                all.add(pool.submit(() -> { synthesise(cfg, cache, p); return null; }));
                if (all.size() % parallel == 0) for (Future<?> f : all.subList(all.size() - parallel, all.size())) f.get();
            }
            for (Future<?> f : all) f.get();
            report("from the server, " + parallel + " callers at once", phrases, t0);

            int reads = phrases * 200;
            t0 = System.nanoTime();
            long samples = 0;
            for (int i = 0; i < reads; i++) {
                byte[] answer = cache.get(phrase("sequential", i % phrases));
                samples += FestivalWaveform.toSlin8k(FestivalReply.parse(answer).waveform()).length / 2;
            }
            report(String.format(Locale.ROOT, "from the cache (%.1f s of speech each)", samples / (double) reads / 8000.0), reads, t0);
            pool.shutdown();
        }
    }

    private static String phrase(String kind, int i) {
        return "Buddy number " + i + " of the " + kind + " run is online";
    }

    /** What Festival() does on a cache miss, up to the audio it would play. */
    private static void synthesise(FestivalConfig cfg, FestivalCache cache, String text) throws Exception {
        byte[] answer = FestivalClient.ask(cfg, cfg.commandFor(text), null);
        FestivalReply reply = FestivalReply.parse(answer);
        if (reply.error() != null) throw new IllegalStateException(reply.error());
        cache.put(text, answer);
        FestivalWaveform.toSlin8k(reply.waveform());
    }

    private static void report(String what, int n, long t0) {
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "Festival %s: %d phrases in %.2f s = %.1f phrases/s (%.1f ms each)%n",
                what, n, s, n / s, s * 1000 / n);
    }
}
