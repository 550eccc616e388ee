package org.switchboard.channels.pjsip.config;

import java.util.Locale;
import java.util.Set;
import org.switchboard.channels.sip.config.ConfValues;
import org.switchboard.channels.sip.message.SipUri;
import org.switchboard.config.ConfigEntry;
import org.switchboard.config.ConfigProblem;
import org.switchboard.config.ConfigSection;

/**
 * Reads a {@code type=registration} section. A section without a usable {@code server_uri} or
 * {@code client_uri} is a problem at its file:line and is not loaded (res_pjsip refuses it too).
 */
final class PjsipRegistrationReader {
    /** res_pjsip options that change nothing here yet; read silently. */
    private static final Set<String> IGNORED = Set.of("outbound_proxy", "max_random_initial_delay", "support_path",
        "support_outbound", "contact_header_params", "security_negotiation", "security_mechanisms");

    /** The section as read, with the entries naming other sections (for their file:line when they do not exist). */
    record Read(PjsipRegistration registration, ConfigEntry authRef, ConfigEntry transportRef, ConfigEntry endpointRef) {}

    private PjsipRegistrationReader() {}

    static Read read(ConfigSection s, ConfValues v) {
        String server = null, client = null, auth = null, contactUser = "s", transport = null, endpoint = null;
        int retry = 60, forbidden = 0, fatal = 0, maxRetries = 10, expiration = 3600;
        boolean line = false, authPermanent = true;
        ConfigEntry authRef = null, transportRef = null, endpointRef = null;
        for (ConfigEntry e : s.entries()) {
            switch (e.key().toLowerCase(Locale.ROOT)) {
                case "type" -> { }
                case "server_uri" -> server = uri(e, v);
                case "client_uri" -> client = uri(e, v);
                case "outbound_auth" -> {
                    authRef = e;
                    auth = e.value().isBlank() ? null : e.value().strip();
                }
                case "retry_interval" -> retry = v.integer(e, 1, 86_400, retry);
                case "forbidden_retry_interval" -> forbidden = v.integer(e, 0, 86_400, forbidden);
                case "fatal_retry_interval" -> fatal = v.integer(e, 0, 86_400, fatal);
                case "max_retries" -> maxRetries = v.integer(e, 0, 1_000_000, maxRetries);
                case "expiration" -> expiration = v.integer(e, 1, 86_400 * 7, expiration);
                case "contact_user" -> contactUser = v.word(e, contactUser);
                case "transport" -> {
                    transportRef = e;
                    transport = e.value().isBlank() ? null : e.value().strip();
                }
                case "line" -> line = v.bool(e, line);
                case "endpoint" -> {
                    endpointRef = e;
                    endpoint = e.value().isBlank() ? null : e.value().strip();
                }
                case "auth_rejection_permanent" -> authPermanent = v.bool(e, authPermanent);
                default -> {
                    if (!IGNORED.contains(e.key().toLowerCase(Locale.ROOT))) {
                        v.problem(e, "unknown option '" + e.key() + "' in [" + s.name() + "]; ignored");
                    }
                }
            }
        }
        if (server == null || client == null) {
            v.problems.add(new ConfigProblem(s.file(), s.line(), "registration [" + s.name() + "] has no usable "
                + (server == null ? "server_uri" : "client_uri") + "; not loaded"));
            return null;
        }
        if (SipUri.parse(client).user() == null) {
            v.problems.add(new ConfigProblem(s.file(), s.line(), "registration [" + s.name() + "]: client_uri '" + client
                + "' has no user part (sip:user@domain); not loaded"));
            return null;
        }
        return new Read(new PjsipRegistration(s.name(), server, client, auth, retry, forbidden, fatal, maxRetries,
            expiration, contactUser, transport, line, endpoint, authPermanent, s.file(), s.line()), authRef, transportRef, endpointRef);
    }

    /** A sip: or sips: URI, or null with a problem. */
    private static String uri(ConfigEntry e, ConfValues v) {
        String t = e.value().strip();
        try {
            SipUri u = SipUri.parse(t);
            if (u.isSip() && u.host() != null && !u.host().isEmpty()) return t;
        } catch (RuntimeException ex) {
            // reported below
        }
        v.problem(e, "bad " + e.key() + " '" + t + "' (a sip: URI such as sip:provider.example.com)");
        return null;
    }
}
