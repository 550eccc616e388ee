package org.switchboard.funcs;

import java.util.Locale;
import org.switchboard.core.Channel;
import org.switchboard.core.DialplanFunction;
import org.switchboard.core.PbxLog;

/** TIMEOUT(absolute|digit|response): the channel's timeouts, in seconds with decimals. */
public final class TimeoutFunction implements DialplanFunction {
    @Override public String name() { return "TIMEOUT"; }
    @Override public String synopsis() { return "Gets or sets timeouts on the channel. Timeout values are in seconds."; }
    @Override public String syntax() { return "TIMEOUT(timeouttype)"; }

    @Override
    public String description() {
        return """
                The timeouts that, when reached, make the channel leave its current extension:
                  absolute  the most time the call may last; when it runs out the channel goes to the
                            T extension (or e with EXCEPTION(reason) = ABSOLUTETIMEOUT), else hangs up.
                            0 disables it.
                  digit     the most time allowed between digits as the user types an extension
                            (default 5 s).
                  response  the most time to wait for the user to start typing after a prompt
                            (WaitExten, Background; default 10 s); then the t extension runs.
                Values are seconds and may have decimals (TIMEOUT(digit)=2.5).""";
    }

    @Override
    public String read(Channel c, String args) {
        return switch (args.trim().toLowerCase(Locale.ROOT)) {
            case "absolute" -> {
                long left = c.absoluteDeadlineMillis() == 0 ? 0 : c.absoluteDeadlineMillis() - System.currentTimeMillis();
                yield left <= 0 ? "0" : seconds(left);
            }
            case "digit" -> seconds(c.digitTimeoutMs());
            case "response" -> seconds(c.responseTimeoutMs());
            default -> {
                PbxLog.error("func_timeout.c", "Unknown timeout type specified.");
                yield "";
            }
        };
    }

    @Override public boolean writable() { return true; }

    @Override
    public void write(Channel c, String args, String value) {
        double secs;
        try {
            secs = value.isBlank() ? 0 : Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            PbxLog.error("func_timeout.c", "Invalid timeout value '" + value + "'");
            return;
        }
        long ms = Math.max(0, Math.round(secs * 1000));
        switch (args.trim().toLowerCase(Locale.ROOT)) {
            case "absolute" -> {
                c.setAbsoluteTimeout(ms);
                PbxLog.verbose(3, ms == 0 ? "Channel " + c.name() + " hangup cancelled"
                        : "Channel will hangup at " + java.time.LocalDateTime.now().plusNanos(ms * 1_000_000).withNano(0) + ".");
            }
            case "digit" -> c.setDigitTimeoutMs(ms);
            case "response" -> c.setResponseTimeoutMs(ms);
            default -> PbxLog.error("func_timeout.c", "Unknown timeout type '" + args + "' specified.");
        }
    }

    private static String seconds(long ms) {
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(Locale.ROOT, "%.3f", ms / 1000.0);
    }
}
