package org.switchboard.res.cdr;

import java.nio.charset.StandardCharsets;

/**
 * One Master.csv line, byte for byte as cdr_csv writes it: text and times in double quotes (a
 * quote inside doubled), an unset time as nothing at all, duration, billsec and sequence as bare
 * numbers, the optional columns in their order, a newline at the end. Asterisk builds the line in
 * a 1024-byte buffer and drops a record that does not fit; so does this (null).
 */
public final class CsvLine {
    /** cdr_csv's buffer, and the room its last check leaves. */
    static final int BUFFER = 1024;

    private CsvLine() {}

    /**
     * @param gmt          usegmtime: times in GMT, else local time
     * @param uniqueId     loguniqueid
     * @param userfield    loguserfield
     * @param newColumns   newcdrcolumns: peeraccount, linkedid, sequence
     */
    public static String of(CdrRecord r, boolean gmt, boolean uniqueId, boolean userfield, boolean newColumns) {
        StringBuilder b = new StringBuilder(256);
        text(b, r.accountCode());
        text(b, r.src());
        text(b, r.dst());
        text(b, r.dcontext());
        text(b, r.clid());
        text(b, r.channel());
        text(b, r.dstChannel());
        text(b, r.lastApp());
        text(b, r.lastData());
        date(b, r.startMicros(), gmt);
        date(b, r.answerMicros(), gmt);
        date(b, r.endMicros(), gmt);
        number(b, r.duration());
        number(b, r.billsec());
        text(b, r.disposition().text());
        text(b, org.switchboard.core.AmaFlags.name(r.amaFlags()));
        if (uniqueId) text(b, r.uniqueId());
        if (userfield) text(b, r.userfield());
        if (newColumns) {
            text(b, r.peerAccount());
            text(b, r.linkedId());
            number(b, r.sequence());
        }
        if (b.toString().getBytes(StandardCharsets.UTF_8).length >= BUFFER - 5) return null;
        b.setLength(b.length() - 1);   // the trailing comma
        return b.append('\n').toString();
    }

    private static void text(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') b.append('"');
            b.append(c);
        }
        b.append("\",");
    }

    private static void date(StringBuilder b, long micros, boolean gmt) {
        if (micros == 0) {
            b.append(',');
            return;
        }
        text(b, gmt ? CdrTimes.gmtDate(micros) : CdrTimes.localDate(micros));
    }

    private static void number(StringBuilder b, long n) { b.append(n).append(','); }
}
