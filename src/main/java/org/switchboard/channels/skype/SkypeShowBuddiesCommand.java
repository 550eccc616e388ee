package org.switchboard.channels.skype;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.CliCommand;
import org.switchboard.core.Pbx;

/** {@code skype show buddies <user>}: the buddy list with status and subscription. */
public final class SkypeShowBuddiesCommand implements CliCommand {
    @Override public List<String> words() { return List.of("skype", "show", "buddies"); }
    @Override public String usage() { return "Usage: skype show buddies <user>\n       Lists the buddies of a Skype account with their status."; }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (args.size() != 1) return false;
        SkypeModule m = SkypeModule.get(pbx);
        SkypeAccount a = m == null ? null : m.account(args.get(0));
        if (a == null) {
            out.println("No Skype user '" + args.get(0) + "'.");
            return true;
        }
        if (!a.isLoggedIn()) out.println("Skype user '" + a.name() + "' is not logged in" + (a.lastError().isEmpty() ? "" : ": " + a.lastError()) + ".");
        String fmt = "%-40s %-26s %s%n";
        out.printf(fmt, "Buddy", "Status", "Subscription");
        List<SkypeAccount.Buddy> buddies = a.buddies();
        for (SkypeAccount.Buddy b : buddies) out.printf(fmt, b.name(), b.status(), b.subscription());
        out.println(buddies.size() + " buddies");
        return true;
    }

    @Override
    public List<String> complete(Pbx pbx, List<String> args) {
        SkypeModule m = SkypeModule.get(pbx);
        return m == null || args.size() > 1 ? List.of() : List.copyOf(m.accounts().keySet());
    }
}
