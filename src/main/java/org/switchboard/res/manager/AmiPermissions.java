package org.switchboard.res.manager;

import java.util.Locale;

/**
 * Asterisk's read/write classes as bits (manager.c's perms[] table), parsed from
 * {@code read = system,call} and printed as the {@code Privilege:} header.
 */
public final class AmiPermissions {
    public static final int SYSTEM = 1, CALL = 1 << 1, LOG = 1 << 2, VERBOSE = 1 << 3, COMMAND = 1 << 4,
            AGENT = 1 << 5, USER = 1 << 6, CONFIG = 1 << 7, DTMF = 1 << 8, REPORTING = 1 << 9, CDR = 1 << 10,
            DIALPLAN = 1 << 11, ORIGINATE = 1 << 12, AGI = 1 << 13, CC = 1 << 15, AOC = 1 << 16, TEST = 1 << 17,
            SECURITY = 1 << 18, MESSAGE = 1 << 19;
    public static final int ALL = Integer.MAX_VALUE;

    private static final String[] NAMES = {"system", "call", "log", "verbose", "command", "agent", "user", "config",
        "dtmf", "reporting", "cdr", "dialplan", "originate", "agi", null, "cc", "aoc", "test", "security", "message"};

    private AmiPermissions() {}

    /** One class name to its bit; 0 for an unknown name. */
    public static int of(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("all")) return ALL;
        for (int i = 0; i < NAMES.length; i++) if (n.equals(NAMES[i])) return 1 << i;
        return 0;
    }

    /** {@code system,call} (get_perm): unknown words are ignored; null or empty gives 0. */
    public static int parse(String list) {
        if (list == null) return 0;
        int mask = 0;
        for (String w : list.split(",")) if (!w.isBlank()) mask |= of(w);
        return mask;
    }

    /** The Login/Events {@code Events:} header (strings_to_mask): -1 when absent, on/off/number/list. */
    public static int eventMask(String value) {
        if (value == null || value.isBlank()) return -1;
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                return ALL;
            }
        }
        if (isFalse(v)) return 0;
        if (isTrue(v)) return ALL;
        return parse(v);
    }

    /** {@code call,all} as Asterisk prints event privileges and ListCommands' (Priv: ...). */
    public static String describe(int mask) {
        if (mask == 0) return "<none>";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i] != null && (mask & (1 << i)) != 0) sb.append(sb.isEmpty() ? "" : ",").append(NAMES[i]);
        }
        return sb.append(sb.isEmpty() ? "all" : ",all").toString();
    }

    /** Every class this mask holds, without "all" ({@code manager show user}). */
    public static String list(int mask) {
        if (mask == ALL) return "all";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i] != null && (mask & (1 << i)) != 0) sb.append(sb.isEmpty() ? "" : ",").append(NAMES[i]);
        }
        return sb.isEmpty() ? "<none>" : sb.toString();
    }

    static boolean isTrue(String v) { return org.switchboard.config.AstTrue.isTrue(v); }

    static boolean isFalse(String v) {
        return v != null && switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "no", "false", "n", "f", "0", "off" -> true;
            default -> false;
        };
    }
}
