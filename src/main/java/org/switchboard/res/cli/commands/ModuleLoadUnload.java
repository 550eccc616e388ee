package org.switchboard.res.cli.commands;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.CliCommand;
import org.switchboard.core.ModuleState;
import org.switchboard.core.Pbx;

/** {@code module load NAME} and {@code module unload NAME}, as Asterisk's loader commands. */
public abstract class ModuleLoadUnload implements CliCommand {
    private final String verb;

    ModuleLoadUnload(String verb) { this.verb = verb; }

    @Override public List<String> words() { return List.of("module", verb); }

    @Override
    public String usage() {
        return "Usage: module " + verb + " <module name>\n       " + (verb.equals("load")
                ? "Loads the named module (app_dial, chan_skype, ...; .so is optional)."
                : "Unloads the named module: its applications, functions, technology and commands go away.") + "\n";
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (args.size() != 1) return false;
        String said = verb.equals("load") ? pbx.modules().load(args.get(0)) : pbx.modules().unload(args.get(0));
        out.println(said);
        return true;
    }

    @Override
    public List<String> complete(Pbx pbx, List<String> args) {
        ModuleState.Status want = verb.equals("load") ? null : ModuleState.Status.RUNNING;
        return pbx.modules().states().stream()
                .filter(s -> want == null ? s.status() != ModuleState.Status.RUNNING : s.status() == want)
                .map(s -> s.name() + ".so").toList();
    }

    /** module load NAME */
    public static final class Load extends ModuleLoadUnload { public Load() { super("load"); } }

    /** module unload NAME */
    public static final class Unload extends ModuleLoadUnload { public Unload() { super("unload"); } }
}
