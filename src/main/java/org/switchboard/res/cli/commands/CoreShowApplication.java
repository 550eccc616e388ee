package org.switchboard.res.cli.commands;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.Application;
import org.switchboard.core.Pbx;

/** {@code core show application <app> [<app> ...]}: the documentation each application carries. */
public final class CoreShowApplication extends AbstractCommand {
    public CoreShowApplication() {
        super("core show application", """
                Usage: core show application <application> [<application> [<application> [...]]]
                       Describes a particular application.
                """);
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (args.isEmpty()) return false;
        boolean found = false;
        for (String name : args) {
            Application a = pbx.modules().application(name);
            if (a == null) continue;
            found = true;
            Docs.print("application", a, out);
        }
        if (!found) out.println("Your application(s) is (are) not registered");
        return true;
    }

    @Override
    public List<String> complete(Pbx pbx, List<String> args) {
        return startingWith(args, pbx.modules().applications().values().stream().map(Application::name).toList());
    }
}
