package org.switchboard.res.xmpp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.switchboard.config.Config;
import org.switchboard.config.ConfigEntry;
import org.switchboard.config.ConfigSection;

/**
 * xmpp.conf as res_xmpp reads it, as an immutable snapshot: {@code [general]} and one
 * {@link Client} per {@code type=client} section. Reading never throws: each bad line is a
 * {@code file:line: message} in {@link #problems()}; a client that cannot work (no username, no
 * secret) is left out with its reason. {@code type=component} (a server component) is not
 * carried and says so.
 */
public record XmppConfig(General general, Map<String, Client> clients, List<String> problems) {

    /** {@code [general]}: the defaults every client inherits (autoprune, autoregister, auth_policy) and the pubsub knobs. */
    public record General(boolean debug, boolean autoprune, boolean autoregister, boolean acceptSubscriptions,
                          boolean collectionNodes, boolean pubsubAutocreate) {}

    /**
     * One client: {@code jid} bare, {@code resource} from the username (res_xmpp's "asterisk" when
     * none), {@code serverhost} where to connect; {@code timeout} seconds a message is kept for
     * JABBER_RECEIVE; {@code context} where {@code sendtodialplan} delivers messages.
     */
    public record Client(String name, String jid, String resource, String secret, String serverhost, int port, boolean useTls,
                         String status, String statusMessage, int priority, int timeoutS, List<String> buddies, String context,
                         boolean sendToDialplan, boolean acceptSubscriptions, String tlsCaFile, String file, int line) {
        public Client {
            buddies = List.copyOf(buddies);
        }

        public String localpart() { return jid.substring(0, jid.indexOf('@')); }
        public String domain() { return jid.substring(jid.indexOf('@') + 1); }

        /** Never the secret. */
        @Override
        public String toString() { return name + " (" + jid + ")"; }
    }

    static final General DEFAULT_GENERAL = new General(false, false, true, true, false, false);

    private static final Set<String> GENERAL_KEYS = Set.of("debug", "autoprune", "autoregister", "collection_nodes",
            "pubsub_autocreate", "auth_policy");
    private static final Set<String> CLIENT_KEYS = Set.of("type", "serverhost", "username", "secret", "port", "usetls", "usesasl",
            "status", "statusmessage", "timeout", "buddy", "priority", "context", "sendtodialplan", "debug", "autoprune",
            "autoregister", "auth_policy", "distribute_events", "pubsub_node", "forceoldssl", "keepalive", "tls_ca_file",
            "refresh_token", "oauth_clientid", "oauth_secret");
    /** res_xmpp's presence words for {@code status=}. */
    static final Set<String> STATUS_WORDS = Set.of("chat", "available", "away", "xaway", "dnd");

    public XmppConfig {
        clients = Collections.unmodifiableMap(new LinkedHashMap<>(clients));
        problems = List.copyOf(problems);
    }

    /** The client named (case-insensitive), or null. */
    public Client client(String name) {
        if (name == null) return null;
        Client c = clients.get(name);
        if (c != null) return c;
        for (Client x : clients.values()) if (x.name().equalsIgnoreCase(name)) return x;
        return null;
    }

    public static XmppConfig from(Config config) {
        List<String> problems = new ArrayList<>();
        config.problems().forEach(p -> problems.add(p.toString()));
        ConfigSection gs = config.section("general");
        General g = gs == null ? DEFAULT_GENERAL : general(new Reader(gs, problems));
        Map<String, Client> clients = new LinkedHashMap<>();
        for (ConfigSection s : config.sections()) {
            if (s.isTemplate() || s.name().equalsIgnoreCase("general")) continue;
            if (clients.keySet().stream().anyMatch(n -> n.equalsIgnoreCase(s.name()))) {
                problems.add(s.file() + ":" + s.line() + ": client [" + s.name() + "] is defined twice; the first one is used");
                continue;
            }
            Client c = client(new Reader(s, problems), g);
            if (c != null) clients.put(c.name(), c);
        }
        return new XmppConfig(g, clients, problems);
    }

    private static General general(Reader r) {
        r.unknownKeys(GENERAL_KEYS, "[general]");
        General d = DEFAULT_GENERAL;
        return new General(r.bool("debug", d.debug()), r.bool("autoprune", d.autoprune()), r.bool("autoregister", d.autoregister()),
                r.policy(d.acceptSubscriptions()), r.bool("collection_nodes", d.collectionNodes()),
                r.bool("pubsub_autocreate", d.pubsubAutocreate()));
    }

