package org.switchboard.funcs;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.switchboard.core.AppArgs;
import org.switchboard.core.Channel;
import org.switchboard.core.DialplanFunction;
import org.switchboard.core.PbxLog;
import org.switchboard.res.dnsenum.EnumLookup;

/** ENUMQUERY(number[,method-type[,zone-suffix]]): looks a number up once and returns an ID for ENUMRESULT. */
public final class EnumQueryFunction implements DialplanFunction {
    /** The queries a channel has made, by ID; kept with the channel. */
    static final class Queries implements AutoCloseable {
        final AtomicInteger next = new AtomicInteger();
        final Map<String, List<String>> byId = new ConcurrentHashMap<>();

        @Override public void close() { byId.clear(); }
    }

    private static final Object KEY = new Object();

    @Override public String name() { return "ENUMQUERY"; }
    @Override public String synopsis() { return "Initiate an ENUM query."; }
    @Override public String syntax() { return "ENUMQUERY(number[,method-type[,zone-suffix]])"; }

    @Override
    public String description() {
        return """
                This will do a ENUM lookup of the given phone number and return an ID to read its results with
                ENUMRESULT(id,resultnum). If no method-type is given, the default will be 'sip'; ALL takes every
                enumservice. If no zone-suffix is given, enum.conf's search => lines, else 'e164.arpa'.""";
    }

    @Override
    public String read(Channel c, String args) {
        List<String> a = AppArgs.split(args);
        String number = AppArgs.arg(a, 0).trim();
        if (number.isEmpty()) {
            PbxLog.warning("func_enum.c", "ENUMQUERY requires at least a number as an argument...");
            return "";
        }
        String tech = AppArgs.arg(a, 1).trim();
        EnumLookup.Result r = EnumLookup.of(c.pbx()).lookup(number, tech.isEmpty() ? "sip" : tech,
                EnumLookup.Options.parse(""), AppArgs.arg(a, 2));
        Queries q = queries(c, true);
        String id = Integer.toString(q.next.incrementAndGet());
        q.byId.put(id, r.uris());
        return id;
    }

    static Queries queries(Channel c, boolean create) {
        Queries q = c.datastore(KEY);
        if (q == null && create) {
            q = new Queries();
            c.putDatastore(KEY, q);
        }
        return q;
    }
}
