package org.switchboard.funcs;

import java.util.Locale;
import org.switchboard.core.Channel;
import org.switchboard.res.cdr.CdrEngine;
import org.switchboard.res.cdr.CdrProperty;

/** CDR_PROP(name)=value: sets a property on the channel's call detail records (func_cdr). */
public final class CdrPropFunction extends BaseFunction {
    public CdrPropFunction() {
        super("CDR_PROP", "func_cdr", "Set a property on a channel's CDR.", "CDR_PROP(name)", """
                Sets a property that changes how the channel's call detail records behave
                (write-only):
                  party_a   a true value makes this channel the preferred Party A when it is paired
                            with another in a bridge
                  disable   1 disables the channel's records (none is written when it hangs up);
                            0 enables them again""");
    }

    @Override
    public String read(Channel channel, String args) {
        warn("Function 'CDR_PROP' cannot be read");
        return "";
    }

    @Override
    public boolean writable() { return true; }

    @Override
    public void write(Channel channel, String args, String value) {
        if (noChannel(channel)) return;
        String name = FuncArgs.orEmpty(FuncArgs.standard(FuncArgs.orEmpty(args), 1)[0]);
        if (name.isEmpty()) {
            warn("CDR_PROP requires a variable (CDR_PROP(variable)=value)\n)");
            return;
        }
        if (FuncArgs.isEmpty(value)) {
            warn("CDR_PROP requires a value (CDR_PROP(variable)=value)\n)");
            return;
        }
        CdrProperty p = switch (name.toLowerCase(Locale.ROOT)) {
            case "party_a" -> CdrProperty.PARTY_A;
            case "disable" -> CdrProperty.DISABLE;
            default -> null;
        };
        if (p == null) {
            warn("Unknown option " + name + " used with CDR_PROP");
            return;
        }
        CdrEngine.of(channel.pbx()).setProperty(channel, p, isTrue(value));
    }

    private static boolean isTrue(String v) { return org.switchboard.config.AstTrue.isTrue(v); }
}
