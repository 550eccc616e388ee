package org.switchboard.channels.sip.config;


import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.switchboard.channels.sip.message.SipLimits;
import org.switchboard.channels.sip.transaction.TimerSettings;
import org.switchboard.channels.sip.transport.TcpLimits;
import org.switchboard.config.Config;
import org.switchboard.config.ConfigEntry;
import org.switchboard.config.ConfigSection;

/**
 * Reads sip.conf in chan_sip's syntax into {@link SipSettings}. Never throws for bad content: an
 * unknown option, a bad value or a bad {@code register =>} line becomes a problem at its file:line
 * and reading goes on (the option keeps its default). The config reader's own problems come first.
 */
public final class SipConfig {

    public static final int DEFAULT_PORT = 5060;

    /** [general] options chan_sip has that do not change what Switchboard does; read silently. */
    private static final Set<String> GENERAL_IGNORED = Set.of("bindaddr", "language",
        "dtmfmode", "qualify", "allowoverlap", "allowtransfer", "callevents", "disallow", "allow",
        "transport", "directmedia", "canreinvite", "videosupport", "sendrpid", "trustrpid", "progressinband",
        "allowsubscribe", "notifyringing", "notifyhold", "limitonpeers", "callcounter", "tos_sip", "tos_audio",
        "cos_sip", "cos_audio", "rtpkeepalive", "t1min",
        "accountcode", "mohsuggest", "vmexten", "maxcallbitrate", "pedantic", "autodomain",
        "subscribecontext", "compactheaders", "sipdebug", "recordhistory", "dumphistory",
        "jbforce", "jbresyncthreshold", "jblog", "jbtargetextra");

    private SipConfig() {}

    /** The settings in {@code sipConf}; {@link SipSettings#problems()} lists all that was wrong. */
    public static SipSettings read(Config sipConf) { return read(sipConf, NamedAcls.NONE); }

    /** With acl.conf's named ACLs for peers' {@code acl=}. */
    public static SipSettings read(Config sipConf, NamedAcls named) {
        ConfValues v = new ConfValues();
        General g = new General();
        ConfigSection general = sipConf.section("general");
        if (general != null) readGeneral(general, g, v);
        Map<String, SipPeer> peers = new LinkedHashMap<>();
        PeerReader peerReader = new PeerReader(g.context, g.nat, g.codecs, g.mohInterpret, v, named);
        for (ConfigSection s : sipConf.sections()) {
            if (s.isTemplate() || s.name().equalsIgnoreCase("general") || s.name().equalsIgnoreCase("authentication")) {
                continue;
            }
            SipPeer p = peerReader.read(s);
            if (p == null) continue;
            SipPeer earlier = peers.putIfAbsent(p.name().toLowerCase(Locale.ROOT), p);
            if (earlier != null) {
                v.problems.add(new org.switchboard.config.ConfigProblem(s.file(), s.line(),
                    "peer '" + s.name() + "' is already defined at " + earlier.file() + ":" + earlier.line() + "; ignored"));
            }
        }
        Map<String, SipPeer> byName = new LinkedHashMap<>();
        for (SipPeer p : peers.values()) byName.put(p.name(), p);
        List<org.switchboard.config.ConfigProblem> problems = new ArrayList<>(sipConf.problems());
        problems.addAll(named.problems());
        problems.addAll(v.problems);
        return new SipSettings(g.udpHost, g.udpPort, g.tcpEnable, g.tcpHost, g.tcpPort, g.context, g.allowGuest,
            g.alwaysAuthReject, g.realm, g.userAgent, g.externAddr, g.localnet, g.nat, g.rtpTimeout, g.rtpHoldTimeout,
            g.defaultExpiry, g.maxExpiry, g.minExpiry, g.digestAlgorithms,
            new SipSettings.JitterBufferSettings(g.jbEnable, g.jbMaxSize, g.jbAdaptive), g.registerTimeout,
            g.registerAttempts, SipLimits.DEFAULT.withMaxHeaderSize(g.maxHeaderSize),
            new TcpLimits(Duration.ofSeconds(g.tcpAuthTimeout), g.tcpAuthLimit, g.tcpAuthLimitPerAddress,
                TcpLimits.DEFAULT.idleTimeout()),
            timers(g.timerT1, g.timerB), g.tls.settings(),
            new SipSettings.OutOfCallMessages(g.acceptOutOfCall, g.outOfCallContext, g.authMessages),
            g.registrations, byName, g.domains, g.srvLookup, problems);
    }

