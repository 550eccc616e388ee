package org.switchboard.res.cdr.pgsql;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.CliCommand;
import org.switchboard.core.Pbx;
import org.switchboard.res.cdr.CdrRecord;
import org.switchboard.res.pgsql.PgsqlConfig;
import org.switchboard.res.pgsql.PgsqlWriter;

/** {@code cdr show pgsql status}: the connection of cdr_pgsql, and what it wrote and keeps. */
public final class PgsqlStatusCommand implements CliCommand {
    @Override public List<String> words() { return List.of("cdr", "show", "pgsql", "status"); }

    @Override
    public String usage() {
        return """
                Usage: cdr show pgsql status
                       Shows current connection status for cdr_pgsql
                """;
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        PgsqlBackend b = PgsqlBackend.of(pbx);
        PgsqlWriter<CdrRecord> w = b == null ? null : b.writer();
        if (w == null || !w.connected()) {
            out.println("Not currently connected to a PgSQL server.");
        } else {
            PgsqlConfig c = w.config();
            long secs = (System.currentTimeMillis() - w.connectedSinceMillis()) / 1000;
            out.println("Connected to " + c.dbname() + "@" + c.hostname() + ", port " + c.port() + " using table "
                    + c.table() + " for " + duration(secs) + ".");
            if (w.sinceConnect() == w.total()) {
                out.println("  Wrote " + w.total() + " records since last restart.");
            } else {
                out.println("  Wrote " + w.total() + " records since last restart and " + w.sinceConnect() + " records since last reconnect.");
            }
        }
        if (w != null) out.println("  " + w.queued() + " records queued, " + w.spooled() + " kept on disk until the database answers.");
        return true;
    }

    /** Asterisk's ast_cli_print_timestr_fromseconds: {@code 1 hour, 2 minutes, 3 seconds}. */
    static String duration(long secs) {
        long d = secs / 86400, h = secs % 86400 / 3600, m = secs % 3600 / 60, s = secs % 60;
        StringBuilder sb = new StringBuilder();
        if (d > 0) sb.append(d).append(d == 1 ? " day, " : " days, ");
        if (h > 0) sb.append(h).append(h == 1 ? " hour, " : " hours, ");
        if (m > 0) sb.append(m).append(m == 1 ? " minute, " : " minutes, ");
        sb.append(s).append(s == 1 ? " second" : " seconds");
        return sb.toString();
    }
}
