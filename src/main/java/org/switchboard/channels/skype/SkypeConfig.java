package org.switchboard.channels.skype;

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
 * chan_skype.conf as an immutable snapshot: {@code [general]} and one {@link Account} per other
 * section. Reading never throws: every bad line is a {@code file:line: message} in {@link #problems()},
 * and an account that cannot work (no secret, no domain) is left out with its reason.
 */
public record SkypeConfig(General general, Map<String, Account> accounts, List<String> problems) {

    public enum AuthPolicy { ALLOW, DENY }

    /** The {@code [general]} section: the default account, licences and the defaults every account inherits. */
    public record General(String defaultUser, int licenses, String server, int port, String domain, String resource,
                          boolean tlsVerify, String tlsCaFile, int messageHoldMs, int reconnectMaxMs, String stunAddr) {}

    /**
     * One account. {@code jid} is the bare JID ({@code local@domain}); {@code server} is where to
     * connect (null: the JID's domain); {@code chatContext} null when chat is not routed;
     * {@code mohInterpret} the music on hold class the buddy hears while the other side of a
     * bridged call holds it ({@code mohinterpret=}, Asterisk's sip.conf name), null for {@code default}.
     */
    public record Account(String name, String jid, String secret, String server, int port, String resource,
                          String context, String exten, AuthPolicy authPolicy, String status, String statusMessage,
                          boolean tlsVerify, String tlsCaFile, String chatContext, int messageHoldMs, int reconnectMaxMs,
                          String file, int line, boolean presenceOnCall, List<String> codecs, String mohInterpret) {
        public Account {
            codecs = List.copyOf(codecs);
        }

        /** The same account showing another status (AMI SkypeAccountProperty). */
        public Account withStatus(String newStatus, String newMessage) {
            return new Account(name, jid, secret, server, port, resource, context, exten, authPolicy, newStatus, newMessage,
                tlsVerify, tlsCaFile, chatContext, messageHoldMs, reconnectMaxMs, file, line, presenceOnCall, codecs, mohInterpret);
        }

        public String localpart() { return jid.substring(0, jid.indexOf('@')); }
        public String domain() { return jid.substring(jid.indexOf('@') + 1); }

        /** Settings whose change needs a new login; the others are applied to a running account. */
        public boolean sameConnection(Account o) {
            return o != null && jid.equals(o.jid) && secret.equals(o.secret) && java.util.Objects.equals(server, o.server)
                    && port == o.port && resource.equals(o.resource) && tlsVerify == o.tlsVerify
                    && java.util.Objects.equals(tlsCaFile, o.tlsCaFile);
        }

        /** What {@code skype show settings} prints; never the secret. */
        @Override
        public String toString() {
            return name + " (" + jid + ")";
        }
    }

    public static final General DEFAULT_GENERAL = new General(null, 1, null, 5222, null, "switchboard", true, null, 5000, 30_000, null);
    /** The codecs an account offers unless allow/disallow say otherwise: Opus first, as every modern client does. */
    public static final List<String> DEFAULT_CODECS = List.of("opus", "ulaw", "alaw");
    private static final Set<String> CODECS = Set.of("opus", "ulaw", "alaw");

    private static final Set<String> GENERAL_KEYS = Set.of("default_user", "defaultuser", "licenses", "server", "port", "domain",
            "resource", "tls_verify", "tls_ca_file", "message_hold", "reconnect_max", "stunaddr");
    private static final Set<String> ACCOUNT_KEYS = Set.of("secret", "jid", "server", "port", "domain", "resource", "context",
            "exten", "authpolicy", "status", "statusmessage", "tls_verify", "tls_ca_file", "chat_context", "message_hold",
            "reconnect_max", "presence_on_call", "allow", "disallow", "mohinterpret");
    /** Status words an account may show, Skype's and XMPP's. */
    static final Set<String> STATUS_WORDS = Set.of("online", "available", "chat", "away", "xa", "not available", "na",
            "dnd", "do not disturb");

    public SkypeConfig {
        accounts = Collections.unmodifiableMap(new LinkedHashMap<>(accounts));
        problems = List.copyOf(problems);
    }

    /** The account named (case-insensitive), or null. */
    public Account account(String name) {
        if (name == null) return null;
        Account a = accounts.get(name);
        if (a != null) return a;
        for (Account x : accounts.values()) if (x.name().equalsIgnoreCase(name)) return x;
        return null;
    }

    public static SkypeConfig from(Config config) {
        List<String> problems = new ArrayList<>();
        config.problems().forEach(p -> problems.add(p.toString()));
        ConfigSection gs = config.section("general");
        General g = gs == null ? DEFAULT_GENERAL : general(gs, problems);
        Map<String, Account> accounts = new LinkedHashMap<>();
        for (ConfigSection s : config.sections()) {
            if (s.isTemplate() || s.name().equalsIgnoreCase("general")) continue;
            if (accounts.keySet().stream().anyMatch(n -> n.equalsIgnoreCase(s.name()))) {
                problems.add(s.file() + ":" + s.line() + ": account [" + s.name() + "] is defined twice; the first one is used");
                continue;
            }
            Account a = account(s, g, problems);
            if (a != null) accounts.put(a.name(), a);
        }
        if (g.defaultUser() != null && !accounts.isEmpty() && accounts.keySet().stream().noneMatch(n -> n.equalsIgnoreCase(g.defaultUser()))) {
            ConfigEntry e = entry(gs, "default_user", "defaultuser");
            problems.add(where(e, gs) + ": default_user '" + g.defaultUser() + "' names no account");
        }
        return new SkypeConfig(g, accounts, problems);
    }

    private static General general(ConfigSection s, List<String> problems) {
        General d = DEFAULT_GENERAL;
        for (ConfigEntry e : s.entries()) {
            if (!GENERAL_KEYS.contains(e.key().toLowerCase(Locale.ROOT))) {
                problems.add(e.file() + ":" + e.line() + ": unknown option '" + e.key() + "' in [general]");
            }
        }
        String defaultUser = s.get("default_user", s.get("defaultuser"));
        if (defaultUser != null && defaultUser.isBlank()) defaultUser = null;
        int licenses = integer(s, "licenses", d.licenses(), 0, 10_000, problems);
        String server = blankToNull(s.get("server"));
        int port = integer(s, "port", d.port(), 1, 65535, problems);
        String domain = blankToNull(s.get("domain"));
        String resource = s.get("resource", d.resource());
        boolean verify = bool(s, "tls_verify", d.tlsVerify(), problems);
        String ca = blankToNull(s.get("tls_ca_file"));
        int hold = (int) Math.round(decimal(s, "message_hold", d.messageHoldMs() / 1000.0, 0, 3600, problems) * 1000);
        int reconnectMax = (int) Math.round(decimal(s, "reconnect_max", d.reconnectMaxMs() / 1000.0, 0.1, 3600, problems) * 1000);
        String stun = blankToNull(s.get("stunaddr"));
        if (stun != null && !stun.matches("[A-Za-z0-9.\\-]+(:\\d{1,5})?")) {
            problems.add(where(entry(s, "stunaddr"), s) + ": stunaddr must be host[:port], not '" + stun + "'; no STUN is used");
            stun = null;
        }
        return new General(defaultUser, licenses, server, port, domain, resource, verify, ca, hold, reconnectMax, stun);
    }

    private static Account account(ConfigSection s, General g, List<String> problems) {
        for (ConfigEntry e : s.entries()) {
            if (!ACCOUNT_KEYS.contains(e.key().toLowerCase(Locale.ROOT))) {
                problems.add(e.file() + ":" + e.line() + ": unknown option '" + e.key() + "' in account [" + s.name() + "]");
            }
        }
        String here = s.file() + ":" + s.line();
        String secret = s.get("secret");
        if (secret == null || secret.isEmpty()) {
            problems.add(here + ": account [" + s.name() + "] has no secret; it is left out");
            return null;
        }
        String domain = blankToNull(s.get("domain", g.domain()));
        String jid = blankToNull(s.get("jid"));
        if (jid == null) {
            if (domain == null) {
                problems.add(here + ": account [" + s.name() + "] has neither jid= nor a domain; it is left out");
                return null;
            }
            jid = s.name() + "@" + domain;
        }
        int slash = jid.indexOf('/');
        if (slash >= 0) jid = jid.substring(0, slash);
        int at = jid.indexOf('@');
        if (at <= 0 || at == jid.length() - 1 || jid.indexOf('@', at + 1) >= 0 || jid.chars().anyMatch(Character::isWhitespace)) {
            ConfigEntry e = entry(s, "jid");
            problems.add(where(e, s) + ": account [" + s.name() + "] has an invalid jid '" + jid + "'; it is left out");
            return null;
        }
        jid = jid.substring(0, at) + "@" + jid.substring(at + 1).toLowerCase(Locale.ROOT);
        String server = blankToNull(s.get("server", g.server()));
        int port = s.has("port") ? integer(s, "port", g.port(), 1, 65535, problems) : g.port();
        String resource = s.get("resource", g.resource());
        if (resource.isBlank()) resource = "switchboard";
        String context = s.get("context", "default");
        String exten = s.get("exten", "s");
        AuthPolicy policy = AuthPolicy.DENY;
        String ap = s.get("authpolicy");
        if (ap != null) {
            switch (ap.trim().toLowerCase(Locale.ROOT)) {
                case "allow" -> policy = AuthPolicy.ALLOW;
                case "deny" -> policy = AuthPolicy.DENY;
                default -> problems.add(where(entry(s, "authpolicy"), s) + ": authpolicy must be allow or deny, not '" + ap + "'; deny is used");
            }
        }
        String status = s.get("status", "online").trim();
        if (!STATUS_WORDS.contains(status.toLowerCase(Locale.ROOT))) {
            problems.add(where(entry(s, "status"), s) + ": unknown status '" + status + "' (online, away, xa, dnd, chat); online is used");
            status = "online";
        }
        String statusMessage = s.get("statusmessage", "");
        boolean verify = s.has("tls_verify") ? bool(s, "tls_verify", g.tlsVerify(), problems) : g.tlsVerify();
        String ca = blankToNull(s.get("tls_ca_file", g.tlsCaFile()));
        String chatContext = blankToNull(s.get("chat_context"));
        int hold = s.has("message_hold")
                ? (int) Math.round(decimal(s, "message_hold", g.messageHoldMs() / 1000.0, 0, 3600, problems) * 1000) : g.messageHoldMs();
        int reconnectMax = s.has("reconnect_max")
                ? (int) Math.round(decimal(s, "reconnect_max", g.reconnectMaxMs() / 1000.0, 0.1, 3600, problems) * 1000) : g.reconnectMaxMs();
        boolean onCall = !s.has("presence_on_call") || bool(s, "presence_on_call", true, problems);
        return new Account(s.name(), jid, secret, server, port, resource, context, exten, policy, status, statusMessage,
                verify, ca, chatContext, hold, reconnectMax, s.file(), s.line(), onCall, codecs(s, problems),
                blankToNull(s.get("mohinterpret")));
    }

    /** sip.conf's allow/disallow, in file order: disallow=all, allow=ulaw,alaw ... Only what Jingle calls carry here. */
    private static List<String> codecs(ConfigSection s, List<String> problems) {
        List<String> out = new ArrayList<>(DEFAULT_CODECS);
        for (ConfigEntry e : s.entries()) {
            String k = e.key().toLowerCase(Locale.ROOT);
            if (!k.equals("allow") && !k.equals("disallow")) continue;
            for (String raw : e.value().split("[,&]")) {
                String c = raw.trim().toLowerCase(Locale.ROOT);
                if (c.isEmpty()) continue;
                if (c.equals("all")) {
                    if (k.equals("disallow")) out.clear();
                    else { out.clear(); out.addAll(DEFAULT_CODECS); }
                } else if (!CODECS.contains(c)) {
                    problems.add(e.file() + ":" + e.line() + ": codec '" + c + "' is not carried on Skype calls (opus, ulaw, alaw); ignored");
                } else {
                    out.remove(c);
                    if (k.equals("allow")) out.add(c);
                }
            }
        }
        if (out.isEmpty()) problems.add(s.file() + ":" + s.line() + ": account [" + s.name() + "] allows no codec; its calls will fail");
        return out;
    }

    private static ConfigEntry entry(ConfigSection s, String... keys) {
        if (s == null) return null;
        ConfigEntry found = null;
        for (ConfigEntry e : s.entries()) {
            for (String k : keys) if (e.key().equalsIgnoreCase(k)) found = e;
        }
        return found;
    }

    private static String where(ConfigEntry e, ConfigSection s) {
        if (e != null) return e.file() + ":" + e.line();
        return s == null ? "chan_skype.conf:0" : s.file() + ":" + s.line();
    }

    private static String blankToNull(String v) { return v == null || v.isBlank() ? null : v.trim(); }

    private static int integer(ConfigSection s, String key, int dflt, int min, int max, List<String> problems) {
        String v = s.get(key);
        if (v == null) return dflt;
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(where(entry(s, key), s) + ": " + key + " must be a whole number from " + min + " to " + max + ", not '" + v + "'; " + dflt + " is used");
        return dflt;
    }

    private static double decimal(ConfigSection s, String key, double dflt, double min, double max, List<String> problems) {
        String v = s.get(key);
        if (v == null) return dflt;
        try {
            double n = Double.parseDouble(v.trim());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(where(entry(s, key), s) + ": " + key + " must be seconds from " + min + " to " + max + ", not '" + v + "'; " + dflt + " is used");
        return dflt;
    }

    private static boolean bool(ConfigSection s, String key, boolean dflt, List<String> problems) {
        String v = s.get(key);
        if (v == null) return dflt;
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "y", "t", "1", "on" -> { return true; }
            case "no", "false", "n", "f", "0", "off" -> { return false; }
            default -> {
                problems.add(where(entry(s, key), s) + ": " + key + " must be yes or no, not '" + v + "'; " + (dflt ? "yes" : "no") + " is used");
                return dflt;
            }
        }
    }
}