    /**
     * RFC 3261 §17.1.1.1: T2 stays 4 s unless T1 is above it; T4 5 s; D at least 32 s. Timer B is
     * {@code timerb=} when given (0: not given), else 64*T1 (§17.1.1.2).
     */
    static TimerSettings timers(int t1, int timerB) {
        TimerSettings d = TimerSettings.DEFAULT;
        TimerSettings t = t1 == d.t1() ? d : new TimerSettings(t1, Math.max(d.t2(), t1), d.t4());
        return timerB > 0 ? t.withTimerB(timerB) : t;
    }

    /** [general] while it is read; chan_sip's defaults. */
    private static final class General {
        String udpHost = "0.0.0.0";
        int udpPort = DEFAULT_PORT;
        int bindPort = -1;
        boolean tcpEnable;
        String tcpHost = "0.0.0.0";
        int tcpPort = DEFAULT_PORT;
        String context = "default";
        String mohInterpret;
        boolean allowGuest = true;
        boolean alwaysAuthReject = true;
        boolean acceptOutOfCall;
        String outOfCallContext;
        boolean authMessages = true;
        String realm = "asterisk";
        List<String> digestAlgorithms = List.of("MD5");
        boolean jbEnable;
        int jbMaxSize = 200;
        boolean jbAdaptive;
        int registerTimeout = 20;
        int registerAttempts;
        int tcpAuthTimeout = (int) TcpLimits.DEFAULT.authTimeout().toSeconds();
        int tcpAuthLimit = TcpLimits.DEFAULT.authLimit();
        int tcpAuthLimitPerAddress = TcpLimits.DEFAULT.authLimitPerAddress();
        int maxHeaderSize = SipLimits.DEFAULT.maxHeaderSize();
        String userAgent = "Switchboard";
        String externAddr;
        List<Acl.Rule> localnet = new ArrayList<>();
        Nat nat = Nat.AUTO_FORCE_RPORT;
        int rtpTimeout;
        int rtpHoldTimeout;
        int timerT1 = (int) TimerSettings.DEFAULT.t1();
        int timerB;   // 0: 64*T1
        int defaultExpiry = 120;
        int maxExpiry = 3600;
        int minExpiry = 60;
        List<Codec> codecs = new ArrayList<>(List.of(Codec.ULAW, Codec.ALAW));
        List<SipRegistration> registrations = new ArrayList<>();
        List<String> domains = new ArrayList<>();
        boolean srvLookup = true;   // the sample sip.conf's srvlookup=yes
        ChanSipTls tls = new ChanSipTls();
    }

