package org.switchboard.res.devstate;

import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.Channel;
import org.switchboard.core.Pbx;
import org.switchboard.dialplan.Dialplan;
import org.switchboard.dialplan.DialplanContext;
import org.switchboard.dialplan.Extension;
import org.switchboard.dialplan.ExtensionGroup;
import org.switchboard.dialplan.Priority;

/**
 * Dialplan hints ({@code exten => 100,hint,SIP/100&Custom:lamp,CustomPresence:100}) and the
 * extension state they give, as pbx.c finds and adds them up: the devices are the text before
 * the first comma, joined by {@code &}; what follows is a presence provider, kept but not read.
 */
public final class Hints {
    private Hints() {}

    /** One hint: where it is and its text as written (variables already replaced). */
    public record Hint(String context, String exten, String text) {
        /** The device part: the text before the first comma. */
        public String devices() {
            int comma = text.indexOf(',');
            return comma < 0 ? text : text.substring(0, comma);
        }

        /** Each device of the hint, in order. */
        public List<String> deviceList() {
            List<String> out = new ArrayList<>();
            for (String d : devices().split("&")) if (!d.isBlank()) out.add(d.strip());
            return out;
        }

        public boolean watches(String device) {
            for (String d : deviceList()) if (d.equalsIgnoreCase(device)) return true;
            return false;
        }
    }

    /**
     * ast_hint_extension: the hint of {@code exten} in {@code context} or a context it includes,
     * a pattern hint ({@code _1XX,hint,SIP/${EXTEN}}) taken for this extension with its variables
     * replaced as Asterisk does when it makes such a hint real; null when there is none.
     */
    public static Hint find(Pbx pbx, String context, String exten) {
        if (context == null || exten == null) return null;
        Dialplan.Found f = pbx.dialplan().find(context, exten, Priority.HINT, null);
        if (f == null || f.priority() == null) return null;
        return new Hint(f.context().name(), exten, expand(pbx, f.context().name(), exten, f.priority().application()));
    }

    /** Every hint of an extension that is not a pattern, context by context, as {@code core show hints} lists them. */
    public static List<Hint> all(Pbx pbx) {
        List<Hint> out = new ArrayList<>();
        for (DialplanContext ctx : pbx.dialplan().contexts()) {
            for (ExtensionGroup g : ctx.groups()) {
                if (g.pattern().isPattern()) continue;
                for (Extension e : g.variants()) {
                    Priority p = e.hint();
                    if (p != null) out.add(new Hint(ctx.name(), e.name(), expand(pbx, ctx.name(), e.name(), p.application())));
                }
            }
        }
        return out;
    }

    /** ast_extension_state: the hint's devices added up as one extension state. */
    public static int state(Pbx pbx, Hint h) {
        DeviceStates ds = DeviceStates.of(pbx);
        List<DeviceState> states = new ArrayList<>();
        for (String d : h.deviceList()) states.add(ds.state(d));
        return ExtensionStates.of(DeviceState.aggregate(states));
    }

    /** The extension state of {@code exten@context}, {@link ExtensionStates#NO_HINT} when it has no hint. */
    public static int state(Pbx pbx, String context, String exten) {
        Hint h = find(pbx, context, exten);
        return h == null ? ExtensionStates.NO_HINT : state(pbx, h);
    }

    /** A hint with {@code ${...}} gets them replaced on a channel that stands at the extension ({@code ${EXTEN}}, globals). */
    private static String expand(Pbx pbx, String context, String exten, String text) {
        if (text == null) return "";
        if (!text.contains("${")) return text;
        Channel c = pbx.dummyChannel();
        c.setLocation(context, exten, 1);
        return pbx.substitute(c, text);
    }
}
