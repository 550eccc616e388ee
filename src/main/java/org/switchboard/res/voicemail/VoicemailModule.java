package org.switchboard.res.voicemail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.switchboard.config.ConfigProblem;
import org.switchboard.config.ConfigReader;
import org.switchboard.core.Module;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;

/** app_voicemail's configuration: voicemail.conf's problems are logged at load and shown by check. */
public final class VoicemailModule implements Module {
    @Override public String name() { return "app_voicemail"; }
    @Override public String description() { return "Comedian Mail (Voicemail System)"; }

    @Override
    public void load(Pbx pbx) {
        VoicemailConfig cfg = VoicemailConfig.reload(pbx);
        if (cfg == null) return;
        for (ConfigProblem p : cfg.problems()) PbxLog.warning("app_voicemail.c", p.toString());
        PbxLog.verbose(2, "Voicemail: " + cfg.mailboxes().size() + " mailbox(es) in " + VoicemailConfig.FILE);
    }

    @Override
    public void reload(Pbx pbx) { load(pbx); }

    @Override
    public List<String> check(Path configDir) {
        if (!Files.isReadable(configDir.resolve(VoicemailConfig.FILE))) return List.of();
        return VoicemailConfig.from(ConfigReader.read(configDir, VoicemailConfig.FILE)).problems().stream()
                .map(ConfigProblem::toString).toList();
    }
}
