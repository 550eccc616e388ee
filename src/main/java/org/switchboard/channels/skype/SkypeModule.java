package org.switchboard.channels.skype;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.switchboard.core.Channel;
import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;
import org.switchboard.core.ModuleDeclinedException;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;
import org.switchboard.core.message.MessageTechs;
import org.switchboard.net.xmpp.SmackLogBridge;
import org.switchboard.res.devstate.DeviceState;
import org.switchboard.res.devstate.DeviceStates;

/**
 * chan_skype: the accounts of chan_skype.conf, logged in to the XMPP network, and the API the
 * dialplan words, the CLI and (later) the Manager interface use:
 * {@code SkypeModule.get(pbx).sendChat("lmentinc", "tfot.madsen", "hello")}.
 */
public final class SkypeModule implements Module {
    public static final String NAME = "chan_skype";
    public static final String CONF = "chan_skype.conf";

    static {
        // Smack's own reports: severe ones as rate-limited warnings, never straight to the console
        SmackLogBridge.install();
    }

    private final ReentrantLock lock = new ReentrantLock();
    private volatile Pbx pbx;
    private volatile SkypeConfig config;
    private final Map<String, SkypeAccount> accounts = new ConcurrentHashMap<>();
    private final SkypeBuddySnapshots snapshots = new SkypeBuddySnapshots();
    private final SkypeLicenses licenses = new SkypeLicenses(this::licensed, this::licensesChanged);
    private volatile SkypeMedia.Factory mediaFactory = SkypeIceMedia.FACTORY;
    private volatile org.switchboard.media.rtp.RtpEngine rtpEngine;
    private volatile SkypeNotices notices;

    /** The running module of this PBX, or null when chan_skype is not loaded there. */
    public static SkypeModule get(Pbx pbx) { return pbx == null ? null : pbx.lookup(SkypeModule.class); }

    @Override public String name() { return NAME; }
    @Override public String description() { return "Skype Channel Driver (XMPP + Jingle)"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.channelDriver(new SkypeChannelDriver());
        ctx.application(new SkypeChatSendApp());
        ctx.function(new SkypeChatReceiveFunction());
        ctx.function(new SkypeBuddiesFunction());
        ctx.function(new SkypeBuddyFetchFunction());
        ctx.function(new SkypeBuddyStatusFunction());
        ctx.managerAction(new SkypeChatSendAction());
        ctx.managerAction(new SkypeBuddiesAction());
        ctx.managerAction(new SkypeBuddyAction());
        ctx.managerAction(new SkypeAddBuddyAction());
        ctx.managerAction(new SkypeRemoveBuddyAction());
        ctx.managerAction(new SkypeLicenseListAction());
        ctx.managerAction(new SkypeLicenseStatusAction());
        ctx.managerAction(new SkypeAccountPropertyAction());
        ctx.cliCommand(new SkypeShowUsersCommand());
        ctx.cliCommand(new SkypeShowBuddiesCommand());
        ctx.cliCommand(new SkypeShowSettingsCommand());
        ctx.cliCommand(new SkypeReloadCommand());
        ctx.cliCommand(new SkypeShowCallsCommand());
        ctx.cliCommand(new SkypeShowLicensesCommand());
        ctx.configValidator(this::check);
    }

    @Override
    public void load(ModuleContext ctx) throws ModuleDeclinedException {
        Pbx pbx = ctx.pbx();
        this.pbx = pbx;
        if (!pbx.hasConfig(CONF)) throw new ModuleDeclinedException("no " + CONF + " in " + pbx.configDir() + ": no Skype accounts");
        SkypeConfig sc = read(pbx);
        if (sc.accounts().isEmpty()) throw new ModuleDeclinedException(CONF + " has no usable account");
        lock.lock();
        try {
            config = sc;
            for (SkypeConfig.Account a : sc.accounts().values()) startAccount(a);
        } finally {
            lock.unlock();
        }
        pbx.register(SkypeModule.class, this);
        // every Skype call is ICE + DTLS-SRTP, mostly Opus: pay their cold-JVM start-up (seconds
        // under load, when a call's first audio went missing) before a buddy's first call does
        org.switchboard.net.ice.IceWarmUp.inBackground();
        org.switchboard.media.codec.OpusWarmUp.inBackground();
        MessageTechs.of(pbx).register(SkypeMessageTech.INSTANCE);
        DeviceStates.of(pbx).register("Skype", deviceStates);
        notices = new SkypeNotices(this, pbx);
        PbxLog.verbose(2, "chan_skype: " + sc.accounts().size() + " Skype account(s) configured: " + String.join(", ", sc.accounts().keySet()));
    }

