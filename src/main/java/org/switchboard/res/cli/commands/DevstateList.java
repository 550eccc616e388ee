package org.switchboard.res.cli.commands;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.Pbx;
import org.switchboard.res.astdb.AstDb;
import org.switchboard.res.devstate.DeviceStates;

/** {@code devstate list}: the Custom: device states set so far (func_devstate). */
public final class DevstateList extends AbstractCommand {
    private static final String RULE = "---------------------------------------------------------------------";

    public DevstateList() {
        super("devstate list", """
                Usage: devstate list
                       List all custom device states that have been set by using
                       the DEVICE_STATE dialplan function.
                """);
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        out.println();
        out.println(RULE);
        out.println("--- Custom Device States --------------------------------------------");
        out.println(RULE);
        out.println("---");
        String prefix = "/" + DeviceStates.CUSTOM_FAMILY + "/";
        for (AstDb.Entry e : AstDb.of(pbx).tree(DeviceStates.CUSTOM_FAMILY, null)) {
            String name = e.key().startsWith(prefix) ? e.key().substring(prefix.length()) : e.key();
            out.println("--- Name: 'Custom:" + name + "'  State: '" + e.value() + "'");
            out.println("---");
        }
        out.println(RULE);
        out.println(RULE);
        out.println();
        return true;
    }
}
