package org.switchboard.channels.pjsip.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.switchboard.channels.sip.config.Acl;
import org.switchboard.channels.sip.config.Codec;
import org.switchboard.channels.sip.config.ConfValues;
import org.switchboard.channels.sip.config.DtmfMode;
import org.switchboard.channels.sip.config.MediaEncryption;
import org.switchboard.channels.sip.config.NamedAcls;
import org.switchboard.channels.sip.transport.TlsSettings;
import org.switchboard.config.Config;
import org.switchboard.config.ConfigEntry;
import org.switchboard.config.ConfigProblem;
import org.switchboard.config.ConfigSection;

/**
 * Reads pjsip.conf in res_pjsip's syntax into {@link PjsipSettings}. Never throws for bad
 * content: a section without {@code type=}, an unknown type or option, a bad value becomes a
 * problem at its file:line and the rest loads. Cross-references are checked last, as sorcery
 * resolves them when used: an endpoint naming a missing aor loads without it; one naming a
 * missing {@code auth} is skipped (loading it without would let anyone call as it).
 */
public final class PjsipConfig {
    /** Options res_pjsip has that do not change what Switchboard does yet; read silently. */
    private static final Set<String> ENDPOINT_IGNORED = Set.of("transport", "ice_support",
        "webrtc", "device_state_busy_at",
        "allow_subscribe", "subscribe_context", "call_group", "pickup_group", "named_call_group",
        "named_pickup_group", "moh_suggest", "accountcode", "timers", "100rel", "identify_by", "allow_transfer",
        "sdp_owner", "sdp_session", "tos_audio", "cos_audio", "use_avpf", "media_use_received_transport",
        "rtcp_mux", "dtls_auto_generate_cert", "dtls_verify", "dtls_setup", "dtls_cert_file",
        "dtls_private_key", "dtls_ca_file", "message_context", "set_var", "aggregate_mwi",
        "direct_media_method", "connected_line_method", "inband_progress", "t38_udptl", "fax_detect",
        "notify_early_inuse_ringing", "refer_blind_progress", "media_address", "bind_rtp_to_media_address");
    private static final Set<String> AOR_IGNORED = Set.of("authenticate_qualify", "qualify_timeout",
        "maximum_expiration", "minimum_expiration", "remove_unavailable", "mailboxes", "voicemail_extension",
        "outbound_proxy", "support_path");
    private static final Set<String> TRANSPORT_IGNORED = Set.of("local_net", "external_media_address",
        "external_signaling_address", "external_signaling_port", "ca_list_path", "cipher", "tos", "cos",
        "allow_reload", "symmetric_transport", "async_operations", "domain", "password");
    private static final Set<String> GLOBAL_IGNORED = Set.of("max_forwards", "keep_alive_interval",
        "endpoint_identifier_order", "debug", "default_outbound_endpoint", "max_initial_qualify_time",
        "unidentified_request_count", "unidentified_request_period", "unidentified_request_prune_interval",
        "mwi_tps_queue_high", "mwi_tps_queue_low", "default_voicemail_extension", "regcontext",
        "contact_expiration_check_interval", "disable_multi_domain", "ignore_uri_user_options",
        "use_callerid_contact", "send_contact_status_on_update_registration", "taskprocessor_overload_trigger",
        "norefersub", "allow_sending_180_after_183", "all_codecs_on_empty_reinvite");

    private PjsipConfig() {}

    public static PjsipSettings read(Config conf) { return read(conf, null); }

