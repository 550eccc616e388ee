package org.switchboard.res.cdr;

import java.util.Locale;
import java.util.Map;
import org.switchboard.core.AmaFlags;

/**
 * One finished call detail record as the backends receive it (Asterisk's public {@code ast_cdr}):
 * text fields cut to the sizes Asterisk stores (79 bytes, 255 for the user field), times in epoch
 * microseconds (0 = not set), and the record's own variables set with CDR(name)=value.
 *
 * @param disabled NoCDR() or CDR_PROP(disable) asked for no record: backends never see it
 */
public record CdrRecord(String accountCode, String src, String dst, String dcontext, String clid, String channel,
                        String dstChannel, String lastApp, String lastData, long startMicros, long answerMicros,
                        long endMicros, long duration, long billsec, CdrDisposition disposition, int amaFlags,
                        String userfield, String uniqueId, String linkedId, String peerAccount, int sequence,
                        Map<String, String> variables, boolean disabled) {

    /** The standard fields Asterisk's CDR() refuses to write. */
    static final java.util.Set<String> READ_ONLY = java.util.Set.of("clid", "src", "dst", "dcontext", "channel",
            "dstchannel", "lastapp", "lastdata", "start", "answer", "end", "duration", "billsec", "disposition",
            "amaflags", "accountcode", "uniqueid", "linkedid", "tenantid", "userfield", "sequence");

    /**
     * A field or variable by name, as ast_cdr_format_var gives it: times as {@code %Y-%m-%d %T}
     * local time, disposition and amaflags as words; with {@code raw}, times as {@code sec.usec} and
     * those two as numbers. Null when the value is empty (a backend then leaves the field out).
     */
    public String format(String name, boolean raw) {
        String v = switch (name.toLowerCase(Locale.ROOT)) {
            case "clid" -> clid;
            case "src" -> src;
            case "dst" -> dst;
            case "dcontext" -> dcontext;
            case "channel" -> channel;
            case "dstchannel" -> dstChannel;
            case "lastapp" -> lastApp;
            case "lastdata" -> lastData;
            case "start" -> time(startMicros, raw);
            case "answer" -> time(answerMicros, raw);
            case "end" -> time(endMicros, raw);
            case "duration" -> Long.toString(duration);
            case "billsec" -> Long.toString(billsec);
            case "disposition" -> raw ? Integer.toString(disposition.value()) : disposition.text();
            case "amaflags" -> raw ? Integer.toString(amaFlags) : AmaFlags.name(amaFlags);
            case "accountcode" -> accountCode;
            case "peeraccount" -> peerAccount;
            case "uniqueid" -> uniqueId;
            case "linkedid" -> linkedId;
            case "tenantid", "peertenantid" -> "";
            case "userfield" -> userfield;
            case "sequence" -> Integer.toString(sequence);
            default -> variable(name);
        };
        return v == null || v.isEmpty() ? null : v;
    }

    /** A CDR variable, its name matched ignoring case. */
    public String variable(String name) {
        for (Map.Entry<String, String> e : variables.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        }
        return null;
    }

    private static String time(long micros, boolean raw) { return raw ? CdrTimes.raw(micros) : CdrTimes.localDate(micros); }

    /** Cuts text to the bytes one of Asterisk's fixed fields holds ({@code size} with its NUL), whole characters only. */
    static String fit(String s, int size) {
        if (s == null) return "";
        int max = size - 1;
        if (s.length() <= max / 4) return s;   // fits whatever the encoding
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (b.length <= max) return s;
        int end = max;
        while (end > 0 && (b[end] & 0xC0) == 0x80) end--;   // do not split a character
        return new String(b, 0, end, java.nio.charset.StandardCharsets.UTF_8);
    }
}
