package org.switchboard.res.agi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.InitialDirContext;

/** DNS SRV records for hagi:// (RFC 2782): the servers to try, lowest priority first, then highest weight. */
interface SrvLookup {
    record Target(int priority, int weight, int port, String host) {}

    List<Target> find(String name);

    /** The JDK's own DNS client (JNDI, module jdk.naming.dns); an empty list when the lookup fails. */
    SrvLookup DNS = name -> {
        Hashtable<String, String> env = new Hashtable<>();
        env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        List<String> values = new ArrayList<>();
        try {
            InitialDirContext ctx = new InitialDirContext(env);
            try {
                Attributes a = ctx.getAttributes(name, new String[] {"SRV"});
                Attribute srv = a.get("SRV");
                if (srv != null) {
                    NamingEnumeration<?> e = srv.getAll();
                    while (e.hasMore()) values.add(String.valueOf(e.next()));
                }
            } finally {
                ctx.close();
            }
        } catch (NamingException | RuntimeException e) {
            return List.of();
        }
        return order(values);
    };

    /** Parses {@code "priority weight port target."} values and puts them in the order to try. No I/O. */
    static List<Target> order(List<String> values) {
        List<Target> out = new ArrayList<>();
        for (String v : values) {
            String[] f = v.trim().split("\\s+");
            if (f.length != 4) continue;
            try {
                String host = f[3].endsWith(".") ? f[3].substring(0, f[3].length() - 1) : f[3];
                int port = Integer.parseInt(f[2]);
                if (host.isEmpty() || port < 1 || port > 65535) continue;   // "." means no service (RFC 2782)
                out.add(new Target(Integer.parseInt(f[0]), Integer.parseInt(f[1]), port, host));
            } catch (NumberFormatException e) {
                // a record that is not one
            }
        }
        out.sort(Comparator.comparingInt(Target::priority).thenComparing(Comparator.comparingInt(Target::weight).reversed()));
        return out;
    }
}
