package org.switchboard.funcs;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.core.Channel;

/** SHARED(varname[,channel]): variables other channels may read and set (func_global). */
public final class SharedFunction extends BaseFunction {
    /** The datastore key of a channel's shared variables. */
    private static final Object KEY = new Object();

    /** A channel's shared variables; dropped with the channel. */
    private static final class Shared implements AutoCloseable {
        final Map<String, String> vars = new ConcurrentHashMap<>();

        @Override
        public void close() { vars.clear(); }
    }

    public SharedFunction() {
        super("SHARED", "func_global",
                "Reads or sets a variable shared between channels.",
                "SHARED(varname[,channel])",
                "A variable space of its own on each channel, meant to be read and written by other channels: "
                        + "SHARED(foo) and ${foo} are two different variables. channel is the full name of the channel "
                        + "whose space is used (SIP/alice-00000001) or just its prefix without the suffix (SIP/alice); "
                        + "by default it is the current channel. Reading a variable that was never set gives nothing. "
                        + "Other channels may change a shared variable at any moment, so copy it into an ordinary "
                        + "variable before doing several things with it. Setting one raises a VarSet event named "
                        + "SHARED(varname).");
    }

    @Override
    public String read(Channel channel, String args) {
        if (FuncArgs.isEmpty(args)) {
            warn("SHARED() requires an argument: SHARED(<var>[,<chan>])");
            return "";
        }
        String[] a = FuncArgs.standard(args, 2);
        Channel target = target(channel, a[0], a[1], "Variable '" + a[0] + "' will be blank.");
        if (target == null) return "";
        Shared s = target.datastore(KEY);
        return s == null ? "" : FuncArgs.orEmpty(s.vars.get(FuncArgs.orEmpty(a[0])));
    }

    @Override
    public boolean writable() { return true; }

    @Override
    public void write(Channel channel, String args, String value) {
        if (FuncArgs.isEmpty(args)) {
            warn("SHARED() requires an argument: SHARED(<var>[,<chan>])");
            return;
        }
        String[] a = FuncArgs.standard(args, 2);
        String v = value == null ? "" : value;
        Channel target = target(channel, a[0], a[1], "Variable '" + a[0] + "' not set to '" + v + "'.");
        if (target == null) return;
        Shared s;
        synchronized (KEY) {
            s = target.datastore(KEY);
            if (s == null) {
                s = new Shared();
                target.putDatastore(KEY, s);
            }
        }
        s.vars.put(FuncArgs.orEmpty(a[0]), v);
        target.pbx().events().varSet(target, "SHARED(" + a[0] + ")", v);
    }

    /** The channel whose space is used: this one, or the one named by full name or by prefix. */
    private Channel target(Channel channel, String var, String name, String consequence) {
        if (FuncArgs.isEmpty(name)) {
            return noChannel(channel) ? null : channel;
        }
        if (channel == null) return null;
        Channel c = channel.pbx().channels().byName(name);
        if (c == null) {
            List<Channel> byPrefix = channel.pbx().channels().byPrefix(name + "-");
            if (!byPrefix.isEmpty()) c = byPrefix.get(0);
        }
        if (c == null) error("Channel '" + name + "' not found!  " + consequence);
        return c;
    }
}
