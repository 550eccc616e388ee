package org.switchboard.res.agi;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one AGI command line into words the way Asterisk's res_agi reads them: blanks (space,
 * tab) separate words, double quotes group blanks into one word and are dropped ({@code ""} is an
 * empty word), a backslash makes the next character literal. At most {@link #MAX_ARGS} - 1 words;
 * the rest of a longer line is dropped. No I/O.
 */
public final class AgiArgs {
    /** Asterisk's MAX_ARGS (the last slot of its argv is the terminating NULL). */
    public static final int MAX_ARGS = 128;

    private AgiArgs() {}

    public static List<String> parse(String line) {
        List<StringBuilder> words = new ArrayList<>();
        StringBuilder cur = null;   // null between words
        boolean quoted = false;
        boolean escaped = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (escaped) {
                escaped = false;
            } else if (ch == '\\') {
                escaped = true;
                continue;
            } else if (ch == '"') {
                quoted = !quoted;
                // an opening quote after blanks starts a word, so "" is an empty word
                if (quoted && cur == null) {
                    if (words.size() >= MAX_ARGS - 1) break;
                    cur = new StringBuilder();
                    words.add(cur);
                }
                continue;
            } else if ((ch == ' ' || ch == '\t') && !quoted) {
                cur = null;
                continue;
            }
            if (cur == null) {
                if (words.size() >= MAX_ARGS - 1) break;   // too many words: the rest is dropped
                cur = new StringBuilder();
                words.add(cur);
            }
            cur.append(ch);
        }
        List<String> out = new ArrayList<>(words.size());
        for (StringBuilder w : words) out.add(w.toString());
        return out;
    }
}
