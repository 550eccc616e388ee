package org.switchboard.res.manager;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.switchboard.core.ManagerAction;
import org.switchboard.core.ManagerEvent;
import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;
import org.switchboard.core.ModuleDeclinedException;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;
import org.switchboard.res.manager.actions.CommandAction;
import org.switchboard.res.manager.actions.CoreSettingsAction;
import org.switchboard.res.manager.actions.CoreShowChannelsAction;
import org.switchboard.res.manager.actions.CoreStatusAction;
import org.switchboard.res.manager.actions.DbDelAction;
import org.switchboard.res.manager.actions.DbDelTreeAction;
import org.switchboard.res.manager.actions.DbGetAction;
import org.switchboard.res.manager.actions.DbGetTreeAction;
import org.switchboard.res.manager.actions.DbPutAction;
import org.switchboard.res.manager.actions.ExtensionStateAction;
import org.switchboard.res.manager.actions.GetvarAction;
import org.switchboard.res.manager.actions.HangupAction;
import org.switchboard.res.manager.actions.ListCommandsAction;
import org.switchboard.res.manager.actions.ModuleCheckAction;
import org.switchboard.res.manager.actions.ModuleLoadAction;
import org.switchboard.res.manager.actions.OriginateAction;
import org.switchboard.res.manager.actions.PingAction;
import org.switchboard.res.manager.actions.RedirectAction;
import org.switchboard.res.manager.actions.ReloadAction;
import org.switchboard.res.manager.actions.SetvarAction;
import org.switchboard.res.manager.actions.ShowDialPlanAction;
import org.switchboard.res.manager.actions.StatusAction;
import org.switchboard.res.manager.actions.UserEventAction;

/**
 * res_manager: the Asterisk Manager Interface. Reads manager.conf, listens on its port, renders
 * every event published on the PBX's event bus once and hands it to each logged-in session that
 * may read it. Declines with one line when manager.conf is missing or says {@code enabled = no}.
 */
public final class ManagerModule implements Module {
    public static final String NAME = "res_manager";
    /** The AMI version Asterisk 20.0 announces (include/asterisk/manager.h AMI_VERSION). */
    public static final String AMI_VERSION = "9.0.0";
    /** What {@code CoreSettings} reports as AsteriskVersion: clients pick their dialect from it. */
    public static final String ASTERISK_VERSION = "20.0.0";
    /** The first failed login from an address waits this long; each further one twice as long (capped). */
    static volatile long failedLoginDelayMs = 1000;
    private static final long MAX_FAILED_LOGIN_DELAY_MS = 16_000;
    private static final long FAILURE_MEMORY_MS = 300_000;
    private static final int FAILURES_SWEEP_AT = 10_000;
    /** How long unloading waits for connections to write out what is queued for them. */
    private static final long CLOSE_WAIT_MS = 2_000;

    private static final DateTimeFormatter TV = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx");

    private Pbx pbx;
    private volatile ManagerConfig config;
    private volatile ActionRegistry actions;
    private ManagerServer server;
    private final Map<Long, ManagerSession> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger unauthenticated = new AtomicInteger();
    private record Failures(int count, long lastMillis) {}
    private final Map<InetAddress, Failures> failures = new ConcurrentHashMap<>();
    private final Consumer<ManagerEvent> subscriber = this::publish;
    private final java.util.concurrent.locks.ReentrantLock listeners = new java.util.concurrent.locks.ReentrantLock();
    private final java.util.Set<Long> listening = new java.util.HashSet<>();

    @Override public String name() { return NAME; }
    @Override public String description() { return "Asterisk Manager Interface"; }

    /** The running Manager interface of a PBX, or null (the CLI commands use it). */
    public static ManagerModule of(Pbx pbx) { return pbx.lookup(ManagerModule.class); }

    @Override
    public void register(ModuleContext ctx) {
        ctx.managerAction(new PingAction());
        ctx.managerAction(new OriginateAction());
        ctx.managerAction(new HangupAction());
        ctx.managerAction(new RedirectAction());
        ctx.managerAction(new GetvarAction());
        ctx.managerAction(new SetvarAction());
        ctx.managerAction(new StatusAction());
        ctx.managerAction(new CoreShowChannelsAction());
        ctx.managerAction(new CoreStatusAction());
        ctx.managerAction(new CoreSettingsAction());
        ctx.managerAction(new CommandAction());
        ctx.managerAction(new ListCommandsAction());
        ctx.managerAction(new ReloadAction());
        ctx.managerAction(new ModuleCheckAction());
        ctx.managerAction(new ModuleLoadAction());
        ctx.managerAction(new UserEventAction());
        ctx.managerAction(new ShowDialPlanAction());
        ctx.managerAction(new DbGetAction());
        ctx.managerAction(new DbGetTreeAction());
        ctx.managerAction(new DbPutAction());
        ctx.managerAction(new DbDelAction());
        ctx.managerAction(new DbDelTreeAction());
        ctx.managerAction(new ExtensionStateAction());
        ctx.cliCommand(new ManagerShowConnectedCommand());
        ctx.cliCommand(new ManagerShowUsersCommand());
        ctx.cliCommand(new ManagerShowCommandsCommand());
        ctx.cliCommand(new ManagerReloadCommand());
        ctx.cliCommand(new ManagerShowCommandCommand());
        ctx.configValidator(this::check);
    }

