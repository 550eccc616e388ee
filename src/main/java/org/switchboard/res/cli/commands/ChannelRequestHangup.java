package org.switchboard.res.cli.commands;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.Channel;
import org.switchboard.core.HangupCause;
import org.switchboard.core.Pbx;

/** {@code channel request hangup <channel>|all}: asks channels to hang up; their dialplan runs {@code h}. */
public final class ChannelRequestHangup extends AbstractCommand {
    public ChannelRequestHangup() {
        super("channel request hangup", """
                Usage: channel request hangup <channel>|<all>
                       Request that a channel be hung up. The hangup takes effect
                       the next time the driver reads or writes from the channel.
                       If 'all' is specified instead of a channel name, all channels
                       will see the hangup request.
                """);
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (args.size() != 1) return false;
        String name = args.get(0);
        if (name.equalsIgnoreCase("all")) {
            for (Channel c : pbx.channels().all()) hangup(c, out);
            return true;
        }
        Channel c = pbx.channels().byName(name);
        if (c == null) out.println(name + " is not a known channel");
        else hangup(c, out);
        return true;
    }

    private static void hangup(Channel c, PrintWriter out) {
        out.println("Requested Hangup on channel '" + c.name() + "'");
        c.softHangup(HangupCause.NORMAL_CLEARING);
    }

    @Override
    public List<String> complete(Pbx pbx, List<String> args) {
        if (args.size() != 1) return List.of();
        List<String> names = new ArrayList<>();
        names.add("all");
        for (Channel c : pbx.channels().all()) names.add(c.name());
        return startingWith(args, names);
    }
}