    private static Client client(Reader r, General g) {
        ConfigSection s = r.section;
        String here = s.file() + ":" + s.line();
        String type = s.get("type", "client").trim().toLowerCase(Locale.ROOT);
        if (type.equals("component")) {
            r.problems.add(here + ": [" + s.name() + "] type=component (a server component) is not supported; it is left out");
            return null;
        }
        if (!type.equals("client")) {
            r.problems.add(r.where("type") + ": [" + s.name() + "] type must be client, not '" + type + "'; it is left out");
            return null;
        }
        r.unknownKeys(CLIENT_KEYS, "client [" + s.name() + "]");
        String user = s.get("username", "").trim();
        int at = user.indexOf('@');
        int slash = user.indexOf('/');
        String bare = slash < 0 ? user : user.substring(0, slash);
        if (at <= 0 || at >= bare.length() - 1 || bare.indexOf('@', at + 1) >= 0 || user.chars().anyMatch(Character::isWhitespace)) {
            r.problems.add((s.has("username") ? r.where("username") : here) + ": client [" + s.name() + "] needs username=user@domain"
                    + (user.isEmpty() ? "" : ", not '" + user + "'") + "; it is left out");
            return null;
        }
        String secret = s.get("secret", "");
        if (secret.isEmpty()) {
            r.problems.add(here + ": client [" + s.name() + "] has no secret; it is left out");
            return null;
        }
        String jid = bare.substring(0, at) + "@" + bare.substring(at + 1).toLowerCase(Locale.ROOT);
        String resource = slash < 0 || slash == user.length() - 1 ? "asterisk" : user.substring(slash + 1);
        String host = s.get("serverhost", "").trim();
        if (s.has("usesasl") && !r.bool("usesasl", true)) {
            r.problems.add(r.where("usesasl") + ": usesasl=no (the old jabber:iq:auth login, XEP-0078) is not supported; SASL is used");
        }
        String status = s.get("status", "available").trim().toLowerCase(Locale.ROOT);
        if (!STATUS_WORDS.contains(status)) {
            r.problems.add(r.where("status") + ": unknown status '" + status + "' (chat, available, away, xaway, dnd); available is used");
            status = "available";
        }
        List<String> buddies = new ArrayList<>();
        for (String line : s.getAll("buddy")) {
            for (String b : line.split(",")) if (!b.isBlank()) buddies.add(b.trim());
        }
        return new Client(s.name(), jid, resource, secret, host.isEmpty() ? null : host, r.integer("port", 5222, 1, 65535),
                r.bool("usetls", true), status, s.get("statusmessage", "Online and Available"), r.integer("priority", 1, -128, 127),
                r.integer("timeout", 5, 0, 3600), buddies, s.get("context", "default").trim(), r.bool("sendtodialplan", false),
                s.has("auth_policy") ? r.policy(g.acceptSubscriptions()) : g.acceptSubscriptions(),
                s.has("tls_ca_file") ? s.get("tls_ca_file").trim() : null, s.file(), s.line());
    }

    /** One section's values, each bad one a problem at its line with the default used. */
    private record Reader(ConfigSection section, List<String> problems) {
        void unknownKeys(Set<String> known, String where) {
            for (ConfigEntry e : section.entries()) {
                if (!known.contains(e.key().toLowerCase(Locale.ROOT))) {
                    problems.add(e.file() + ":" + e.line() + ": unknown option '" + e.key() + "' in " + where);
                }
            }
        }

        String where(String key) {
            ConfigEntry found = null;
            for (ConfigEntry e : section.entries()) if (e.key().equalsIgnoreCase(key)) found = e;
            return found != null ? found.file() + ":" + found.line() : section.file() + ":" + section.line();
        }

        boolean bool(String key, boolean dflt) {
            String v = section.get(key);
            if (v == null) return dflt;
            switch (v.trim().toLowerCase(Locale.ROOT)) {
                case "yes", "true", "y", "t", "1", "on" -> { return true; }
                case "no", "false", "n", "f", "0", "off" -> { return false; }
                default -> {
                    problems.add(where(key) + ": " + key + " must be yes or no, not '" + v + "'; " + (dflt ? "yes" : "no") + " is used");
                    return dflt;
                }
            }
        }

        int integer(String key, int dflt, int min, int max) {
            String v = section.get(key);
            if (v == null) return dflt;
            try {
                int n = Integer.parseInt(v.trim());
                if (n >= min && n <= max) return n;
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(where(key) + ": " + key + " must be a whole number from " + min + " to " + max + ", not '" + v + "'; " + dflt + " is used");
            return dflt;
        }

        /** auth_policy=accept|reject: whether a subscription request is approved. */
        boolean policy(boolean dflt) {
            String v = section.get("auth_policy");
            if (v == null) return dflt;
            switch (v.trim().toLowerCase(Locale.ROOT)) {
                case "accept" -> { return true; }
                case "reject" -> { return false; }
                default -> {
                    problems.add(where("auth_policy") + ": auth_policy must be accept or reject, not '" + v + "'; "
                            + (dflt ? "accept" : "reject") + " is used");
                    return dflt;
                }
            }
        }
    }
}
