package org.switchboard.res.cdr;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.CliCommand;
import org.switchboard.core.Pbx;

/** {@code cdr submit}: posts the records waiting in a batch now, as Asterisk's does. */
public final class CdrSubmitCommand implements CliCommand {
    @Override public List<String> words() { return List.of("cdr", "submit"); }

    @Override
    public String usage() {
        return """
                Usage: cdr submit
                Posts all pending batched CDR data to the configured CDR
                backend engine modules.
                """;
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        CdrEngine engine = CdrEngine.of(pbx);
        CdrConfig c = engine.config();
        if (!c.enabled()) {
            out.println("Cannot submit CDR batch: CDR engine disabled.");
        } else if (!c.batch()) {
            out.println("Cannot submit CDR batch: batch mode not enabled.");
        } else {
            Thread.ofVirtual().start(() -> engine.flush(60_000));   // the console does not wait for the backends
            out.println("Submitted CDRs to backend engines for processing.  This may take a while.");
        }
        return true;
    }
}
