package org.switchboard.core;

import java.util.ArrayList;
import java.util.List;

/** Splits application arguments the way Asterisk's standard argument parser does. */
public final class AppArgs {
    private AppArgs() {}

    /** Standard arguments: split on ',', quotes and backslashes removed (AST_STANDARD_APP_ARGS). */
    public static List<String> split(String data) { return split(data, ',', true); }

    /**
     * Splits on {@code delim} outside of double quotes, parentheses and square brackets, so
     * {@code GotoIf($[${A} = 1]?a,1:b,1)} keeps its expression whole. With {@code removeChars},
     * double quotes are dropped and a backslash makes the next character literal
     * (main/app.c __ast_app_separate_args behaviour). An empty input is one empty argument, as the
     * apps see it.
     */
    public static List<String> split(String data, char delim, boolean removeChars) {
        List<String> out = new ArrayList<>();
        if (data == null) data = "";
        StringBuilder cur = new StringBuilder(data.length());
        int paren = 0, bracket = 0;
        boolean quote = false;
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c == '\\' && i + 1 < data.length()) {
                if (removeChars) {
                    cur.append(data.charAt(++i));
                } else {
                    cur.append(c).append(data.charAt(++i));
                }
                continue;
            }
            if (c == '"') {
                quote = !quote;
                if (removeChars) continue;
            } else if (!quote) {
                if (c == '(') paren++;
                else if (c == ')' && paren > 0) paren--;
                else if (c == '[') bracket++;
                else if (c == ']' && bracket > 0) bracket--;
                else if (c == delim && paren == 0 && bracket == 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    continue;
                }
            }
            cur.append(c);
        }
        out.add(cur.toString());
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