    /** pjsip.conf with acl.conf (null when there is none) for {@code acl=} names. */
    public static PjsipSettings read(Config conf, Config aclConf) {
        ConfValues v = new ConfValues();
        NamedAcls named = NamedAcls.read(aclConf);
        List<PjsipRegistrationReader.Read> registrations = new ArrayList<>();
        List<PjsipAcl> acls = new ArrayList<>();
        List<PjsipTransport> transports = new ArrayList<>();
        Map<String, PjsipEndpoint> endpoints = new LinkedHashMap<>();
        Map<String, ConfigEntry[]> endpointRefs = new LinkedHashMap<>(); // aors=, auth= entries, for file:line
        Map<String, PjsipAor> aors = new LinkedHashMap<>();
        Map<String, PjsipAuth> auths = new LinkedHashMap<>();
        List<PjsipIdentify> identifies = new ArrayList<>();
        String[] global = {"asterisk", "Switchboard"};
        for (ConfigSection s : conf.sections()) {
            if (s.isTemplate()) continue;
            String type = s.get("type");
            if (type == null) {
                v.problems.add(new ConfigProblem(s.file(), s.line(), "section [" + s.name()
                    + "] has no type= (transport, endpoint, aor, auth, identify, registration, acl, global); ignored"));
                continue;
            }
            switch (type.trim().toLowerCase(Locale.ROOT)) {
                case "transport" -> { PjsipTransport t = transport(s, v); if (t != null) transports.add(t); }
                case "endpoint" -> {
                    ConfigEntry[] refs = new ConfigEntry[3];
                    PjsipEndpoint e = endpoint(s, v, refs);
                    if (put(endpoints, e.name(), e, s, v)) endpointRefs.put(e.name(), refs);
                }
                case "aor" -> { PjsipAor a = aor(s, v); put(aors, a.name(), a, s, v); }
                case "auth" -> { PjsipAuth a = auth(s, v); if (a != null) put(auths, a.name(), a, s, v); }
                case "identify" -> { PjsipIdentify i = identify(s, v); if (i != null) identifies.add(i); }
                case "global" -> global(s, v, global);
                case "registration" -> {
                    PjsipRegistrationReader.Read r = PjsipRegistrationReader.read(s, v);
                    if (r != null && registrations.stream().noneMatch(o -> o.registration().name().equals(s.name()))) registrations.add(r);
                    else if (r != null) v.problems.add(new ConfigProblem(s.file(), s.line(), "[" + s.name() + "] is defined twice with this type; the first one is kept"));
                }
                case "acl" -> acls.add(acl(s, named, v));
                case "system", "domain_alias", "contact", "phoneprov", "outbound-publish",
                     "inbound-publication", "resource_list" -> { } // ours later; read without effect
                default -> v.problems.add(new ConfigProblem(s.file(), s.line(), "section [" + s.name()
                    + "] has unknown type '" + type.trim() + "'; ignored"));
            }
        }
        resolve(endpoints, endpointRefs, aors, auths, identifies, v);
        List<PjsipRegistration> regs = resolveRegistrations(registrations, auths, transports, endpoints, v);
        List<ConfigProblem> problems = new ArrayList<>(conf.problems());
        problems.addAll(named.problems());
        problems.addAll(v.problems);
        return new PjsipSettings(transports, endpoints, aors, auths, identifies, global[0], global[1], problems, regs, acls);
    }

    private static <T> boolean put(Map<String, T> m, String name, T value, ConfigSection s, ConfValues v) {
        if (m.putIfAbsent(name, value) == null) return true;
        v.problems.add(new ConfigProblem(s.file(), s.line(), "[" + name + "] is defined twice with this type; the first one is kept"));
        return false;
    }

