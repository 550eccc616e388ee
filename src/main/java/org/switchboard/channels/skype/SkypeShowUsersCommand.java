package org.switchboard.channels.skype;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.CliCommand;
import org.switchboard.core.Pbx;

/** {@code skype show users}: each account, its JID, state, buddies and calls in use of the licensed. */
public final class SkypeShowUsersCommand implements CliCommand {
    @Override public List<String> words() { return List.of("skype", "show", "users"); }
    @Override public String usage() { return "Usage: skype show users\n       Lists the Skype accounts, their state and buddies."; }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        SkypeModule m = SkypeModule.get(pbx);
        if (m == null) {
            out.println("chan_skype is not running.");
            return true;
        }
        String fmt = "%-20s %-36s %-11s %7s %-10s %s%n";
        out.printf(fmt, "User", "JID", "State", "Buddies", "Calls", "Last error");
        int n = 0;
        for (SkypeAccount a : m.accounts().values()) {
            String state = switch (a.state()) {
                case LOGGED_IN -> "Logged In";
                case CONNECTING -> "Connecting";
                case LOGGED_OUT -> "Logged Out";
                case STOPPED -> "Stopped";
            };
            out.printf(fmt, a.name(), a.jid(), state, a.isLoggedIn() ? a.buddies().size() : 0, m.callsInUse() + "/" + m.licensed(), a.lastError());
            n++;
        }
        out.println(n + " Skype user" + (n == 1 ? "" : "s"));
        return true;
    }
}
