package org.switchboard.res.cli.commands;

import java.io.PrintWriter;
import org.switchboard.core.Documented;

/** The documentation page of {@code core show application|function X}, in Asterisk's section layout. */
final class Docs {
    private Docs() {}

    /** @param kind {@code application} or {@code function}, as in the page title */
    static void print(String kind, Documented d, PrintWriter out) {
        out.print("\n  -= Info about " + kind + " '" + d.name() + "' =- \n\n");
        section("Synopsis", d.synopsis(), out);
        section("Description", d.description(), out);
        out.print("[Syntax]\n" + orNotAvailable(d.syntax()) + "\n");
    }

    private static void section(String title, String text, PrintWriter out) {
        out.print("[" + title + "]\n" + orNotAvailable(text) + "\n\n");
    }

    private static String orNotAvailable(String s) {
        if (s == null || s.isBlank()) return "Not available";
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
