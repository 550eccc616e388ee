package org.switchboard.core;

import java.util.ArrayList;
import java.util.List;

/** Splits application arguments the way Asterisk's standard argument parser does. */
public final class AppArgs {
    private AppArgs() {}

    /** Standard arguments: split on ',', quotes and backslashes removed (AST_STANDARD_APP_ARGS). */
    public static List<String> split(String data) { return separate(data, ',', true, Integer.MAX_VALUE); }

    /** Split on {@code delim} with no limit on the number of arguments. */
    public static List<String> split(String data, char delim, boolean removeChars) {
        return separate(data, delim, removeChars, Integer.MAX_VALUE);
    }

    /**
     * Splits {@code data} on {@code delim} outside parentheses, square brackets and double quotes,
     * into at most {@code max} arguments, as main/app.c's __ast_app_separate_args does: the last
     * one keeps the unsplit rest as written; parentheses and brackets count even inside quotes.
     * With {@code removeChars} (the STANDARD variants) quotes are dropped and a backslash makes the
     * next character literal; without it (the RAW variants) both are kept. An empty input has no
     * arguments; a trailing delimiter adds one empty argument.
     */
    public static List<String> separate(String data, char delim, boolean removeChars, int max) {
        List<String> out = new ArrayList<>();
        if (data == null || data.isEmpty() || max <= 0) return out;
        int n = data.length();
        int i = 0;
        int paren = 0, bracket = 0;
        boolean quote = false;
        boolean endedOnDelim = false;
        while (i < n && out.size() < max - 1) {
            StringBuilder cur = new StringBuilder();
            endedOnDelim = false;
            for (; i < n; i++) {
                char c = data.charAt(i);
                if (c == '(') {
                    paren++;
                } else if (c == ')') {
                    if (paren > 0) paren--;
                } else if (c == '[') {
                    bracket++;
                } else if (c == ']') {
                    if (bracket > 0) bracket--;
                } else if (c == '"' && delim != '"') {
                    quote = !quote;
                    if (removeChars) continue;
                } else if (c == '\\') {
                    if (!removeChars) cur.append(c);
                    if (i + 1 < n) cur.append(data.charAt(++i));
                    continue;
                } else if (c == delim && paren == 0 && bracket == 0 && !quote) {
                    i++;
                    endedOnDelim = true;
                    break;
                }
                cur.append(c);
            }
            out.add(cur.toString());
        }
        if (i < n) {
            out.add(data.substring(i));
        } else if (endedOnDelim) {
            out.add("");
        }
        return out;
    }

    /** The argument at {@code i}, or "" when there are fewer. */
    public static String arg(List<String> args, int i) { return i < args.size() ? args.get(i) : ""; }

    /** Parses Asterisk-style option letters with optional parenthesized arguments: {@code tTr(x)L(1000)}. */
    public static java.util.Map<Character, String> options(String text) {
        java.util.Map<Character, String> opts = new java.util.LinkedHashMap<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String val = "";
            if (i + 1 < text.length() && text.charAt(i + 1) == '(') {
                int depth = 0, j = i + 1;
                for (; j < text.length(); j++) {
                    if (text.charAt(j) == '(') depth++;
                    else if (text.charAt(j) == ')' && --depth == 0) break;
                }
                val = text.substring(i + 2, Math.min(j, text.length()));
                i = j;
            }
            opts.put(c, val);
        }
        return opts;
    }
}
