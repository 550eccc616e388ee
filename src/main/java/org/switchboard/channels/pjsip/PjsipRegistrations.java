package org.switchboard.channels.pjsip;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.switchboard.channels.pjsip.config.PjsipAuth;
import org.switchboard.channels.pjsip.config.PjsipRegistration;
import org.switchboard.channels.pjsip.config.PjsipSettings;
import org.switchboard.channels.pjsip.config.PjsipTransport;
import org.switchboard.channels.sip.SipStack;
import org.switchboard.channels.sip.config.SipRegistration;
import org.switchboard.channels.sip.message.SipUri;
import org.switchboard.channels.sip.registry.RegistrationClient;
import org.switchboard.channels.sip.registry.RegistrationState;
import org.switchboard.channels.sip.registry.RetryPolicy;
import org.switchboard.channels.sip.registry.SipRegistry;
import org.switchboard.core.ManagerEvent;

/**
 * pjsip.conf's {@code type=registration} sections (res_pjsip_outbound_registration) on chan_sip's
 * {@code register =>} client: each section becomes a {@link SipRegistration} whose Request-URI is
 * {@code server_uri} and whose address of record is {@code client_uri}, retried as the section
 * says; {@code pjsip reload} keeps the clients whose section is unchanged. Every change of state
 * raises the Manager's {@code Registry} event (ChannelType PJSIP).
 */
final class PjsipRegistrations {
    private final SipStack stack;
    private final SipRegistry registry;
    private volatile PjsipSettings settings;
    // line=yes: the token each registration puts in its Contact, kept for the PBX's life (name -> token)
    private final Map<String, String> lineTokens = new ConcurrentHashMap<>();

    PjsipRegistrations(SipStack stack, PjsipSettings settings) {
        this.stack = stack;
        this.settings = settings;
        this.registry = new SipRegistry(this::client, ZoneId.systemDefault());
    }

    SipRegistry registry() { return registry; }

    void start() { registry.start(lines(settings)); }

    void reload(PjsipSettings next) {
        settings = next;
        registry.reload(lines(next));
    }

    void stop() {
        try {
            registry.stop().get(2, TimeUnit.SECONDS); // best effort: Expires 0 to each registrar
        } catch (Exception e) {
            // an unanswered un-REGISTER must not hold up the unload
        }
    }

    /**
     * The endpoint an inbound request carrying {@code line=token} belongs to: the {@code endpoint=}
     * of the {@code line=yes} registration that token is of, or null.
     */
    String endpointOfLine(String token) {
        for (PjsipRegistration r : settings.registrations()) {
            if (r.line() && r.endpoint() != null && token.equals(lineTokens.get(r.name()))) return r.endpoint();
        }
        return null;
    }

    /** A {@code line} value: eight random lowercase letters, as res_pjsip_outbound_registration makes them. */
    private static String newLineToken() {
        var random = ThreadLocalRandom.current();
        StringBuilder b = new StringBuilder(8);
        for (int i = 0; i < 8; i++) b.append((char) ('a' + random.nextInt(26)));
        return b.toString();
    }

    /** The client of the {@code type=registration} section named {@code name}, or null. */
    RegistrationClient client(String name) {
        for (RegistrationClient c : registry.clients()) if (c.registration().peer().equals(name)) return c;
        return null;
    }

    /** The section a client was made from (by name: the line's {@code peer}). */
    PjsipRegistration section(RegistrationClient c) { return settings.registration(c.registration().peer()); }

    /** Each section as a register line: server_uri's host and port, client_uri's user and host, the auth's credentials. */
    static List<SipRegistration> lines(PjsipSettings s) {
        return s.registrations().stream().map(r -> line(r, s)).toList();
    }

    static SipRegistration line(PjsipRegistration r, PjsipSettings s) {
        SipUri server = SipUri.parse(r.serverUri());
        SipUri client = SipUri.parse(r.clientUri());
        PjsipAuth auth = s.auth(r.outboundAuth());
        String transport = protocolOf(r, s);
        String uriTransport = server.transportParam();
        if (uriTransport != null) transport = uriTransport.toLowerCase(Locale.ROOT);
        return new SipRegistration(r.name(), transport, client.user(), client.host(),
            auth == null ? null : auth.password(), auth == null ? null : auth.username(), server.host(), server.port(),
            r.contactUser(), r.expiration(), r.file(), r.lineNumber(), r.serverUri());
    }

    private static String protocolOf(PjsipRegistration r, PjsipSettings s) {
        if (r.transport() == null) return "udp";
        for (PjsipTransport t : s.transports()) {
            if (t.name().equals(r.transport())) return t.protocol().equals("tls") ? "tls" : t.protocol().equals("tcp") ? "tcp" : "udp";
        }
        return "udp";
    }

    /** A client for one section: its Contact on the address that reaches the registrar, its retry settings, its events. */
    private RegistrationClient client(SipRegistration line) {
        PjsipRegistration r = settings.registration(line.peer());
        // max_retries counts retries after the first attempt; 0 means none (registerattempts 1)
        RetryPolicy retry = r == null ? RetryPolicy.DEFAULT : new RetryPolicy(Duration.ofSeconds(r.retryInterval()),
            r.maxRetries() + 1, r.forbiddenRetryInterval() > 0 ? Duration.ofSeconds(r.forbiddenRetryInterval()) : null);
        org.switchboard.channels.sip.transport.Protocol p = org.switchboard.channels.sip.transport.Protocol.of(line.transport());
        // the Contact's address comes from the located target (locateRegistrar), never from a lookup here
        RegistrationClient c = new RegistrationClient(line, stack.settings(), stack.layer(), () -> null,
            stack.scheduler(), stack.pbx().clock(), retry);
        org.switchboard.channels.sip.SipBackground.locateRegistrar(stack, c);   // PJSIP always locates by RFC 3263
        if (r != null && r.line()) c.contactParam("line", lineTokens.computeIfAbsent(r.name(), n -> newLineToken()));
        String clientUri = r == null ? line.user() : r.clientUri();
        String serverUri = r == null ? line.host() : r.serverUri();
        c.addStateListener(state -> registryEvent(c, clientUri, serverUri, state));
        return c;
    }

    /** The Manager's Registry event, as res_pjsip_outbound_registration raises it on each outcome. */
    private void registryEvent(RegistrationClient c, String clientUri, String serverUri, RegistrationState state) {
        String status = switch (state) {
            case REGISTERED -> "Registered";
            case UNREGISTERED -> "Unregistered";
            case REJECTED, NO_AUTH, TIMEOUT -> "Rejected";
            case FAILED -> "Failed";
            case REQUEST_SENT, AUTH_SENT -> null;
        };
        if (status == null || !stack.pbx().events().hasSubscribers()) return;
        ManagerEvent.Builder b = ManagerEvent.of("Registry", "system").put("ChannelType", "PJSIP")
            .put("Username", clientUri).put("Domain", serverUri).put("Status", status);
        if (!status.equals("Registered") && !status.equals("Unregistered")) {
            String cause = c.lastError();
            b.put("Cause", cause == null ? "" : cause);
        }
        stack.pbx().events().publish(b.build());
    }

    /** res_pjsip's status word: Unregistered, Registered, Rejected (temporary or permanent). */
    static String status(RegistrationState s) {
        return switch (s) {
            case REGISTERED -> "Registered";
            case REJECTED, NO_AUTH, TIMEOUT, FAILED -> "Rejected";
            case UNREGISTERED, REQUEST_SENT, AUTH_SENT -> "Unregistered";
        };
    }
}
