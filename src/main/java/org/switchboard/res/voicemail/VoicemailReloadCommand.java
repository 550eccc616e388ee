package org.switchboard.res.voicemail;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.config.ConfigProblem;
import org.switchboard.core.Pbx;

/** {@code voicemail reload}: reads voicemail.conf again (each problem as file:line); calls in progress keep theirs. */
public final class VoicemailReloadCommand extends VoicemailCliCommand {
    public VoicemailReloadCommand() {
        super("voicemail reload", """
                Usage: voicemail reload
                       Reload voicemail configuration""");
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        out.println("Reloading voicemail configuration...");
        pbx.modules().reload("app_voicemail");
        VoicemailConfig cfg = VoicemailConfig.of(pbx);
        if (cfg != null) for (ConfigProblem p : cfg.problems()) out.println(p);
        return true;
    }
}