    /** Sorcery's references: drop missing aors (with a problem), skip endpoints whose auth is missing. */
    private static void resolve(Map<String, PjsipEndpoint> endpoints, Map<String, ConfigEntry[]> refs,
                                Map<String, PjsipAor> aors, Map<String, PjsipAuth> auths,
                                List<PjsipIdentify> identifies, ConfValues v) {
        for (String name : List.copyOf(endpoints.keySet())) {
            PjsipEndpoint e = endpoints.get(name);
            ConfigEntry[] r = refs.get(name);
            List<String> found = new ArrayList<>();
            for (String a : e.aors()) {
                if (aors.containsKey(a)) found.add(a);
                else v.problem(r[0], "endpoint '" + name + "' names aor '" + a + "', which does not exist; loaded without it");
            }
            String outbound = e.outboundAuth();
            if (outbound != null && !auths.containsKey(outbound)) {
                v.problem(r[2], "endpoint '" + name + "' names outbound_auth '" + outbound + "', which does not exist; loaded without it");
                outbound = null;
            }
            if (e.auth() != null && !auths.containsKey(e.auth())) {
                v.problem(r[1], "endpoint '" + name + "' names auth '" + e.auth() + "', which does not exist; endpoint not loaded");
                endpoints.remove(name);
                continue;
            }
            endpoints.put(name, new PjsipEndpoint(e.name(), e.context(), e.codecs(), found, e.auth(), outbound,
                e.callerId(), e.dtmfMode(), e.directMedia(), e.fromUser(), e.fromDomain(), e.rtpSymmetric(),
                e.forceRport(), e.rewriteContact(), e.language(), e.mailboxes(), e.transport(), e.mediaEncryption(),
                e.file(), e.line(), e.media(), e.identity()));
        }
        identifies.removeIf(i -> {
            if (endpoints.containsKey(i.endpoint())) return false;
            v.problems.add(new ConfigProblem(i.file(), i.line(), "identify '" + i.name() + "' names endpoint '"
                + i.endpoint() + "', which does not exist; ignored"));
            return true;
        });
    }

    /**
     * A registration whose outbound_auth or transport does not exist is not loaded (it could only
     * fail at the registrar); an unknown endpoint is dropped from it with a problem.
     */
    private static List<PjsipRegistration> resolveRegistrations(List<PjsipRegistrationReader.Read> read,
            Map<String, PjsipAuth> auths, List<PjsipTransport> transports, Map<String, PjsipEndpoint> endpoints, ConfValues v) {
        List<PjsipRegistration> out = new ArrayList<>();
        for (PjsipRegistrationReader.Read r : read) {
            PjsipRegistration g = r.registration();
            if (g.outboundAuth() != null && !auths.containsKey(g.outboundAuth())) {
                v.problem(r.authRef(), "registration '" + g.name() + "' names outbound_auth '" + g.outboundAuth()
                    + "', which does not exist; registration not loaded");
                continue;
            }
            String transport = g.transport();
            if (transport != null && transports.stream().noneMatch(t -> t.name().equals(transport))) {
                v.problem(r.transportRef(), "registration '" + g.name() + "' names transport '" + g.transport()
                    + "', which does not exist; registration not loaded");
                continue;
            }
            if (g.endpoint() != null && !endpoints.containsKey(g.endpoint())) {
                v.problem(r.endpointRef(), "registration '" + g.name() + "' names endpoint '" + g.endpoint()
                    + "', which does not exist; loaded without it");
                g = new PjsipRegistration(g.name(), g.serverUri(), g.clientUri(), g.outboundAuth(), g.retryInterval(),
                    g.forbiddenRetryInterval(), g.fatalRetryInterval(), g.maxRetries(), g.expiration(), g.contactUser(),
                    g.transport(), g.line(), null, g.authRejectionPermanent(), g.file(), g.lineNumber());
            }
            out.add(g);
        }
        return out;
    }

    /** A {@code type=acl} section: its source list and its contact list (res_pjsip_acl). */
    private static PjsipAcl acl(ConfigSection s, NamedAcls named, ConfValues v) {
        for (ConfigEntry e : s.entries()) {
            switch (e.key().toLowerCase(Locale.ROOT)) {
                case "type", "permit", "deny", "acl", "contact_permit", "contact_deny", "contact_acl" -> { }
                default -> unknown(e, s, v, Set.of());
            }
        }
        return new PjsipAcl(s.name(), named.combine(s.entries(), "permit", "deny", "acl", v),
            named.combine(s.entries(), "contact_permit", "contact_deny", "contact_acl", v), s.file(), s.line());
    }

