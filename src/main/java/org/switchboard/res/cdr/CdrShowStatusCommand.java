package org.switchboard.res.cdr;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.CliCommand;
import org.switchboard.core.Pbx;

/** {@code cdr show status}: the engine's settings and registered backends, in Asterisk's layout. */
public final class CdrShowStatusCommand implements CliCommand {
    @Override public List<String> words() { return List.of("cdr", "show", "status"); }

    @Override
    public String usage() {
        return """
                Usage: cdr show status
                	Displays the Call Detail Record engine system status.
                """;
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        CdrEngine engine = CdrEngine.of(pbx);
        CdrConfig c = engine.config();
        out.println();
        out.println("Call Detail Record (CDR) settings");
        out.println("----------------------------------");
        out.println("  Logging:                    " + (c.enabled() ? "Enabled" : "Disabled"));
        out.println("  Mode:                       " + (c.batch() ? "Batch" : "Simple"));
        if (c.enabled()) {
            out.println("  Log calls by default:       " + yesNo(c.channelDefaultEnabled()));
            out.println("  Log unanswered calls:       " + yesNo(c.unanswered()));
            out.println("  Log congestion:             " + yesNo(c.congestion()) + "\n");
            out.println("  Ignore bridging changes:    " + yesNo(c.ignoreStateChanges()) + "\n");
            out.println("  Ignore dial state changes:  " + yesNo(c.ignoreDialChanges()) + "\n");
            out.println("  Cancel disposition enabled: " + yesNo(c.cancelDisposition()) + "\n");
            if (c.batch()) {
                int n = engine.batchSize();
                long next = engine.secondsToNextBatch();
                out.println("* Batch Mode Settings");
                out.println("  -------------------");
                out.println("  Safe shutdown:              " + (c.safeShutdown() ? "Enabled" : "Disabled"));
                out.println("  Threading model:            Scheduler plus separate threads");
                out.println("  Current batch size:         " + n + " record" + ess(n));
                out.println("  Maximum batch size:         " + c.batchSize() + " record" + ess(c.batchSize()));
                out.println("  Maximum batch time:         " + c.batchTimeSeconds() + " second" + ess(c.batchTimeSeconds()));
                out.println("  Next batch processing time: " + next + " second" + ess(next) + "\n");
            }
            out.println("* Registered Backends");
            out.println("  -------------------");
            List<CdrBackend> backends = engine.backends();
            if (backends.isEmpty()) out.println("    (none)");
            for (CdrBackend b : backends) out.println("    " + b.backendName() + (b.suspended() ? " (suspended) " : ""));
            out.println();
        }
        return true;
    }

    private static String yesNo(boolean b) { return b ? "Yes" : "No"; }

    private static String ess(long n) { return n == 1 ? "" : "s"; }
}
