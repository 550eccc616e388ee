package org.switchboard.res.voicemail;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.switchboard.core.Pbx;

/** {@code voicemail show zones} (app_voicemail's handle_voicemail_show_zones): [zonemessages]. */
public final class VoicemailShowZonesCommand extends VoicemailCliCommand {
    private static final String FORMAT = "%-15s %-20s %-45s%n";

    public VoicemailShowZonesCommand() {
        super("voicemail show zones", """
                Usage: voicemail show zones
                       Lists zone message formats""");
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        VoicemailConfig cfg = VoicemailConfig.of(pbx);
        Map<String, String> zones = cfg == null ? Map.of() : cfg.zones();
        if (zones.isEmpty()) {
            out.println("There are no voicemail zones currently defined");
            return true;
        }
        out.printf(FORMAT, "Zone", "Timezone", "Message Format");
        zones.forEach((name, value) -> {
            int bar = value.indexOf('|');
            out.printf(FORMAT, name, bar < 0 ? value : value.substring(0, bar), bar < 0 ? "" : value.substring(bar + 1));
        });
        return true;
    }
}