    private static PjsipTransport transport(ConfigSection s, ConfValues v) {
        String protocol = "udp", host = "0.0.0.0";
        int port = -1;
        String cert = null, key = null, ca = null;
        List<String> methods = TlsSettings.ANY;
        boolean verifyClient = false, requireClientCert = false, verifyServer = false;
        ConfigEntry tlsOnly = null;
        for (ConfigEntry e : s.entries()) {
            String k = e.key().toLowerCase(Locale.ROOT);
            switch (k) {
                case "type" -> { }
                case "protocol" -> {
                    String p = e.value().trim().toLowerCase(Locale.ROOT);
                    if (p.equals("udp") || p.equals("tcp") || p.equals("tls") || p.equals("ws") || p.equals("wss")) protocol = p;
                    else {
                        v.problem(e, "bad protocol '" + e.value().trim() + "' (udp, tcp, tls, ws, wss); transport [" + s.name() + "] ignored");
                        return null;
                    }
                }
                case "bind" -> {
                    Object[] hp = v.hostPort(e, true);
                    if (hp != null) {
                        host = (String) hp[0];
                        if ((int) hp[1] >= 0) port = (int) hp[1];
                    }
                }
                case "cert_file" -> cert = blankToNull(e.value());
                case "priv_key_file" -> key = blankToNull(e.value());
                case "ca_list_file" -> ca = blankToNull(e.value());
                case "method" -> {
                    List<String> m = TlsSettings.protocolsFor(e.value());
                    if (m != null) methods = m;
                    else v.problem(e, "method '" + e.value().trim() + "' is not offered (tlsv1_2, tlsv1_3 or sslv23 for both)");
                }
                case "verify_client" -> verifyClient = v.bool(e, false);
                case "require_client_cert" -> requireClientCert = v.bool(e, false);
                case "verify_server" -> verifyServer = v.bool(e, false);
                default -> unknown(e, s, v, TRANSPORT_IGNORED);
            }
            if (Set.of("cert_file", "priv_key_file", "ca_list_file", "verify_client", "require_client_cert").contains(k)) tlsOnly = e;
        }
        TlsSettings tls = null;
        if (protocol.equals("tls")) {
            if (port < 0) port = TlsSettings.DEFAULT_PORT;
            if (cert == null) {
                v.problems.add(new ConfigProblem(s.file(), s.line(), "tls transport [" + s.name() + "] has no cert_file; ignored"));
                return null;
            }
            tls = new TlsSettings(host, port, Path.of(cert), key == null ? null : Path.of(key), ca == null ? null : Path.of(ca),
                methods, verifyClient, requireClientCert, verifyServer, s.file() + ":" + s.line());
        } else if (tlsOnly != null) {
            v.problem(tlsOnly, tlsOnly.key() + " applies to protocol=tls only; ignored for " + protocol + " transport [" + s.name() + "]");
        }
        return new PjsipTransport(s.name(), protocol, host, port < 0 ? 5060 : port, tls, s.file(), s.line());
    }

