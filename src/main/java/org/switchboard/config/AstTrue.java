package org.switchboard.config;

import java.util.Locale;

/** Asterisk's ast_true()/ast_false() for configuration values: yes, true, y, t, 1, on (and their opposites). */
public final class AstTrue {
    private AstTrue() {}

    /** yes, true, y, t, 1 or on, in any case; null and anything else is false. */
    public static boolean isTrue(String v) {
        if (v == null) return false;
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "y", "t", "1", "on" -> true;
            default -> false;
        };
    }

    /** no, false, n, f, 0 or off, in any case; null and anything else is not false. */
    public static boolean isFalse(String v) {
        if (v == null) return false;
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "no", "false", "n", "f", "0", "off" -> true;
            default -> false;
        };
    }
}
