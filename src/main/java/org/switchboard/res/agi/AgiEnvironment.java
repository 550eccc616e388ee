package org.switchboard.res.agi;

import java.util.List;
import org.switchboard.core.Channel;
import org.switchboard.core.CallerId;

/**
 * The block of {@code agi_name: value} lines an AGI program reads first, in Asterisk's order
 * (agi_request first, the arguments last), ended by an empty line. No I/O.
 */
public final class AgiEnvironment {
    /** What agi_version says: the Asterisk release whose AGI this follows (as CoreSettings' AsteriskVersion). */
    public static final String VERSION = "20.0.0";

    private AgiEnvironment() {}

    /**
     * @param request  what AGI() was given as the program (agi_request)
     * @param args     AGI()'s arguments after the program, sent as agi_arg_1, agi_arg_2, ...
     */
    public static String of(Channel c, String request, boolean enhanced, List<String> args) {
        CallerId cid = c.callerId();
        StringBuilder b = new StringBuilder(512);
        line(b, "request", request);
        line(b, "channel", c.name());
        line(b, "language", c.language());
        line(b, "type", c.technology());
        line(b, "uniqueid", c.uniqueId());
        line(b, "version", VERSION);
        line(b, "callerid", orUnknown(cid.number()));
        line(b, "calleridname", orUnknown(cid.name()));
        line(b, "callingpres", Integer.toString(cid.pres()));
        line(b, "callingani2", "0");
        line(b, "callington", Integer.toString(cid.ton()));
        line(b, "callingtns", "0");
        line(b, "dnid", orUnknown(cid.dnid()));
        line(b, "rdnis", orUnknown(cid.rdnis()));
        line(b, "context", c.context());
        line(b, "extension", c.exten());
        line(b, "priority", Integer.toString(c.priority()));
        line(b, "enhanced", enhanced ? "1.0" : "0.0");
        line(b, "accountcode", c.accountCode());
        line(b, "threadid", Long.toString(Thread.currentThread().threadId()));
        for (int i = 0; i < args.size(); i++) line(b, "arg_" + (i + 1), args.get(i));
        return b.append('\n').toString();
    }

    private static void line(StringBuilder b, String name, String value) {
        // a value is one line: a line feed in it would end the block early
        b.append("agi_").append(name).append(": ").append(oneLine(value)).append('\n');
    }

    static String oneLine(String s) {
        if (s == null) return "";
        return s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? s : s.replace('\n', ' ').replace('\r', ' ');
    }

    private static String orUnknown(String s) { return s == null || s.isEmpty() ? "unknown" : s; }
}
