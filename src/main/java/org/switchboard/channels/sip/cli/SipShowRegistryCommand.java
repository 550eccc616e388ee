package org.switchboard.channels.sip.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.switchboard.channels.sip.SipModule;
import org.switchboard.channels.sip.SipRegistryView;

/** {@code sip show registry}: our registrations to other servers ({@code register =>}) and their state. */
public final class SipShowRegistryCommand extends SipCliCommand {
    static final String FORMAT2 = "%-39.39s %-6.6s %-12.12s  %8.8s %-20.20s %-25.25s%n";
    static final String FORMAT = "%-39.39s %-6.6s %-12.12s  %8d %-20.20s %-25.25s%n";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss", Locale.ROOT);

    public SipShowRegistryCommand() {
        super("sip show registry", """
            Usage: sip show registry
                   Lists all registration requests and status.""");
    }

    @Override
    boolean execute(SipModule sip, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        out.printf(FORMAT2, "Host", "dnsmgr", "Username", "Refresh", "State", "Reg.Time");
        List<SipRegistryView.Entry> entries = SipRegistryView.entries(sip.stack());
        for (SipRegistryView.Entry e : entries) {
            String time = e.regTime() == 0 ? "" : TIME.format(Instant.ofEpochSecond(e.regTime()).atZone(ZoneId.systemDefault()));
            out.printf(FORMAT, e.host() + ":" + e.port(), "N", e.domain() == null ? e.user() : e.user() + "@" + e.domain(),
                e.refresh(), e.state(), time);
        }
        out.println(entries.size() + " SIP registrations.");
        return true;
    }
}
