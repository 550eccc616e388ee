package org.switchboard.res.voicemail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.switchboard.apps.VmAuthenticateApp;
import org.switchboard.apps.VoiceMailApp;
import org.switchboard.apps.VoiceMailMainApp;
import org.switchboard.config.ConfigProblem;
import org.switchboard.config.ConfigReader;
import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;
import org.switchboard.funcs.MailboxExistsFunction;
import org.switchboard.funcs.VmInfoFunction;

/** app_voicemail's configuration: voicemail.conf's problems are logged at load and shown by check. */
public final class VoicemailModule implements Module {
    @Override public String name() { return "app_voicemail"; }
    @Override public String description() { return "Comedian Mail (Voicemail System)"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.application(new VoiceMailApp());
        ctx.application(new VoiceMailMainApp());
        ctx.application(new VmAuthenticateApp());
        ctx.function(new VmInfoFunction());
        ctx.function(new MailboxExistsFunction());
        ctx.managerAction(new MailboxStatusAction());
        ctx.managerAction(new MailboxCountAction());
        ctx.managerAction(new VoicemailUsersListAction());
        ctx.managerAction(new VoicemailUserStatusAction());
        ctx.cliCommand(new VoicemailShowUsersCommand());
        ctx.cliCommand(new VoicemailShowZonesCommand());
        ctx.cliCommand(new VoicemailReloadCommand());
        ctx.configValidator(this::check);
    }

    @Override
    public void load(ModuleContext ctx) { configure(ctx.pbx()); }

    @Override
    public void reload(Pbx pbx) { configure(pbx); }

    private static void configure(Pbx pbx) {
        VoicemailConfig cfg = VoicemailConfig.reload(pbx);
        if (cfg == null) return;
        for (ConfigProblem p : cfg.problems()) PbxLog.warning("app_voicemail.c", p.toString());
        var skype = pbx.hasConfig(VoicemailSkypeTargets.SKYPE_CONF) ? pbx.config(VoicemailSkypeTargets.SKYPE_CONF) : null;
        for (ConfigProblem p : VoicemailSkypeTargets.problems(cfg, skype)) PbxLog.warning("app_voicemail.c", p.toString());
        PbxLog.verbose(2, "Voicemail: " + cfg.mailboxes().size() + " mailbox(es) in " + VoicemailConfig.FILE);
    }

    public List<String> check(Path configDir) {
        if (!Files.isReadable(configDir.resolve(VoicemailConfig.FILE))) return List.of();
        VoicemailConfig cfg = VoicemailConfig.from(ConfigReader.read(configDir, VoicemailConfig.FILE));
        var skype = Files.isReadable(configDir.resolve(VoicemailSkypeTargets.SKYPE_CONF))
                ? ConfigReader.read(configDir, VoicemailSkypeTargets.SKYPE_CONF) : null;
        return java.util.stream.Stream.concat(cfg.problems().stream(), VoicemailSkypeTargets.problems(cfg, skype).stream())
                .map(ConfigProblem::toString).toList();
    }
}