    @Override
    public void load(ModuleContext ctx) throws ModuleDeclinedException {
        Pbx pbx = ctx.pbx();
        this.pbx = pbx;
        ManagerConfig cfg = read(pbx);
        config = cfg;
        actions = new ActionRegistry(pbx);
        server = new ManagerServer(this);
        try {
            server.bind(cfg.bindAddress(), cfg.port());
        } catch (Exception e) {
            server.shutdown();
            throw new ModuleDeclinedException("Manager cannot listen on " + cfg.bindAddress().getHostAddress() + ":" + cfg.port() + ": " + e.getMessage());
        }
        pbx.register(ManagerModule.class, this);
        PbxLog.verbose(2, "Manager registered " + ctx.managerActions().size() + " actions; listening on "
                + cfg.bindAddress().getHostAddress() + ":" + server.port());
    }

    public java.util.List<String> check(java.nio.file.Path configDir) {
        if (!java.nio.file.Files.isReadable(configDir.resolve("manager.conf"))) return java.util.List.of();
        return ManagerConfig.from(org.switchboard.config.ConfigReader.read(configDir, "manager.conf")).problems();
    }

    private static ManagerConfig read(Pbx pbx) throws ModuleDeclinedException {
        if (!pbx.hasConfig("manager.conf")) throw new ModuleDeclinedException("No manager.conf: the Manager interface is off");
        ManagerConfig cfg = ManagerConfig.from(pbx.config("manager.conf"));
        cfg.problems().forEach(p -> PbxLog.warning("manager.c", p));
        if (!cfg.enabled()) throw new ModuleDeclinedException("manager.conf has enabled = no: the Manager interface is off");
        return cfg;
    }

    @Override
    public void reload(Pbx pbx) throws ModuleDeclinedException {
        ManagerConfig old = config;
        ManagerConfig cfg;
        try {
            cfg = read(pbx);
        } catch (ModuleDeclinedException e) {
            server.unbind();
            PbxLog.notice("manager.c", e.getMessage() + "; no longer listening (connected sessions stay)");
            throw e;
        }
        config = cfg;
        actions = new ActionRegistry(pbx);
        // rebind only when the address or port really changes: comparing with the old config's
        // "port = 0" (any port) closed and reopened the very port it was asked for, and a client
        // connecting at that moment was refused
        boolean samePort = cfg.port() == server.port() || (cfg.port() == 0 && old.port() == 0);
        if (!server.isBound() || !cfg.bindAddress().equals(old.bindAddress()) || !samePort) {
            server.unbind();
            try {
                server.bind(cfg.bindAddress(), cfg.port());
            } catch (Exception e) {
                throw new ModuleDeclinedException("Manager cannot listen on " + cfg.bindAddress().getHostAddress() + ":" + cfg.port() + ": " + e.getMessage());
            }
        }
        PbxLog.verbose(2, "Manager reloaded: " + cfg.users().size() + " users, listening on "
                + cfg.bindAddress().getHostAddress() + ":" + server.port());
    }

    @Override
    public void unload() {
        pbx.events().unsubscribe(subscriber);
        pbx.unregister(ManagerModule.class, this);
        // the core has published Shutdown to every listening client before unloading modules;
        // each connection closes once what is queued for it is written (or its writetimeout
        // passes), and only then do the event loops go: they drop what is still unwritten
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (ManagerSession s : sessions.values()) closing.add(s.transport().close());
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            PbxLog.limited(PbxLog.Level.NOTICE, "manager.c", "unload", "Manager connections still open after "
                    + CLOSE_WAIT_MS + " ms; closing them");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.shutdown();
    }

    // ---- events ----

    private void publish(ManagerEvent e) {
        if (sessions.isEmpty()) return;
        RenderedEvent r = render(e);
        for (ManagerSession s : sessions.values()) s.deliver(r);
        // device and extension states are followed only while a client listens (DeviceStateChange, ExtensionStatus)
        org.switchboard.res.devstate.DeviceStateWatch.of(pbx).observe(e);
    }

    RenderedEvent render(ManagerEvent e) {
        int cat = AmiPermissions.parse(e.category());
        AmiWriter w = new AmiWriter().line("Event", e.name()).line("Privilege", AmiPermissions.describe(cat));
        if (config.timestampEvents()) {
            long now = System.currentTimeMillis();
            w.line("Timestamp", String.format("%d.%06d", now / 1000, (now % 1000) * 1000));
        }
        String text = w.fields(e.fields()).end();
        return new RenderedEvent(e.name(), cat, text, AmiWriter.bytes(text));
    }