    public java.util.List<String> check(java.nio.file.Path configDir) {
        if (!java.nio.file.Files.isReadable(configDir.resolve(CONF))) return java.util.List.of();
        return SkypeConfig.from(org.switchboard.config.ConfigReader.read(configDir, CONF)).problems();
    }

    private static SkypeConfig read(Pbx pbx) {
        SkypeConfig sc = SkypeConfig.from(pbx.config(CONF));
        for (String p : sc.problems()) PbxLog.warning(NAME, p);
        return sc;
    }

    private void startAccount(SkypeConfig.Account a) {
        SkypeAccount acc = new SkypeAccount(pbx, a);
        accounts.put(a.name(), acc);
        acc.start();
    }

    @Override
    public void reload(Pbx pbx) throws ModuleDeclinedException {
        reloadSummary(pbx);
    }

    /** Applies chan_skype.conf again; unchanged accounts stay logged in. Returns what changed, one line each. */
    public List<String> reloadSummary(Pbx pbx) throws ModuleDeclinedException {
        this.pbx = pbx;
        if (!pbx.hasConfig(CONF)) throw new ModuleDeclinedException("no " + CONF + " in " + pbx.configDir() + "; accounts left as they are");
        SkypeConfig next = read(pbx);
        List<String> changes = new ArrayList<>();
        List<SkypeAccount> toStop = new ArrayList<>();
        lock.lock();
        try {
            for (SkypeAccount acc : List.copyOf(accounts.values())) {
                SkypeConfig.Account n = next.accounts().get(acc.name());
                if (n == null) {
                    accounts.remove(acc.name());
                    toStop.add(acc);
                    changes.add("removed " + acc.name());
                } else if (!acc.config().sameConnection(n)) {
                    accounts.remove(acc.name());
                    toStop.add(acc);
                    changes.add("changed " + acc.name() + " (logs in again)");
                } else if (!acc.config().equals(n)) {
                    acc.update(n);
                    changes.add("updated " + acc.name());
                }
            }
            config = next;
        } finally {
            lock.unlock();
        }
        for (SkypeAccount acc : toStop) acc.stop();
        lock.lock();
        try {
            for (SkypeConfig.Account a : next.accounts().values()) {
                if (!accounts.containsKey(a.name())) {
                    startAccount(a);
                    if (changes.stream().noneMatch(c -> c.startsWith("changed " + a.name() + " "))) changes.add("added " + a.name());
                }
            }
        } finally {
            lock.unlock();
        }
        PbxLog.verbose(2, "chan_skype reloaded: " + (changes.isEmpty() ? "no account changed" : String.join(", ", changes)));
        return changes;
    }

    @Override
    public void unload() {
        Pbx p = pbx;
        if (p != null) {
            p.unregister(SkypeModule.class, this);
            MessageTechs.of(p).unregister(SkypeMessageTech.INSTANCE);
            DeviceStates.of(p).unregister("Skype", deviceStates);
        }
        SkypeNotices n = notices;
        notices = null;
        if (n != null) n.stop();
        List<SkypeAccount> all = new ArrayList<>(accounts.values());
        accounts.clear();
        all.parallelStream().forEach(SkypeAccount::stop);
        snapshots.clear();
        org.switchboard.media.rtp.RtpEngine e = rtpEngine;
        rtpEngine = null;
        if (e != null) e.close();
    }

    private final DeviceStates.Provider deviceStates = this::deviceState;

    /**
     * The state of {@code Skype/account}: INVALID when no such account, UNAVAILABLE while it is
     * not logged in, INUSE or RINGING while a channel of it exists, else NOT_INUSE.
     */
    private DeviceState deviceState(String resource) {
        SkypeConfig c = config;
        if (c == null || resource.isEmpty()) return DeviceState.INVALID;
        SkypeAccount a = account(resource);
        if (a == null) return DeviceState.INVALID;
        if (!a.isLoggedIn()) return DeviceState.UNAVAILABLE;
        var fromChannels = DeviceStates.of(pbx).fromChannels("Skype/" + resource);
        return fromChannels == DeviceState.UNKNOWN ? DeviceState.NOT_INUSE : fromChannels;
    }

    // ---- the API ----

    public SkypeConfig config() { return config; }

