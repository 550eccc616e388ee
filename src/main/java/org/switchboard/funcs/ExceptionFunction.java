package org.switchboard.funcs;

import java.util.Locale;
import org.switchboard.core.Channel;

/** EXCEPTION(field): why and where the channel was sent to the e extension (core, pbx.c). */
public final class ExceptionFunction extends BaseFunction {
    public ExceptionFunction() {
        super("EXCEPTION", "core",
                "Tells why and from where the channel was sent to the 'e' extension.",
                "EXCEPTION(field)",
                "After the PBX sends a channel to the e extension (an exception such as INVALID, RESPONSETIMEOUT, "
                        + "ABSOLUTETIMEOUT or ERROR), field is one of:\n"
                        + "  reason    what happened\n"
                        + "  context   the context the channel was in\n"
                        + "  exten     the extension it was in\n"
                        + "  priority  the priority it was at\n"
                        + "Before any exception the result is empty.");
    }

    @Override
    String source() { return "pbx.c"; }

    @Override
    public String read(Channel channel, String args) {
        if (noChannel(channel)) return "";
        String field = FuncArgs.orEmpty(args).toUpperCase(Locale.ROOT);
        String var;
        if (field.equals("REASON")) var = "EXCEPTION_REASON";
        else if (field.equals("CONTEXT")) var = "EXCEPTION_CONTEXT";
        else if (field.startsWith("EXTEN")) var = "EXCEPTION_EXTEN";
        else if (field.equals("PRIORITY")) var = "EXCEPTION_PRIORITY";
        else {
            warn("Unknown EXCEPTION() field '" + FuncArgs.orEmpty(args) + "': expected reason, context, exten or priority");
            return "";
        }
        if (channel.getVar("EXCEPTION_REASON") == null) return "";
        return FuncArgs.orEmpty(channel.getVar(var));
    }
}
