package org.switchboard.res.cli.commands;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.Pbx;
import org.switchboard.res.devstate.DeviceState;
import org.switchboard.res.devstate.DeviceStates;

/** {@code devstate change Custom:name STATE}: sets a custom device state from the console (func_devstate). */
public final class DevstateChange extends AbstractCommand {
    public DevstateChange() {
        super("devstate change", """
                Usage: devstate change <device> <state>
                       Change a custom device to a new state.
                       The possible values for the state are:
                UNKNOWN | NOT_INUSE | INUSE | BUSY | INVALID | UNAVAILABLE | RINGING
                RINGINUSE | ONHOLD

                Examples:
                       devstate change Custom:mystate1 INUSE
                       devstate change Custom:mystate1 NOT_INUSE
                """);
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (args.size() != 2) return false;
        String dev = args.get(0);
        if (!dev.regionMatches(true, 0, "Custom:", 0, 7)) {
            out.println("The devstate command can only be used to set 'Custom:' device state!");
            return true;
        }
        String name = dev.substring(7);
        DeviceState state = DeviceState.parse(args.get(1));
        if (name.isEmpty() || state == DeviceState.UNKNOWN) return false;
        out.println("Changing " + name + " to " + args.get(1));
        DeviceStates.of(pbx).setCustom(name, state);
        return true;
    }
}
