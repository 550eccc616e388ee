package org.switchboard.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what SIPp wrote into its run dir: the -trace_stat CSV, the final screen, the error log. */
final class SippResults {
    private SippResults() {}

    static Sipp.Result parse(Path dir, int exit, boolean timedOut, List<String> command) {
        String screen = read(dir, "screen.log");
        String errors = read(dir, "errors.log");
        long ok = -1, failed = -1, retrans = -1;
        Map<String, Long> counters = new LinkedHashMap<>();
        String[] lines = read(dir, "stat.csv").split("\r?\n");
        if (lines.length >= 2) {
            List<String> head = Arrays.asList(lines[0].split(";"));
            String[] last = lines[lines.length - 1].split(";");
            ok = column(head, last, "SuccessfulCall(C)");
            failed = column(head, last, "FailedCall(C)");
            retrans = column(head, last, "Retransmissions(C)");
            for (String name : head) {
                long v = name.endsWith("(C)") ? column(head, last, name) : -1;
                if (v >= 0) counters.put(name.substring(0, name.length() - 3), v);
            }
        }
        if (ok < 0) ok = screenCounter(screen, "Successful call");
        if (failed < 0) failed = screenCounter(screen, "Failed call");
        if (retrans < 0) retrans = screenRetransmissions(screen);
        if (errors.isBlank() && exit != 0) errors = read(dir, "stdout.txt"); // fatal errors go to stdout only
        return new Sipp.Result(exit, timedOut, ok, failed, retrans, Map.copyOf(counters), errors, screen, dir, command);
    }

    private static long column(List<String> head, String[] row, String name) {
        int i = head.indexOf(name);
        if (i < 0 || i >= row.length) return -1;
        try {
            return Long.parseLong(row[i].trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** "  Successful call        |        0                  |        5   " → 5 (the cumulative column). */
    private static long screenCounter(String screen, String name) {
        Matcher m = Pattern.compile(Pattern.quote(name) + "\\s*\\|\\s*\\d+\\s*\\|\\s*(\\d+)").matcher(screen);
        long v = -1;
        while (m.find()) v = Long.parseLong(m.group(1)); // the last screen dumped is the final one
        return v;
    }

    /** Sums the Retrans column of the last scenario screen ("INVITE ---------->  5  2  0"). */
    private static long screenRetransmissions(String screen) {
        int at = screen.lastIndexOf("Messages  Retrans");
        if (at < 0) return -1;
        long sum = 0;
        Matcher m = Pattern.compile("(?m)^\\s+\\S+ (?:-+>|<-+)\\s+(?:\\S*RTD\\d\\s+)?\\d+\\s+(\\d+)")
                .matcher(screen.substring(at));
        while (m.find()) sum += Long.parseLong(m.group(1));
        return sum;
    }

    static String read(Path dir, String name) {
        Path p = dir.resolve(name);
        try {
            return Files.exists(p) ? new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "(unreadable " + p + ": " + e + ")";
        }
    }
}
