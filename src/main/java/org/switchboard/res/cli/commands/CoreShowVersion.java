package org.switchboard.res.cli.commands;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.Pbx;

/** {@code core show version}: what runs, on what (Asterisk: "Asterisk 18.2.0 built by ... running Linux on ..."). */
public final class CoreShowVersion extends AbstractCommand {
    public CoreShowVersion() {
        super("core show version", """
                Usage: core show version
                       Shows Switchboard version information.
                """);
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        out.println(Pbx.VERSION + " running on Java " + Runtime.version() + " (" + System.getProperty("java.vm.name")
                + ") on " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return true;
    }
}