    private static PjsipEndpoint endpoint(ConfigSection s, ConfValues v, ConfigEntry[] refs) {
        String context = "default", auth = null, outboundAuth = null, callerId = null, fromUser = null;
        String fromDomain = null, language = null, mailboxes = null, transport = null;
        List<Codec> codecs = new ArrayList<>();
        List<String> aors = new ArrayList<>();
        DtmfMode dtmf = DtmfMode.RFC2833;
        boolean directMedia = true, rtpSymmetric = false, forceRport = true, rewriteContact = false, optimistic = false;
        PjsipMedia[] media = {PjsipMedia.DEFAULT};
        boolean trustIn = false, trustOut = false, sendPai = false, sendRpid = false;
        for (ConfigEntry e : s.entries()) {
            if (PjsipMedia.read(e.key(), e.value(), media, why -> v.problem(e, why))) continue;
            switch (e.key().toLowerCase(Locale.ROOT)) {
                case "type" -> { }
                case "context" -> context = v.word(e, context);
                case "allow", "disallow" -> v.codecs(e, codecs);
                case "aors" -> {
                    refs[0] = e;
                    for (String a : e.value().split(",")) if (!a.isBlank() && !aors.contains(a.strip())) aors.add(a.strip());
                }
                case "auth" -> { refs[1] = e; auth = blankToNull(e.value()); }
                case "outbound_auth" -> { refs[2] = e; outboundAuth = blankToNull(e.value()); }
                case "callerid" -> callerId = blankToNull(e.value());
                case "dtmf_mode" -> {
                    switch (e.value().trim().toLowerCase(Locale.ROOT)) {
                        case "rfc4733" -> dtmf = DtmfMode.RFC2833;
                        case "info" -> dtmf = DtmfMode.INFO;
                        case "inband" -> dtmf = DtmfMode.INBAND;
                        case "auto", "auto_info" -> dtmf = DtmfMode.AUTO;
                        default -> v.problem(e, "bad dtmf_mode '" + e.value().trim() + "' (rfc4733, info, inband, auto)");
                    }
                }
                case "direct_media" -> directMedia = v.bool(e, directMedia);
                case "from_user" -> fromUser = v.word(e, fromUser);
                case "from_domain" -> fromDomain = v.word(e, fromDomain);
                case "rtp_symmetric" -> rtpSymmetric = v.bool(e, rtpSymmetric);
                case "force_rport" -> forceRport = v.bool(e, forceRport);
                case "rewrite_contact" -> rewriteContact = v.bool(e, rewriteContact);
                case "language" -> language = v.word(e, language);
                case "mailboxes" -> mailboxes = blankToNull(e.value());
                case "media_encryption_optimistic" -> optimistic = v.bool(e, optimistic);
                case "trust_id_inbound" -> trustIn = v.bool(e, trustIn);
                case "trust_id_outbound" -> trustOut = v.bool(e, trustOut);
                case "send_pai" -> sendPai = v.bool(e, sendPai);
                case "send_rpid" -> sendRpid = v.bool(e, sendRpid);
                default -> unknown(e, s, v, ENDPOINT_IGNORED);
            }
            if (e.key().equalsIgnoreCase("transport")) transport = blankToNull(e.value());
        }
        if (media[0].applyWebrtc().iceIgnoredForSdes()) {
            for (ConfigEntry e : s.entries()) {
                if (e.key().equalsIgnoreCase("ice_support")) {
                    v.problem(e, "ice_support=yes with media_encryption=sdes: ICE is offered with DTLS-SRTP only; endpoint '"
                        + s.name() + "' uses SDES-SRTP without ICE candidates");
                }
            }
        }
        return new PjsipEndpoint(s.name(), context, codecs, aors, auth, outboundAuth, callerId, dtmf, directMedia,
            fromUser, fromDomain, rtpSymmetric, forceRport, rewriteContact, language, mailboxes, transport,
            MediaEncryption.of(media[0].applyWebrtc().encryption().name(), optimistic), s.file(), s.line(), media[0].applyWebrtc(),
            new PjsipIdentity(trustIn, trustOut, sendPai, sendRpid));
    }

    private static PjsipAor aor(ConfigSection s, ConfValues v) {
        int max = 0, dflt = 3600, min = 60, maxExp = 7200, qualify = 0;
        boolean remove = false;
        List<String> contacts = new ArrayList<>();
        for (ConfigEntry e : s.entries()) {
            switch (e.key().toLowerCase(Locale.ROOT)) {
                case "type" -> { }
                case "max_contacts" -> max = v.integer(e, 0, 1000, max);
                case "remove_existing" -> remove = v.bool(e, remove);
                case "contact" -> {
                    for (String c : e.value().split(",")) {
                        String t = c.strip();
                        if (t.isEmpty()) continue;
                        if (t.regionMatches(true, 0, "sip:", 0, 4) && t.length() > 4) contacts.add(t);
                        else v.problem(e, "contact '" + t + "' is not a sip: URI; ignored");
                    }
                }
                case "default_expiration" -> dflt = v.integer(e, 1, 86_400 * 7, dflt);
                case "minimum_expiration" -> min = v.integer(e, 1, 86_400 * 7, min);
                case "maximum_expiration" -> maxExp = v.integer(e, 1, 86_400 * 7, maxExp);
                case "qualify_frequency" -> qualify = v.integer(e, 0, 86_400, qualify);
                default -> unknown(e, s, v, AOR_IGNORED);
            }
        }
        return new PjsipAor(s.name(), max, remove, contacts, dflt, min, maxExp, qualify, s.file(), s.line());
    }

