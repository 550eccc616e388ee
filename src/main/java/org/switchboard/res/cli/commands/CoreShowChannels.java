package org.switchboard.res.cli.commands;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.switchboard.core.Channel;
import org.switchboard.core.Pbx;

/**
 * {@code core show channels [concise|verbose|count]} in Asterisk's columns (main/cli.c
 * handle_chanlist): the plain table, the {@code !}-separated concise lines, the wide verbose table,
 * and the three totals.
 */
public final class CoreShowChannels extends AbstractCommand {
    private static final String FORMAT = "%-20.20s %-20.20s %-7.7s %-30.30s";
    private static final String VERBOSE_HEADER = "%-20.20s %-20.20s %-16.16s %-4.4s %-7.7s %-12.12s %-25.25s %-15.15s %8.8s %-11.11s %-11.11s %-20.20s";
    private static final String VERBOSE_ROW = "%-20.20s %-20.20s %-16.16s %4d %-7.7s %-12.12s %-25.25s %-15.15s %8.8s %-11.11s %-11.11s %-20.20s";
    /** Asterisk's default AMA flags (AST_AMA_DOCUMENTATION), the 11th concise field. */
    private static final int AMA_DOCUMENTATION = 3;

    public CoreShowChannels() {
        super("core show channels", """
                Usage: core show channels [concise|verbose|count]
                       Lists currently defined channels and some information about them. If
                       'concise' is specified, the format is abridged and in a more easily
                       machine parsable format. If 'verbose' is specified, the output includes
                       more and longer fields. If 'count' is specified only the channel and call
                       count is output.
                """);
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        String mode = args.isEmpty() ? "" : args.get(0).toLowerCase(Locale.ROOT);
        if (args.size() > 1 || !List.of("", "concise", "verbose", "count").contains(mode)) return false;
        List<Channel> chans = new ArrayList<>(pbx.channels().all());
        chans.sort(Comparator.comparingLong(Channel::createdMillis).thenComparing(Channel::name));
        long now = System.currentTimeMillis();
        switch (mode) {
            case "" -> {
                out.println(String.format(FORMAT, "Channel", "Location", "State", "Application(Data)"));
                for (Channel c : chans) out.println(String.format(FORMAT, c.name(), location(c), c.state().description(), appData(c)));
            }
            case "verbose" -> {
                out.println(String.format(VERBOSE_HEADER, "Channel", "Context", "Extension", "Priority", "State", "Application",
                        "Data", "CallerID", "Duration", "Accountcode", "PeerAccount", "BridgedTo"));
                for (Channel c : chans) {
                    long d = (now - c.createdMillis()) / 1000;
                    String dur = String.format("%02d:%02d:%02d", d / 3600, (d % 3600) / 60, d % 60);
                    boolean running = !c.application().isEmpty();
                    out.println(String.format(VERBOSE_ROW, c.name(), c.context(), c.exten(), c.priority(), c.state().description(),
                            running ? c.application() : "(None)", running ? (c.appData().isEmpty() ? "(Empty)" : c.appData()) : "(None)",
                            c.callerId().number(), dur, c.accountCode(), "", bridged(c)));
                }
            }
            case "concise" -> {
                for (Channel c : chans) {
                    out.println(String.join("!", c.name(), c.context(), c.exten(), Integer.toString(c.priority()),
                            c.state().description(), c.application().isEmpty() ? "(None)" : c.application(), c.appData(),
                            c.callerId().number(), c.accountCode(), "", Integer.toString(AMA_DOCUMENTATION),
                            Long.toString((now - c.createdMillis()) / 1000), bridged(c), c.uniqueId()));
                }
            }
            default -> { }
        }
        if (!mode.equals("concise")) {
            out.println(plural(pbx.channels().count(), "active channel"));
            out.println(plural(pbx.activeCalls(), "active call"));
            out.println(plural(pbx.processedCalls(), "call") + " processed");
        }
        return true;
    }

    @Override
    public List<String> complete(Pbx pbx, List<String> args) {
        return args.size() == 1 ? startingWith(args, List.of("concise", "verbose", "count")) : List.of();
    }

    /** {@code exten@context:priority}, cut to Asterisk's 40-byte buffer. */
    private static String location(Channel c) {
        if (c.context().isEmpty() || c.exten().isEmpty()) return "(None)";
        return cut(c.exten() + "@" + c.context() + ":" + c.priority());
    }

    private static String appData(Channel c) {
        return c.application().isEmpty() ? "(None)" : cut(c.application() + "(" + c.appData() + ")");
    }

    private static String bridged(Channel c) {
        Channel peer = c.bridgedPeer();
        return peer == null ? "(None)" : peer.name();
    }

    private static String cut(String s) { return s.length() > 39 ? s.substring(0, 39) : s; }
}
