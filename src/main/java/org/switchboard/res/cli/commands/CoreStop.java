package org.switchboard.res.cli.commands;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;
import org.switchboard.res.cli.ShutdownRequests;

/**
 * {@code core stop now}: hangs up every call and stops. {@code core stop gracefully} (or
 * {@code when convenient}): waits until no channel is left, then stops.
 */
public final class CoreStop extends AbstractCommand {
    /** How often a graceful stop looks whether the last channel is gone. */
    private static final long POLL_MS = 200;

    public CoreStop() {
        super("core stop", """
                Usage: core stop now|gracefully|when convenient
                       'now' shuts down Switchboard immediately, hanging up all calls.
                       'gracefully' (or 'when convenient') waits for all calls to end first.
                """);
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        String how = String.join(" ", args).toLowerCase(java.util.Locale.ROOT);
        switch (how) {
            case "now" -> stop(pbx, "now");
            case "gracefully", "when convenient" -> {
                pbx.beginShutdown();   // refuse new calls while the ones in progress finish
                int left = pbx.channels().count();
                if (left > 0) {
                    out.println("Waiting for " + plural(left, "channel") + " to hang up before stopping");
                    out.flush();
                    PbxLog.verbose(0, "Waiting for inactivity to perform halt");
                }
                try {
                    while (pbx.channels().count() > 0) Thread.sleep(POLL_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    out.println("Stop cancelled");
                    return true;
                }
                stop(pbx, how);
            }
            default -> { return false; }
        }
        return true;
    }

    private static void stop(Pbx pbx, String how) {
        PbxLog.verbose(0, "Beginning switchboard shutdown (" + how + ")....");
        if (!ShutdownRequests.request(pbx)) pbx.shutdown();
    }

    @Override
    public List<String> complete(Pbx pbx, List<String> args) {
        if (args.size() == 1) return startingWith(args, List.of("now", "gracefully", "when"));
        if (args.size() == 2 && args.get(0).equalsIgnoreCase("when")) return startingWith(args, List.of("convenient"));
        return List.of();
    }
}
