package org.switchboard.res.cli.commands;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.switchboard.core.Modules;
import org.switchboard.core.Pbx;

/** {@code reload [module ...]}: the dialplan and every module that can reload, or only the ones named. */
public final class Reload extends AbstractCommand {
    public Reload() {
        super("reload", """
                Usage: reload [module ...]
                       Reloads configuration files for all listed modules which support
                       reloading, or for all supported modules if none are listed.
                """);
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (args.isEmpty()) {
            DialplanReload.reload(pbx, out);
            out.print(pbx.modules().reload(null));
            return true;
        }
        for (String name : args) {
            String m = Modules.moduleName(name).toLowerCase(Locale.ROOT);
            if (m.equals(DialplanShow.REGISTRAR) || m.equals("extensions.conf")) {
                DialplanReload.reload(pbx, out);
                continue;
            }
            String said = pbx.modules().reload(m);
            out.print(said.isEmpty() ? "The module '" + name + "' was not properly initialized.  Before reloading the module, you must run \"module load " + name + "\" and fix whatever is preventing the module from being initialized.\n" : said);
        }
        return true;
    }

    @Override
    public List<String> complete(Pbx pbx, List<String> args) {
        return startingWith(args, pbx.modules().states().stream().map(s -> ModuleShow.fileName(s.name())).toList());
    }
}
