package org.switchboard.channels.skype;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.CliCommand;
import org.switchboard.core.Pbx;

/** {@code skype show licenses}: each license ({@code [general] licenses=N}) and whether a call holds it. */
public final class SkypeShowLicensesCommand implements CliCommand {
    @Override public List<String> words() { return List.of("skype", "show", "licenses"); }
    @Override public String usage() { return "Usage: skype show licenses\n       Lists the Skype call licenses and how many are in use."; }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        SkypeModule m = SkypeModule.get(pbx);
        if (m == null) {
            out.println("chan_skype is not running.");
            return true;
        }
        int n = m.licensed(), busy = m.callsInUse();
        String fmt = "%-28s %-8s %-7s %s%n";
        out.printf(fmt, "Key", "Expires", "Calls", "In use");
        for (int i = 1; i <= n; i++) out.printf(fmt, String.format("SWITCHBOARD-SKYPE-%04d", i), "Never", "1", i <= busy ? "yes" : "no");
        out.println(busy + " of " + n + " Skype license" + (n == 1 ? "" : "s") + " in use");
        return true;
    }
}
