package org.switchboard.res.cli.commands;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.Pbx;

/** {@code core show uptime [seconds]}: time since start and since the last reload, as Asterisk prints them. */
public final class CoreShowUptime extends AbstractCommand {
    private static final long MINUTE = 60;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long WEEK = 7 * DAY;
    private static final long YEAR = 365 * DAY;

    public CoreShowUptime() {
        super("core show uptime", """
                Usage: core show uptime [seconds]
                       Shows Switchboard uptime information.
                       The seconds word returns the uptime in seconds only.
                """);
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        boolean seconds;
        if (args.isEmpty()) seconds = false;
        else if (args.size() == 1 && args.get(0).equalsIgnoreCase("seconds")) seconds = true;
        else return false;
        long now = System.currentTimeMillis();
        out.println("System uptime: " + format((now - pbx.startMillis()) / 1000, seconds));
        out.println("Last reload: " + format((now - pbx.reloadMillis()) / 1000, seconds));
        return true;
    }

    @Override
    public List<String> complete(Pbx pbx, List<String> args) { return args.size() == 1 ? List.of("seconds") : List.of(); }

    /** print_uptimestr: {@code 1 week, 2 days, 3 hours, 4 minutes, 5 seconds}, or plain seconds. */
    public static String format(long secs, boolean plainSeconds) {
        if (plainSeconds) return Long.toString(Math.max(0, secs));
        long left = Math.max(0, secs);
        List<String> parts = new ArrayList<>();
        long[] units = {YEAR, WEEK, DAY, HOUR, MINUTE};
        String[] names = {"year", "week", "day", "hour", "minute"};
        for (int i = 0; i < units.length; i++) {
            if (left >= units[i]) {
                parts.add(plural(left / units[i], names[i]));
                left %= units[i];
            }
        }
        if (left > 0 || parts.isEmpty()) parts.add(plural(left, "second"));
        return String.join(", ", parts);
    }
}