    private static void readGeneral(ConfigSection s, General g, ConfValues v) {
        boolean udpPortGiven = false;
        ConfigEntry minEntry = null;
        for (ConfigEntry e : s.entries()) {
            String key = e.key().toLowerCase(Locale.ROOT);
            switch (key) {
                case "udpbindaddr" -> {
                    Object[] hp = v.hostPort(e, true);
                    if (hp != null) {
                        g.udpHost = (String) hp[0];
                        udpPortGiven = (int) hp[1] >= 0;
                        if (udpPortGiven) g.udpPort = (int) hp[1];
                    }
                }
                case "bindport" -> g.bindPort = v.integer(e, 1, 65535, -1);
                case "tcpenable" -> g.tcpEnable = v.bool(e, false);
                case "tcpbindaddr" -> {
                    Object[] hp = v.hostPort(e, true);
                    if (hp != null) {
                        g.tcpHost = (String) hp[0];
                        if ((int) hp[1] >= 0) g.tcpPort = (int) hp[1];
                    }
                }
                case "context" -> g.context = v.word(e, g.context);
                case "mohinterpret" -> g.mohInterpret = v.word(e, g.mohInterpret);
                case "domain" -> {
                    // domain=name[,context]: a domain this server is for (CHECKSIPDOMAIN); the context is not used here
                    String d = e.value().split(",", 2)[0].strip();
                    if (!d.isEmpty()) g.domains.add(d);
                }
                case "srvlookup" -> g.srvLookup = v.bool(e, g.srvLookup); // RFC 3263 for peers' host= and register => domains
                case "allowguest" -> g.allowGuest = v.bool(e, g.allowGuest);
                case "alwaysauthreject" -> g.alwaysAuthReject = v.bool(e, g.alwaysAuthReject);
                case "accept_outofcall_message" -> g.acceptOutOfCall = v.bool(e, g.acceptOutOfCall);
                case "outofcall_message_context" -> g.outOfCallContext = v.word(e, g.outOfCallContext);
                case "auth_message_requests" -> g.authMessages = v.bool(e, g.authMessages);
                case "realm" -> g.realm = v.word(e, g.realm);
                case "timert1" -> g.timerT1 = v.integer(e, 100, 10_000, g.timerT1); // chan_sip: t1min (100) and up
                case "timerb" -> g.timerB = v.integer(e, 200, 3_600_000, g.timerB);   // chan_sip refuses below 200 ms
                case "jbenable" -> g.jbEnable = v.bool(e, g.jbEnable);
                case "registertimeout" -> g.registerTimeout = v.integer(e, 1, 3600, g.registerTimeout);
                case "registerattempts" -> g.registerAttempts = v.integer(e, 0, 1_000_000, g.registerAttempts);
                case "tcpauthtimeout" -> g.tcpAuthTimeout = v.integer(e, 1, 3600, g.tcpAuthTimeout);
                case "tcpauthlimit" -> g.tcpAuthLimit = v.integer(e, 1, 1_000_000, g.tcpAuthLimit);
                case "tcpauthlimitperaddress" -> g.tcpAuthLimitPerAddress = v.integer(e, 1, 1_000_000, g.tcpAuthLimitPerAddress);
                case "maxheadersize" -> g.maxHeaderSize = v.integer(e, 1024, SipLimits.DEFAULT.maxMessageSize(), g.maxHeaderSize);
                case "jbmaxsize" -> g.jbMaxSize = v.integer(e, 20, 5000, g.jbMaxSize);
                case "jbimpl" -> {
                    String impl = e.value().trim().toLowerCase(Locale.ROOT);
                    if (impl.equals("fixed") || impl.equals("adaptive")) g.jbAdaptive = impl.equals("adaptive");
                    else v.problem(e, "unknown jbimpl '" + e.value().trim() + "' (fixed or adaptive)");
                }
                case "digestalgorithms" -> { // ours: RFC 8760 SHA-256 besides chan_sip's MD5, in preference order
                    List<String> algs = new ArrayList<>();
                    for (String w : e.value().split(",")) {
                        String a = w.trim().toUpperCase(Locale.ROOT);
                        if (a.equals("MD5") || a.equals("SHA-256")) {
                            if (!algs.contains(a)) algs.add(a);
                        } else {
                            v.problem(e, "unknown digest algorithm '" + w.trim() + "' (md5, sha-256)");
                        }
                    }
                    if (!algs.isEmpty()) g.digestAlgorithms = List.copyOf(algs);
                }
                case "useragent" -> {
                    if (e.value().isBlank()) v.problem(e, "empty useragent");
                    else g.userAgent = e.value().trim();
                }
                case "externaddr", "externip" -> {
                    if (v.hostPort(e) != null) g.externAddr = e.value().trim();
                }
                case "localnet" -> {
                    Acl.Rule r = v.aclRule(e, true);
                    if (r != null) g.localnet.add(r);
                }
                case "nat" -> g.nat = v.nat(e, g.nat);
                case "rtptimeout" -> g.rtpTimeout = v.integer(e, 0, 86_400, 0);
                case "rtpholdtimeout" -> g.rtpHoldTimeout = v.integer(e, 0, 86_400, 0);
                case "defaultexpiry", "defaultexpirey" -> g.defaultExpiry = v.integer(e, 1, 86_400, g.defaultExpiry);
                case "maxexpiry", "maxexpirey" -> g.maxExpiry = v.integer(e, 1, 86_400, g.maxExpiry);
                case "minexpiry", "minexpirey" -> {
                    g.minExpiry = v.integer(e, 1, 86_400, g.minExpiry);
                    minEntry = e;
                }
                case "allow", "disallow" -> v.codecs(e, g.codecs);
                case "register" -> {
                    try {
                        g.registrations.add(SipRegistration.parse(e.value(), e.file(), e.line()));
                    } catch (IllegalArgumentException ex) {
                        v.problem(e, "bad register line '" + e.value() + "': " + ex.getMessage());
                    }
                }
                default -> {
                    if (ChanSipTls.KEYS.contains(key)) g.tls.read(e, v);
                    else if (!GENERAL_IGNORED.contains(key)) v.problem(e, "unknown option '" + e.key() + "' in [general]; ignored");
                }
            }
        }
        if (!udpPortGiven && g.bindPort > 0) g.udpPort = g.bindPort;
        if (g.minExpiry > g.maxExpiry) {
            String file = minEntry != null ? minEntry.file() : s.file();
            int line = minEntry != null ? minEntry.line() : s.line();
            v.problems.add(new org.switchboard.config.ConfigProblem(file, line,
                "minexpiry " + g.minExpiry + " is above maxexpiry " + g.maxExpiry + "; using " + g.maxExpiry));
            g.minExpiry = g.maxExpiry;
        }
        g.defaultExpiry = Math.max(g.minExpiry, Math.min(g.maxExpiry, g.defaultExpiry));
    }
}
