package org.switchboard.funcs;

import org.switchboard.core.Channel;
import org.switchboard.res.devstate.Hints;

/** HINT(extension[@context][,options]): the devices a dialplan hint maps (func_devstate). */
public final class HintFunction extends BaseFunction {
    public HintFunction() {
        super("HINT", "func_devstate", "Get the devices set for a dialplan hint.", "HINT(extension[@context][,options])", """
                Returns the devices of the hint of extension (context 'default' when none is
                given), as the hint line writes them, for example
                  same => n,NoOp(Hint for Extension 1234 is ${HINT(1234)})
                Options:
                  n  the name of the hint instead of its devices (hints read from extensions.conf
                     have none, so this is empty)
                An extension without a hint gives an empty string.""");
    }

    @Override
    public String read(Channel channel, String data) {
        if (noChannel(channel)) return "";
        String[] a = FuncArgs.standard(data == null ? "" : data, 2);
        if (FuncArgs.isEmpty(a[0])) {
            warn("The HINT function requires an extension");
            return "";
        }
        int at = a[0].indexOf('@');
        String exten = at < 0 ? a[0] : a[0].substring(0, at);
        String context = at < 0 || at == a[0].length() - 1 ? "default" : a[0].substring(at + 1);
        Hints.Hint h = Hints.find(channel.pbx(), context, exten);
        if (h == null) return "";
        return a[1] != null && a[1].indexOf('n') >= 0 ? "" : h.text();
    }
}