    /** A security event (res_security_log's fields) on the {@code security} class. */
    void securityEvent(String name, String severity, ManagerSession s, String account, Map<String, ?> extra) {
        if (!pbx.events().hasSubscribers()) return;
        String now = ZonedDateTime.now(ZoneOffset.UTC).format(TV);
        ManagerEvent.Builder b = ManagerEvent.of(name, "security").put("EventTV", now).put("Severity", severity)
                .put("Service", "AMI").put("EventVersion", "1").put("AccountID", account)
                .put("SessionID", "0x" + Long.toHexString(s.id()))
                .put("LocalAddress", address(s.transport().local())).put("RemoteAddress", address(s.transport().remote()));
        extra.forEach(b::put);
        b.put("SessionTV", ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(s.connectedMillis()), ZoneOffset.UTC).format(TV));
        pbx.events().publish(b.build());
    }

    private static String address(InetSocketAddress a) {
        String family = a.getAddress() instanceof java.net.Inet6Address ? "IPV6" : "IPV4";
        return family + "/TCP/" + a.getAddress().getHostAddress() + "/" + a.getPort();
    }

    // ---- sessions ----

    boolean admitUnauthenticated() {
        for (;;) {
            int n = unauthenticated.get();
            if (n >= config.authLimit()) return false;
            if (unauthenticated.compareAndSet(n, n + 1)) return true;
        }
    }

    void sessionOpened(ManagerSession s) { sessions.put(s.id(), s); }

    void sessionClosed(ManagerSession s) {
        sessions.remove(s.id());
        if (s.releaseUnauthenticatedSlot()) unauthenticated.decrementAndGet();
        listeners.lock();
        try {
            if (listening.remove(s.id()) && listening.isEmpty()) pbx.events().unsubscribe(subscriber);
        } finally {
            listeners.unlock();
        }
    }

    /**
     * The bus is subscribed to only while someone is logged in: with no client, the core builds
     * no events for us and an idle Manager costs calls nothing.
     */
    void loginSucceeded(ManagerSession s, InetAddress from) {
        if (s.releaseUnauthenticatedSlot()) unauthenticated.decrementAndGet();
        failures.remove(from);
        listeners.lock();
        try {
            if (s.state() == SessionState.CLOSED || !sessions.containsKey(s.id())) return;
            if (listening.isEmpty()) pbx.events().subscribe(subscriber);
            listening.add(s.id());
        } finally {
            listeners.unlock();
        }
    }

    /** Records a failed login; returns how long to wait before answering it. */
    long loginFailed(InetAddress from) {
        long now = System.currentTimeMillis();
        Failures f = failures.compute(from, (k, old) -> old == null || now - old.lastMillis > FAILURE_MEMORY_MS
                ? new Failures(1, now) : new Failures(old.count + 1, now));
        // addresses that failed long ago are forgotten, so failures from ever new addresses cannot grow the map without end
        if (failures.size() > FAILURES_SWEEP_AT) failures.values().removeIf(old -> now - old.lastMillis > FAILURE_MEMORY_MS);
        long delay = failedLoginDelayMs << Math.min(10, f.count - 1);
        return Math.min(delay, Math.max(failedLoginDelayMs, MAX_FAILED_LOGIN_DELAY_MS));
    }

    boolean loggedIn(String user) {
        for (ManagerSession s : sessions.values()) {
            if (s.state() == SessionState.LOGGED_IN && s.userName().equalsIgnoreCase(user)) return true;
        }
        return false;
    }

    // ---- what sessions, actions and the CLI read ----

    /** An action the session handles itself (Login, Challenge, Logoff, Events, Filter). */
    public record Listed(String name, String synopsis) {}

    public static List<Listed> sessionActions() { return ActionRegistry.SESSION_ACTIONS; }

    public Pbx pbx() { return pbx; }
    public ManagerConfig config() { return config; }
    ManagerAction action(String name) { return actions.find(name); }
    public List<ManagerAction> actions() { return actions.all(); }
    public int port() { return server.port(); }
    public boolean listening() { return server.isBound(); }

    public List<ManagerSession> sessions() {
        List<ManagerSession> out = new ArrayList<>(sessions.values());
        out.sort(java.util.Comparator.comparingLong(ManagerSession::id));
        return out;
    }

    /**
     * Bytes waiting for one session's client (our queue and the socket layer's); at most about
     * {@code sendqueuelimit}. An event's bytes are rendered once and shared by every session's queue.
     */
    public long queuedBytes(ManagerSession s) { return s.transport() instanceof AmiChannelHandler h ? h.queuedBytes() : 0; }

    /** The most bytes any one client has waiting now: the gauge a memory bound is checked against. */
    public long maxQueuedBytes() {
        long max = 0;
        for (ManagerSession s : sessions.values()) max = Math.max(max, queuedBytes(s));
        return max;
    }

    static Map<String, Object> fields(Object... kv) { return ManagerSession.ordered(kv); }

    static Map<String, String> copy(Map<String, String> m) { return new LinkedHashMap<>(m); }
}
