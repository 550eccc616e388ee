package org.switchboard.media.sound;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes the tones of indications.conf as 20 ms slin frames. A tone list is parts separated by
 * commas, each {@code [!][M]freq1[+freq2][/duration]}: frequencies in Hz (or MIDI note numbers
 * after {@code M}), 0 for silence, duration in ms (none: for ever). After the last part the list
 * starts again at the first part without {@code !}; when every part has {@code !} the tone ends.
 * Examples: {@code 350+440} (US dial tone), {@code 480+620/500,0/500} (busy),
 * {@code !950/330,!1400/330,!1800/330,0} (information tone once, then silence). Asterisk's
 * amplitude-modulated form {@code f1*f2} is played as the plain sum of both frequencies.
 */
public final class ToneGenerator {
    /** One part of a tone list; {@code durationMs} 0 lasts for ever. */
    public record Part(double freq1, double freq2, int durationMs, boolean once) {}

    /** Asterisk's default tone amplitude per frequency (ast_playtones_start with vol 0). */
    static final double AMPLITUDE = 7219;

    private final List<Part> parts;
    private final double amplitude;
    private final int repeatFrom;
    private int index;
    private long sampleInPart;
    private boolean finished;

    public ToneGenerator(List<Part> parts) { this(parts, AMPLITUDE); }

    /** With the amplitude of each frequency in sample units (ast_playtones_start's vol; 23255 is Milliwatt's 0 dBm0). */
    public ToneGenerator(List<Part> parts, double amplitude) {
        this.parts = List.copyOf(parts);
        this.amplitude = amplitude;
        int rep = -1;
        for (int i = 0; i < parts.size(); i++) {
            if (!parts.get(i).once()) {
                rep = i;
                break;
            }
        }
        this.repeatFrom = rep;
        this.finished = parts.isEmpty();
    }

    /** Parses and builds; @throws IllegalArgumentException naming the part that is wrong. */
    public static ToneGenerator of(String spec) { return new ToneGenerator(parse(spec)); }

    public static List<Part> parse(String spec) {
        List<Part> out = new ArrayList<>();
        for (String raw : spec.split(",")) {
            String p = raw.trim();
            if (p.isEmpty()) continue;
            boolean once = p.startsWith("!");
            if (once) p = p.substring(1).trim();
            boolean midi = p.toUpperCase(Locale.ROOT).startsWith("M");
            if (midi) p = p.substring(1);
            int duration = 0;
            int slash = p.indexOf('/');
            try {
                if (slash >= 0) {
                    duration = Integer.parseInt(p.substring(slash + 1).trim());
                    p = p.substring(0, slash);
                }
                String[] freqs = p.split("[+*]");
                if (freqs.length > 2 || duration < 0) throw new NumberFormatException();
                double f1 = freq(freqs[0], midi);
                double f2 = freqs.length > 1 ? freq(freqs[1], midi) : 0;
                out.add(new Part(f1, f2, duration, once));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + raw.trim() + "' is not a tone (freq1[+freq2][/duration])");
            }
        }
        if (out.isEmpty()) throw new IllegalArgumentException("empty tone list");
        return out;
    }

    private static double freq(String text, boolean midi) {
        double v = Double.parseDouble(text.trim());
        if (v < 0 || v > 4000 && !midi) throw new NumberFormatException();
        return midi ? 440.0 * Math.pow(2, (v - 69) / 12.0) : v;
    }

    public List<Part> parts() { return parts; }

    public boolean isFinished() { return finished; }

    /** The next 20 ms of tone, or null once a tone that does not repeat has ended. */
    public byte[] nextFrame() {
        if (finished) return null;
        short[] pcm = new short[SoundPlayer.FRAME_SAMPLES];
        int n = 0;
        while (n < pcm.length && !finished) {
            Part part = parts.get(index);
            long length = part.durationMs() * (long) SoundFile.RATE / 1000;
            if (length > 0 && sampleInPart >= length) {
                advance();
                continue;
            }
            double t = sampleInPart / (double) SoundFile.RATE;
            double v = 0;
            if (part.freq1() > 0) v += Math.sin(2 * Math.PI * part.freq1() * t);
            if (part.freq2() > 0) v += Math.sin(2 * Math.PI * part.freq2() * t);
            pcm[n++] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v * amplitude)));
            sampleInPart++;
        }
        return n == 0 ? null : SoundFile.toBytes(n == pcm.length ? pcm : java.util.Arrays.copyOf(pcm, n));
    }

    private void advance() {
        sampleInPart = 0;
        index++;
        if (index >= parts.size()) {
            if (repeatFrom < 0) {
                finished = true;
                index = parts.size() - 1;
            } else {
                index = repeatFrom;
            }
        }
    }
}
