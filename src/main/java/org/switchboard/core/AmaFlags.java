package org.switchboard.core;

import java.util.Locale;

/**
 * A channel's AMA (Automatic Message Accounting) flags, which tell a billing system how to treat
 * its call records: the numbers and names of Asterisk's channel.c ({@code ast_channel_string2amaflag},
 * {@code ast_channel_amaflags2string}).
 */
public final class AmaFlags {
    public static final int NONE = 0, OMIT = 1, BILLING = 2, DOCUMENTATION = 3;

    private AmaFlags() {}

    /** {@code OMIT}, {@code BILLING}, {@code DOCUMENTATION}; anything else is {@code Unknown}. */
    public static String name(int flags) {
        return switch (flags) {
            case OMIT -> "OMIT";
            case BILLING -> "BILLING";
            case DOCUMENTATION -> "DOCUMENTATION";
            default -> "Unknown";
        };
    }

    /** A name, case-insensitive ({@code default} is DOCUMENTATION); an unknown one is NONE. */
    public static int fromName(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "default", "documentation" -> DOCUMENTATION;
            case "omit" -> OMIT;
            case "billing" -> BILLING;
            default -> NONE;
        };
    }

    /**
     * What CHANNEL(amaflags)=, CDR(amaflags)= and SetAMAFlags() accept: a number when the text starts
     * with a digit ({@code sscanf %d}, NONE when it does not parse), else a name.
     */
    public static int parse(String text) {
        if (text == null || text.isEmpty()) return NONE;
        if (Character.isDigit(text.charAt(0))) {
            int i = 0;
            while (i < text.length() && i < 9 && Character.isDigit(text.charAt(i))) i++;
            return Integer.parseInt(text.substring(0, i));
        }
        return fromName(text);
    }
}
