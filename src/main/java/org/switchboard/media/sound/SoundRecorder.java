package org.switchboard.media.sound;

import org.switchboard.media.codec.G711;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.switchboard.core.Channel;
import org.switchboard.core.Frame;
import org.switchboard.core.HangupException;
import org.switchboard.core.PbxLog;

/**
 * Records what a channel sends into a file, as app_record's loop does: voice frames read from the
 * channel ({@code slin}, or G.711 which is decoded) are written as they arrive, until a terminating
 * digit, enough silence, the maximum duration, or a hangup. Silence is a frame whose mean absolute
 * sample is under {@link #SILENCE_THRESHOLD} (Asterisk's default dsp threshold, 256). The base of
 * Record() and VoiceMail.
 */
public final class SoundRecorder {
    public static final int SILENCE_THRESHOLD = 256;

    public enum Status { DTMF, SILENCE, TIMEOUT, HANGUP, ERROR }

    /**
     * What to record and when to stop.
     *
     * @param silenceMs  this much silence ends the recording (0: never); the silence is trimmed
     *                   off the end but for one second, as Asterisk does
     * @param maxMs      the longest recording (0: no limit)
     * @param stopOn     digits that end the recording
     * @param keepOnHangup keep the file when the caller hangs up (else it is deleted)
     * @param gainDb     whole decibels added to what is recorded (VoiceMail's g(#)); 0: as received
     */
    public record Options(Path path, SoundFormat format, boolean append, long silenceMs, long maxMs,
                          IntPredicate stopOn, boolean keepOnHangup, int gainDb) {
        public Options(Path path, SoundFormat format, boolean append, long silenceMs, long maxMs,
                       IntPredicate stopOn, boolean keepOnHangup) {
            this(path, format, append, silenceMs, maxMs, stopOn, keepOnHangup, 0);
        }
    }

    /** How it ended; {@code digit} is the one that ended it (DTMF), {@code durationMs} what the file holds. */
    public record Result(Status status, char digit, long durationMs) {}

    private SoundRecorder() {}

    /** Records until a stop condition; a hangup is reported as {@link Status#HANGUP}, not thrown. */
    public static Result record(Channel c, Options o) {
        SoundWriter w;
        try {
            w = SoundWriter.open(o.path(), o.format(), o.append());
        } catch (IOException e) {
            PbxLog.warning("app_record.c", "Could not create file " + o.path() + ": " + e.getMessage());
            return new Result(Status.ERROR, '\0', 0);
        }
        long start = System.nanoTime();
        long silentSamples = 0;
        Status status = Status.ERROR;
        char digit = '\0';
        try {
            for (;;) {
                long waitMs = -1;
                if (o.maxMs() > 0) {
                    waitMs = o.maxMs() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    if (waitMs <= 0) {
                        status = Status.TIMEOUT;
                        break;
                    }
                }
                Frame f = c.read(waitMs);
                if (f instanceof Frame.DtmfFrame d && d.end() && o.stopOn().test(d.digit())) {
                    status = Status.DTMF;
                    digit = d.digit();
                    break;
                }
                if (!(f instanceof Frame.VoiceFrame v)) continue;
                byte[] slin = toSlin(v);
                if (slin == null) continue;
                if (o.gainDb() != 0) slin = amplify(slin, o.gainDb());
                w.write(slin);
                silentSamples = isSilent(slin) ? silentSamples + slin.length / 2 : 0;
                if (o.silenceMs() > 0 && silentSamples * 1000 / SoundFile.RATE >= o.silenceMs()) {
                    status = Status.SILENCE;
                    long trim = (o.silenceMs() - 1000) * SoundFile.RATE / 1000;
                    if (trim > 0) w.truncate(w.samples() - trim);
                    break;
                }
            }
        } catch (HangupException e) {
            status = Status.HANGUP;
        } catch (IOException e) {
            PbxLog.warning("app_record.c", "Problem writing frame to " + o.path() + ": " + e.getMessage());
            status = Status.ERROR;
        } finally {
            try {
                w.close();
            } catch (IOException e) {
                PbxLog.warning("app_record.c", "Could not finish " + o.path() + ": " + e.getMessage());
            }
        }
        if (status == Status.HANGUP && !o.keepOnHangup()) {
            try {
                Files.deleteIfExists(o.path());
            } catch (IOException e) {
                PbxLog.warning("app_record.c", "Could not delete " + o.path() + ": " + e.getMessage());
            }
        }
        return new Result(status, digit, w.samples() * 1000 / SoundFile.RATE);
    }

    /** The frame as slin bytes; null for a codec a file cannot take here. */
    static byte[] toSlin(Frame.VoiceFrame v) {
        switch (v.codec()) {
            case "slin":
                return v.payload();
            case "ulaw", "alaw":
                short[] pcm = new short[v.payload().length];
                boolean ulaw = v.codec().equals("ulaw");
                for (int i = 0; i < pcm.length; i++) {
                    pcm[i] = ulaw ? G711.ulawToLinear(v.payload()[i]) : G711.alawToLinear(v.payload()[i]);
                }
                return SoundFile.toBytes(pcm);
            default:
                return null;
        }
    }

    /** A copy of {@code slin} scaled by {@code db} decibels (20·log10), clipped to 16 bits. */
    static byte[] amplify(byte[] slin, int db) {
        double factor = Math.pow(10, db / 20.0);
        short[] pcm = new short[slin.length / 2];
        for (int i = 0; i < pcm.length; i++) {
            long v = Math.round(SoundFile.sample(slin, i) * factor);
            pcm[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
        }
        return SoundFile.toBytes(pcm);
    }

    static boolean isSilent(byte[] slin) {
        int n = slin.length / 2;
        if (n == 0) return true;
        long sum = 0;
        for (int i = 0; i < n; i++) sum += Math.abs(SoundFile.sample(slin, i));
        return sum / n < SILENCE_THRESHOLD;
    }
}
