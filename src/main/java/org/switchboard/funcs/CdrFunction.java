package org.switchboard.funcs;

import java.util.Locale;
import org.switchboard.core.AmaFlags;
import org.switchboard.core.Channel;
import org.switchboard.res.cdr.CdrDisposition;
import org.switchboard.res.cdr.CdrEngine;
import org.switchboard.res.cdr.CdrRecord;
import org.switchboard.res.cdr.CdrTimes;
import org.switchboard.res.cdr.PostedRecord;

/** CDR(name[,options]): reads and writes the channel's call detail record (func_cdr). */
public final class CdrFunction extends BaseFunction {
    public CdrFunction() {
        super("CDR", "func_cdr", "Gets or sets a CDR variable.", "CDR(name[,options])", """
                Reads a field of the channel's newest call detail record, or a variable stored on it.
                Fields: clid, src, dst, dcontext, channel, dstchannel, lastapp, lastdata, start, answer,
                end, duration, billsec, disposition, amaflags, accountcode, peeraccount, uniqueid,
                linkedid, userfield, sequence. Times read as YYYY-MM-DD HH:MM:SS (local time).
                Options:
                  f   billsec and duration as seconds with fractions (answer/start to end, or to now)
                  u   raw values: times as epoch seconds.microseconds, disposition as a number
                      (0 NO ANSWER, 1 NO ANSWER (NULL record), 2 FAILED, 4 BUSY, 8 ANSWERED,
                      16 CONGESTION) and amaflags as a number (1 OMIT, 2 BILLING, 3 DOCUMENTATION)
                All fields are read-only except userfield; accountcode and amaflags are written to
                the channel (deprecated: use CHANNEL()); any other name is a variable stored on the
                record. Records can only be changed until the bridge between two channels ends:
                after Dial returns, only the newest record still takes a user field or a variable.
                Example: exten => 1,1,Set(CDR(userfield)=test)""");
    }

    @Override
    public String read(Channel channel, String args) {
        if (noChannel(channel)) return "";
        if (FuncArgs.isEmpty(args)) {
            warn("CDR requires a variable (CDR(variable[,option]))\n)");
            return "";
        }
        String[] a = FuncArgs.standard(args, 2);
        String name = FuncArgs.orEmpty(a[0]);
        String options = FuncArgs.orEmpty(a[1]);
        boolean raw = options.indexOf('u') >= 0;
        boolean fractions = options.indexOf('f') >= 0;
        CdrRecord posted = PostedRecord.of(channel);
        String value;
        if (posted != null) {
            value = posted.format(name, raw);
            if (value == null) return "";
            raw = true;   // already in its final form
        } else {
            value = CdrEngine.of(channel.pbx()).read(channel, name);
            if (value == null) {
                error("Unable to find CDR for channel " + channel.name());
                return "";
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (fractions && (lower.equals("billsec") || lower.equals("duration"))) {
            long from = micros(channel, posted, lower.equals("billsec") ? "answer" : "start");
            long to = micros(channel, posted, "end");
            if (to == 0) to = CdrTimes.nowMicros();
            return String.format(Locale.ROOT, "%f", from == 0 ? 0.0 : (to - from) / 1_000_000.0);
        }
        if (raw) return value;
        return switch (lower) {
            case "start", "answer", "end" -> CdrTimes.localDate(parseMicros(value));
            case "disposition" -> dispositionText(value);
            case "amaflags" -> AmaFlags.name(FuncArgs.leadingInt(value) == null ? 0 : FuncArgs.leadingInt(value));
            default -> value;
        };
    }

    private static long micros(Channel channel, CdrRecord posted, String field) {
        String v = posted != null ? posted.format(field, true) : CdrEngine.of(channel.pbx()).read(channel, field);
        return v == null ? 0 : parseMicros(v);
    }

    /** {@code sec.usec} back to microseconds; 0 when it does not parse. */
    private static long parseMicros(String raw) {
        int dot = raw.indexOf('.');
        try {
            if (dot < 0) return Long.parseLong(raw.trim()) * 1_000_000L;
            return Long.parseLong(raw.substring(0, dot)) * 1_000_000L + Long.parseLong(raw.substring(dot + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String dispositionText(String number) {
        Integer n = FuncArgs.leadingInt(number);
        if (n != null) {
            for (CdrDisposition d : CdrDisposition.values()) if (d.value() == n) return d.text();
        }
        return "UNKNOWN";
    }

    @Override
    public boolean writable() { return true; }

    @Override
    public void write(Channel channel, String args, String value) {
        if (noChannel(channel)) return;
        if (FuncArgs.isEmpty(args)) {
            warn("CDR requires a variable (CDR(variable)=value)\n)");
            return;
        }
        String name = FuncArgs.orEmpty(FuncArgs.standard(args, 2)[0]);
        String v = value == null ? "" : value;
        switch (name.toLowerCase(Locale.ROOT)) {
            case "accountcode" -> {
                warn("Using the CDR function to set 'accountcode' is deprecated. Please use the CHANNEL function instead.");
                channel.setAccountCode(v);
            }
            case "amaflags" -> {
                warn("Using the CDR function to set 'amaflags' is deprecated. Please use the CHANNEL function instead.");
                channel.setAmaFlags(AmaFlags.parse(v));
            }
            case "peeraccount" -> warn("The 'peeraccount' setting is not supported. Please set the 'accountcode' on the appropriate channel using the CHANNEL function.");
            case "userfield" -> CdrEngine.of(channel.pbx()).setUserfield(channel, v);
            default -> {
                if (isReadOnly(name)) {
                    error("Attempt to set the '" + name + "' read-only variable!");
                } else if (!CdrEngine.of(channel.pbx()).setVariable(channel, name, v)) {
                    error("Unable to find CDR for channel " + channel.name());
                }
            }
        }
    }

    private static boolean isReadOnly(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "clid", "src", "dst", "dcontext", "channel", "dstchannel", "lastapp", "lastdata", "start", "answer",
                 "end", "duration", "billsec", "disposition", "uniqueid", "linkedid", "tenantid", "sequence" -> true;
            default -> false;
        };
    }
}
