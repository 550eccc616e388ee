package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** {@code HANGUPCAUSE(channel,type)} (func_hangupcause.c): why a channel this one dialed ended. */
public final class HangupCauseFunction extends BaseFunction {
    public HangupCauseFunction() {
        super("HANGUPCAUSE", "func_hangupcause", "Gets per-channel hangupcause information from the channel.",
                "HANGUPCAUSE(channel,type)",
                """
                Gets technology-specific or translated Asterisk cause code information from the
                channel for the specified channel that resulted from a dial. type is tech (the
                technology's own words, e.g. "SIP 486 Busy Here") or ast (the Q.850 cause
                number). Channels are listed by HANGUPCAUSE_KEYS().""");
    }

    @Override
    public String read(Channel channel, String data) {
        if (noChannel(channel)) return null;
        String[] a = (data == null ? "" : data).split(",", -1);
        if (a.length != 2 || a[0].isBlank()) {
            warn("HANGUPCAUSE requires a channel name and a type (tech or ast)");
            return null;
        }
        String[] cause = channel.dialedCauses().get(a[0].trim());
        if (cause == null) return "";
        return switch (a[1].trim().toLowerCase(java.util.Locale.ROOT)) {
            case "tech" -> cause[0];
            case "ast" -> cause[1];
            default -> {
                warn("Unrecognized hangupcause type '" + a[1].trim() + "' (tech or ast)");
                yield null;
            }
        };
    }
}
