package org.switchboard.channels.pjsip.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.switchboard.config.ConfigProblem;

/**
 * pjsip.conf as read; immutable, so {@code pjsip reload} swaps one snapshot for another. Objects
 * are keyed by their section name (res_pjsip's ids are case-sensitive; look-ups here forgive case
 * as Dial strings and REGISTER users are typed by people).
 */
public record PjsipSettings(List<PjsipTransport> transports, Map<String, PjsipEndpoint> endpoints,
                            Map<String, PjsipAor> aors, Map<String, PjsipAuth> auths, List<PjsipIdentify> identifies,
                            String defaultRealm, String userAgent, List<ConfigProblem> problems,
                            List<PjsipRegistration> registrations, List<PjsipAcl> acls) {
    public PjsipSettings {
        registrations = List.copyOf(registrations);
        acls = List.copyOf(acls);
        transports = List.copyOf(transports);
        endpoints = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(endpoints));
        aors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(aors));
        auths = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(auths));
        identifies = List.copyOf(identifies);
        problems = List.copyOf(problems);
    }

    /** Without registrations or ACLs. */
    public PjsipSettings(List<PjsipTransport> transports, Map<String, PjsipEndpoint> endpoints,
                         Map<String, PjsipAor> aors, Map<String, PjsipAuth> auths, List<PjsipIdentify> identifies,
                         String defaultRealm, String userAgent, List<ConfigProblem> problems) {
        this(transports, endpoints, aors, auths, identifies, defaultRealm, userAgent, problems, List.of(), List.of());
    }

    public PjsipRegistration registration(String name) {
        for (PjsipRegistration r : registrations) if (r.name().equalsIgnoreCase(name)) return r;
        return null;
    }

    /** Whether every {@code type=acl} section lets a request from {@code address} in (res_pjsip_acl). */
    public boolean admits(java.net.InetAddress address) {
        for (PjsipAcl a : acls) if (!a.source().allows(address)) return false;
        return true;
    }

    /** Whether every {@code type=acl} section lets a Contact at {@code address} in ({@code contact_permit/deny/acl}). */
    public boolean admitsContact(java.net.InetAddress address) {
        for (PjsipAcl a : acls) if (!a.contact().allows(address)) return false;
        return true;
    }

    public PjsipEndpoint endpoint(String name) { return find(endpoints, name); }
    public PjsipAor aor(String name) { return find(aors, name); }
    public PjsipAuth auth(String name) { return find(auths, name); }

    /** The first transport of {@code protocol} (udp, tcp), or null. */
    public PjsipTransport transport(String protocol) {
        for (PjsipTransport t : transports) if (t.protocol().equals(protocol)) return t;
        return null;
    }

    private static <T> T find(Map<String, T> m, String name) {
        if (name == null) return null;
        T t = m.get(name);
        if (t != null) return t;
        for (Map.Entry<String, T> e : m.entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) return e.getValue();
        }
        return null;
    }
}
