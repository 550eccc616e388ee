package org.switchboard.res.voicemail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.core.Channel;
import org.switchboard.core.Frame;
import org.switchboard.core.HangupException;
import org.switchboard.media.sound.SoundFixture;

/**
 * Hears which prompts a caller is played: each prompt of the test is a tone of its own (written
 * by {@link #writePrompts}), and the audio is cut into 100 ms pieces whose tone names the prompt.
 * A prompt heard twice in a row counts once.
 */
final class PromptEar {
    private final Map<String, Integer> tones = new LinkedHashMap<>();
    private short[] pending = new short[0];
    private String last;

    /** Gives each name a tone 45 Hz from the next, from 400 Hz up. */
    PromptEar(List<String> names) {
        int f = 400;
        for (String n : names) {
            tones.put(n, f);
            f += 45;
        }
        if (f > 3800) throw new IllegalArgumentException("too many prompts for one ear");
    }

    int tone(String name) { return tones.get(name); }

    void writePrompts(SoundFixture fx) throws IOException {
        for (var e : tones.entrySet()) {
            if (!e.getKey().startsWith("@")) fx.prompt(e.getKey(), e.getValue(), 300);
        }
    }

    /** Reads until {@code target} is heard (or the call ends, or 20 s); returns what was heard, in order. */
    List<String> until(Channel c, String target) {
        List<String> heard = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 20_000;
        try {
            while (System.currentTimeMillis() < deadline) {
                Frame f = c.read(deadline - System.currentTimeMillis());
                if (f == null) break;
                if (!(f instanceof Frame.VoiceFrame v)) continue;
                short[] s = SoundFixture.samples(v.payload());
                short[] all = Arrays.copyOf(pending, pending.length + s.length);
                System.arraycopy(s, 0, all, pending.length, s.length);
                pending = all;
                while (pending.length >= 800) {
                    String p = name(Arrays.copyOf(pending, 800));
                    pending = Arrays.copyOfRange(pending, 800, pending.length);
                    if (p == null || p.equals(last)) continue; // the rest of a prompt already counted
                    last = p;
                    heard.add(p);
                    if (p.equals(target)) return heard;
                }
            }
        } catch (HangupException e) {
            heard.add("hangup");
        }
        return heard;
    }

    /** Everything until the call ends. */
    List<String> untilHangup(Channel c) { return until(c, "hangup-never-a-prompt"); }

    /** Forgets the last prompt, so that the same one heard next counts again. */
    void reset() { last = null; }

    private String name(short[] chunk) {
        for (var e : tones.entrySet()) {
            if (SoundFixture.goertzel(chunk, e.getValue(), 8000) > 0.5) return e.getKey();
        }
        return null;
    }
}
