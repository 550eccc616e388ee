package org.switchboard.media.dtmf;

import java.util.List;
import org.switchboard.media.sound.ToneGenerator;

/** The two frequencies of each DTMF key (ITU-T Q.23), and the tone that plays a key press. */
public final class DtmfTones {
    /** Low group, one per keypad row. */
    static final double[] ROWS = {697, 770, 852, 941};
    /** High group, one per keypad column. */
    static final double[] COLUMNS = {1209, 1336, 1477, 1633};
    static final String[] KEYS = {"123A", "456B", "789C", "*0#D"};
    /** Silence after each press, so that two presses of one key are heard as two (Q.24: at least 40 ms). */
    public static final int PAUSE_MS = 60;
    /** Each frequency's amplitude: about -10 dBm0, what phones send. */
    static final double AMPLITUDE = 7000;

    private DtmfTones() {}

    /** {low, high} in Hz, or null when {@code key} is no DTMF key. */
    public static double[] frequencies(char key) {
        char k = Character.toUpperCase(key);
        for (int r = 0; r < 4; r++) {
            int c = KEYS[r].indexOf(k);
            if (c >= 0) return new double[] {ROWS[r], COLUMNS[c]};
        }
        return null;
    }

    static char key(int row, int column) { return KEYS[row].charAt(column); }

    /**
     * 20 ms slin frames of {@code key} for {@code durationMs} (at least 40 ms, Q.24's shortest
     * press), then {@link #PAUSE_MS} of silence; null when it is no DTMF key.
     */
    public static ToneGenerator press(char key, int durationMs) {
        double[] f = frequencies(key);
        if (f == null) return null;
        int ms = Math.max(40, durationMs);
        return new ToneGenerator(List.of(new ToneGenerator.Part(f[0], f[1], ms, true),
            new ToneGenerator.Part(0, 0, PAUSE_MS, true)), AMPLITUDE);
    }
}