    /** Every account in configuration order. */
    public Map<String, SkypeAccount> accounts() {
        Map<String, SkypeAccount> out = new LinkedHashMap<>();
        SkypeConfig c = config;
        if (c != null) {
            for (String n : c.accounts().keySet()) {
                SkypeAccount a = accounts.get(n);
                if (a != null) out.put(n, a);
            }
        }
        return out;
    }

    /**
     * The account by name (case-insensitive); null or "" means the default account
     * ({@code default_user}, or the only/first account when none is named). Null when there is no such account.
     */
    public SkypeAccount account(String user) {
        SkypeConfig c = config;
        if (c == null) return null;
        String name = user == null ? "" : user.trim();
        if (name.isEmpty()) {
            name = c.general().defaultUser();
            if (name == null) {
                return c.accounts().isEmpty() ? null : accounts.get(c.accounts().keySet().iterator().next());
            }
        }
        SkypeConfig.Account a = c.account(name);
        return a == null ? null : accounts.get(a.name());
    }

    /** @return true when the message went out */
    public boolean sendChat(String user, String buddy, String text) {
        SkypeAccount a = account(user);
        if (a == null) return false;
        String jid = SkypeNames.bareJid(buddy, a.domain());
        return jid != null && a.sendChat(jid, text == null ? "" : text);
    }

    /** The account's buddies, or an empty list when there is no such account. */
    public List<SkypeAccount.Buddy> buddies(String user) {
        SkypeAccount a = account(user);
        return a == null ? List.of() : a.buddies();
    }

    public boolean addBuddy(String user, String buddy, String message) {
        SkypeAccount a = account(user);
        if (a == null) return false;
        String jid = SkypeNames.bareJid(buddy, a.domain());
        return jid != null && a.addBuddy(jid, message);
    }

    public boolean removeBuddy(String user, String buddy) {
        SkypeAccount a = account(user);
        if (a == null) return false;
        String jid = SkypeNames.bareJid(buddy, a.domain());
        return jid != null && a.removeBuddy(jid);
    }

    /** {@code [general] licenses}: simultaneous calls allowed. */
    public int licensed() {
        SkypeConfig c = config;
        return c == null ? 0 : c.general().licenses();
    }

    /** Calls (in and out, every account) holding a license now. */
    public int callsInUse() { return licenses.inUse(); }

    SkypeLicenses licenses() { return licenses; }

    /** Every account shows "On the phone" while no license is free, and its own status again after. */
    private void licensesChanged() {
        boolean busy = licenses.exhausted();
        for (SkypeAccount a : accounts.values()) a.setOnPhone(busy);
    }

    /** Every Skype call now, in and out, oldest first. */
    List<SkypeCall> calls() {
        List<SkypeCall> out = new ArrayList<>();
        for (SkypeAccount a : accounts().values()) out.addAll(a.jingle().calls());
        out.sort(java.util.Comparator.comparingLong(SkypeCall::startedMillis));
        return out;
    }

    SkypeMedia.Factory mediaFactory() { return mediaFactory; }

    /**
     * The RTP engine of Skype calls (its timer drives DTMF pacing, RTP timeouts and RTCP of each
     * call's session), made on the first call with rtp.conf's settings; closed at unload.
     */
    org.switchboard.media.rtp.RtpEngine rtpEngine() {
        org.switchboard.media.rtp.RtpEngine e = rtpEngine;
        if (e != null) return e;
        lock.lock();
        try {
            if (rtpEngine == null) {
                org.switchboard.media.rtp.RtpConfig rc = org.switchboard.media.rtp.RtpConfig.read(pbx.config("rtp.conf"));
                rtpEngine = new org.switchboard.media.rtp.RtpEngine(java.net.InetAddress.getLoopbackAddress(), rc, pbx.scheduler(), pbx.clock());
            }
            return rtpEngine;
        } finally {
            lock.unlock();
        }
    }

    /** What carries call media (tests plug a signalling-only one in). */
    void setMediaFactory(SkypeMedia.Factory f) { mediaFactory = f; }

    SkypeBuddySnapshots snapshots() { return snapshots; }

    /** Chat notices of voicemail and missed calls (voicemail.conf skype=); null before load and after unload. */
    SkypeNotices notices() { return notices; }

    /** Hands SKYPE_BUDDIES snapshots to a channel so they are freed when it hangs up. */
    String snapshot(Channel owner, List<SkypeAccount.Buddy> buddies) { return snapshots.create(owner, buddies); }
}
