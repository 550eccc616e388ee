package org.switchboard.config;

/**
 * One {@code key = value} (or {@code key => value}) line of a section.
 *
 * @param key    the key, trimmed, case as written
 * @param value  the value, trimmed, comments removed and {@code \;} turned into {@code ;}
 * @param object true when written with {@code =>} (Asterisk's "object" entries, e.g. {@code exten =>})
 * @param file   the file the line is in (for an inherited entry: the template's file)
 * @param line   the 1-based line number in that file
 */
public record ConfigEntry(String key, String value, boolean object, String file, int line) {
}
