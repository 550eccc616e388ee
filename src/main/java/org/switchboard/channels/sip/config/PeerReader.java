package org.switchboard.channels.sip.config;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.switchboard.config.ConfigEntry;
import org.switchboard.config.ConfigProblem;
import org.switchboard.config.ConfigSection;

/** Reads one peer/user/friend section (templates already applied by the config reader). */
final class PeerReader {

    /** Peer options chan_sip has that Switchboard reads silently (no effect yet). */
    private static final Set<String> IGNORED = Set.of("directmedia", "canreinvite", "description",
        "subscribecontext", "callgroup", "pickupgroup", "namedcallgroup", "namedpickupgroup", "allowsubscribe",
        "sendrpid", "trustrpid", "progressinband", "videosupport", "t38pt_udptl", "mohsuggest",
        "parkinglot", "busylevel", "rtptimeout", "rtpholdtimeout", "qualifyfreq", "encryption_taglen", "avpf", "icesupport",
        "force_avp", "dtlsenable", "outboundproxy", "regexten", "vmexten", "auth", "setvar", "allowtransfer",
        "session-timers", "session-expires", "session-minse", "session-refresher", "amaflags", "cid_number",
        "fullname", "remotesecret", "usereqphone", "promiscredir", "rfc2833compensate", "registertrying");

    private final String context;
    private final Nat nat;
    private final List<Codec> codecs;
    private final ConfValues v;

    private final String mohInterpret;

    PeerReader(String context, Nat nat, List<Codec> codecs, String mohInterpret, ConfValues v, NamedAcls named) {
        this.mohInterpret = mohInterpret;
        this.named = named;
        this.context = context;
        this.nat = nat;
        this.codecs = List.copyOf(codecs);
        this.v = v;
    }

    /** The peer, or null (after recording a problem) when the section cannot be one. */
    private final NamedAcls named;