    private static PjsipAuth auth(ConfigSection s, ConfValues v) {
        String type = "userpass", user = null, password = null, md5 = null, realm = null;
        for (ConfigEntry e : s.entries()) {
            switch (e.key().toLowerCase(Locale.ROOT)) {
                case "type" -> { }
                case "auth_type" -> {
                    String t = e.value().trim().toLowerCase(Locale.ROOT);
                    if (t.equals("userpass") || t.equals("md5")) type = t;
                    else v.problem(e, "auth_type '" + e.value().trim() + "' is not supported (userpass, md5)");
                }
                case "username" -> user = v.word(e, user);
                case "password" -> password = e.value();
                case "md5_cred" -> {
                    String m = e.value().trim().toLowerCase(Locale.ROOT);
                    if (m.matches("[0-9a-f]{32}")) md5 = m;
                    else v.problem(e, "bad md5_cred (32 hex digits: the MD5 of username:realm:password)");
                }
                case "realm" -> realm = v.word(e, realm);
                case "nonce_lifetime", "refresh_token", "oauth_clientid", "oauth_secret" -> { }
                default -> unknown(e, s, v, Set.of());
            }
        }
        if (user == null) user = s.name(); // ours: res_pjsip sends an empty username; the section name is what people mean
        return new PjsipAuth(s.name(), type, user, type.equals("md5") ? null : password, md5, realm, s.file(), s.line());
    }

    private static PjsipIdentify identify(ConfigSection s, ConfValues v) {
        String endpoint = null;
        List<Acl.Rule> matches = new ArrayList<>();
        for (ConfigEntry e : s.entries()) {
            switch (e.key().toLowerCase(Locale.ROOT)) {
                case "type", "srv_lookups", "match_header", "match_request_uri" -> { }
                case "endpoint" -> endpoint = v.word(e, endpoint);
                case "match" -> {
                    for (String m : e.value().split(",")) {
                        if (m.isBlank()) continue;
                        try {
                            matches.add(Acl.parseRule(true, m.strip()));
                        } catch (IllegalArgumentException ex) {
                            v.problem(e, "bad match '" + m.strip() + "': " + ex.getMessage());
                        }
                    }
                }
                default -> unknown(e, s, v, Set.of());
            }
        }
        if (endpoint == null) {
            v.problems.add(new ConfigProblem(s.file(), s.line(), "identify [" + s.name() + "] has no endpoint=; ignored"));
            return null;
        }
        return new PjsipIdentify(s.name(), endpoint, matches, s.file(), s.line());
    }

    private static void global(ConfigSection s, ConfValues v, String[] global) {
        for (ConfigEntry e : s.entries()) {
            switch (e.key().toLowerCase(Locale.ROOT)) {
                case "type" -> { }
                case "default_realm" -> global[0] = v.word(e, global[0]);
                case "user_agent" -> { if (!e.value().isBlank()) global[1] = e.value().trim(); }
                default -> unknown(e, s, v, GLOBAL_IGNORED);
            }
        }
    }

    private static void unknown(ConfigEntry e, ConfigSection s, ConfValues v, Set<String> ignored) {
        if (!ignored.contains(e.key().toLowerCase(Locale.ROOT))) {
            v.problem(e, "unknown option '" + e.key() + "' in [" + s.name() + "]; ignored");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
