package org.switchboard.res.cli.commands;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.Channel;
import org.switchboard.core.Pbx;

/** {@code core show channel <name>}: one channel in detail, with its formats (main/cli.c handle_showchan). */
public final class CoreShowChannel extends AbstractCommand {
    public CoreShowChannel() {
        super("core show channel", """
                Usage: core show channel <channel>
                       Shows lots of information about the specified channel.
                """);
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (args.size() != 1) return false;
        Channel c = pbx.channels().byName(args.get(0));
        if (c == null) {
            out.println(args.get(0) + " is not a known channel");
            return true;
        }
        long secs = (System.currentTimeMillis() - c.createdMillis()) / 1000;
        String format = c.tech().nativeFormat(c);
        Channel peer = c.bridgedPeer();
        out.println(" -- General --");
        row(out, "Name", c.name());
        row(out, "Type", c.technology());
        row(out, "UniqueID", c.uniqueId());
        row(out, "LinkedID", c.linkedId());
        row(out, "Caller ID", c.callerId().number().isEmpty() ? "(N/A)" : c.callerId().number());
        row(out, "Caller ID Name", c.callerId().name().isEmpty() ? "(N/A)" : c.callerId().name());
        row(out, "DNID Digits", c.callerId().dnid().isEmpty() ? "(N/A)" : c.callerId().dnid());
        row(out, "Language", c.language());
        row(out, "State", c.state().description() + " (" + c.state().code() + ")");
        row(out, "NativeFormats", "(" + format + ")");
        row(out, "WriteFormat", format);
        row(out, "ReadFormat", format);
        row(out, "Elapsed Time", String.format("%dh%dm%ds", secs / 3600, secs / 60 % 60, secs % 60));
        row(out, "Bridged To", peer == null ? "" : peer.name());
        row(out, "Peer", c.tech().peerDescription(c));
        out.println(" --   PBX   --");
        row(out, "Context", c.context());
        row(out, "Extension", c.exten());
        row(out, "Priority", Integer.toString(c.priority()));
        row(out, "Application", c.application().isEmpty() ? "(N/A)" : c.application());
        row(out, "Data", c.appData().isEmpty() ? "(Empty)" : c.appData());
        return true;
    }

    private static void row(PrintWriter out, String k, String v) { out.printf("%15s: %s%n", k, v); }
}