    SipPeer read(ConfigSection s) {
        String typeText = s.get("type");
        if (typeText == null) {
            v.problems.add(new ConfigProblem(s.file(), s.line(),
                "section [" + s.name() + "] has no type= (friend, peer or user); ignored"));
            return null;
        }
        PeerType type = null;
        String host = null;
        int port = SipConfig.DEFAULT_PORT;
        String secret = null, md5secret = null, defaultUser = null, fromUser = null, fromDomain = null;
        String ctx = context, callerId = null, language = null, accountCode = null, mailbox = null, moh = mohInterpret;
        List<Codec> list = new ArrayList<>(codecs);
        DtmfMode dtmf = DtmfMode.RFC2833;
        Nat peerNat = nat;
        int qualify = 0, callLimit = 0;
        Set<SipPeer.Insecure> insecure = EnumSet.noneOf(SipPeer.Insecure.class);
        Acl acl = Acl.ALLOW_ALL;
        boolean hostGiven = false, portGiven = false;
        org.switchboard.channels.sip.transport.Protocol transport = org.switchboard.channels.sip.transport.Protocol.UDP;
        MediaEncryption encryption = MediaEncryption.NONE;
        for (ConfigEntry e : s.entries()) {
            String key = e.key().toLowerCase(Locale.ROOT);
            switch (key) {
                case "type" -> {
                    switch (e.value().trim().toLowerCase(Locale.ROOT)) {
                        case "friend" -> type = PeerType.FRIEND;
                        case "peer" -> type = PeerType.PEER;
                        case "user" -> type = PeerType.USER;
                        default -> v.problem(e, "bad type '" + e.value() + "' (friend, peer or user)");
                    }
                }
                case "host" -> {
                    String h = v.word(e, null);
                    if (h != null) {
                        hostGiven = true;
                        host = h.equalsIgnoreCase("dynamic") ? null : h;
                    }
                }
                case "port" -> {
                    port = v.integer(e, 1, 65535, port);
                    portGiven = true;
                }
                case "secret" -> secret = e.value();
                case "md5secret" -> {
                    String m = e.value().trim().toLowerCase(Locale.ROOT);
                    if (m.matches("[0-9a-f]{32}")) md5secret = m;
                    else v.problem(e, "bad md5secret (32 hex digits: the MD5 of name:realm:secret)");
                }
                case "defaultuser", "username" -> defaultUser = v.word(e, defaultUser);
                case "fromuser" -> fromUser = v.word(e, fromUser);
                case "fromdomain" -> fromDomain = v.word(e, fromDomain);
                case "context" -> ctx = v.word(e, ctx);
                case "callerid" -> callerId = e.value().trim();
                case "allow", "disallow" -> v.codecs(e, list);
                case "dtmfmode" -> {
                    switch (e.value().trim().toLowerCase(Locale.ROOT)) {
                        case "rfc2833", "rfc4733" -> dtmf = DtmfMode.RFC2833;
                        case "info", "shortinfo" -> dtmf = DtmfMode.INFO;
                        case "inband" -> dtmf = DtmfMode.INBAND;
                        case "auto" -> dtmf = DtmfMode.AUTO;
                        default -> v.problem(e, "bad dtmfmode '" + e.value() + "' (rfc2833, info, inband or auto)");
                    }
                }
                case "nat" -> peerNat = v.nat(e, peerNat);
                case "qualify" -> qualify = v.qualify(e);
                case "insecure" -> insecure = insecure(e);
                case "permit", "deny" -> {
                    Acl.Rule r = v.aclRule(e, key.equals("permit"));
                    if (r != null) acl = acl.with(r);
                }
                case "acl" -> { // acl.conf's named lists; one acl.conf does not have denies everyone (fails closed)
                    for (String n : e.value().split(",")) {
                        if (n.isBlank()) continue;
                        Acl a = named.get(n);
                        if (a == null) {
                            v.problem(e, "acl '" + n.strip() + "' is not in acl.conf; peer '" + s.name() + "' is denied from every address until it is");
                            a = Acl.ALLOW_ALL.with(Acl.parseRule(false, "0.0.0.0/0")).with(Acl.parseRule(false, "::/0"));
                        }
                        acl = acl.and(a);
                    }
                }
                case "call-limit" -> callLimit = v.integer(e, 0, 1_000_000, callLimit);
                case "language" -> language = v.word(e, language);
                case "accountcode" -> accountCode = e.value().trim();
                case "mailbox" -> mailbox = e.value().trim();
                case "mohinterpret" -> moh = v.word(e, moh);
                case "transport" -> transport = transport(e, transport);
                case "encryption" -> encryption = v.bool(e, false) ? MediaEncryption.SDES : MediaEncryption.NONE;
                default -> {
                    if (!IGNORED.contains(key)) v.problem(e, "unknown option '" + e.key() + "' in [" + s.name() + "]; ignored");
                }
            }
        }
        if (type == null) return null; // the bad type= line is already a problem
        if (!hostGiven && type.isPeer()) {
            v.problems.add(new ConfigProblem(s.file(), s.line(),
                "peer [" + s.name() + "] has no host= (dynamic or an address); ignored"));
            return null;
        }
        if (!portGiven) port = transport.defaultPort(); // §26.2: TLS on 5061
        return new SipPeer(s.name(), type, host, port, secret, md5secret, defaultUser, fromUser, fromDomain, ctx,
            callerId, list, dtmf, peerNat, qualify, insecure, acl, callLimit, language, accountCode, mailbox,
            transport, encryption, moh, s.file(), s.line());
    }

    /**
     * {@code transport=udp,tcp,tls}: the transports the peer may use, the first the one we use to
     * reach it (chan_sip's default_transport); ws and wss are for a WebSocket peer.
     */
    private org.switchboard.channels.sip.transport.Protocol transport(ConfigEntry e, org.switchboard.channels.sip.transport.Protocol dflt) {
        String first = e.value().split(",")[0].trim();
        try {
            return org.switchboard.channels.sip.transport.Protocol.of(first);
        } catch (IllegalArgumentException ex) {
            v.problem(e, "transport '" + first + "' is not supported (udp, tcp or tls)");
            return dflt;
        }
    }

    /** {@code insecure=port,invite}; {@code very} is both, {@code no} neither, old {@code yes} is port. */
    private Set<SipPeer.Insecure> insecure(ConfigEntry e) {
        Set<SipPeer.Insecure> out = EnumSet.noneOf(SipPeer.Insecure.class);
        for (String w : e.value().split(",")) {
            switch (w.trim().toLowerCase(Locale.ROOT)) {
                case "port", "yes" -> out.add(SipPeer.Insecure.PORT);
                case "invite" -> out.add(SipPeer.Insecure.INVITE);
                case "very" -> out.addAll(EnumSet.allOf(SipPeer.Insecure.class));
                case "no", "" -> { }
                default -> v.problem(e, "bad insecure value '" + w.trim() + "' (port, invite or no)");
            }
        }
        return out;
    }
}
