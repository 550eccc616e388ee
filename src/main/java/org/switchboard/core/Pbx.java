package org.switchboard.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.switchboard.config.Config;
import org.switchboard.config.ConfigProblem;
import org.switchboard.config.ConfigReader;
import org.switchboard.dialplan.Dialplan;
import org.switchboard.dialplan.DialplanLoader;

/**
 * The running PBX: modules, the dialplan snapshot, global variables, channels and events. One
 * per process in production; tests make as many as they like.
 */
public final class Pbx {
    public static final String VERSION = "Switchboard 0.1.0";

    private final Path configDir;
    /** This PBX's log: its sinks and verbose level; the threads it runs write here. */
    private final PbxLogger log;
    private final Modules modules = new Modules(this);
    private final ChannelRegistry channels = new ChannelRegistry();
    private final EventBus events = new EventBus();
    private final Map<String, String> globals = new ConcurrentHashMap<>();
    private final AtomicReference<Dialplan> dialplan = new AtomicReference<>(Dialplan.empty());
    private final long startMillis = System.currentTimeMillis();
    private volatile long reloadMillis = startMillis;
    private volatile boolean shuttingDown;
    private final Variables variables = new Variables(this);
    private final java.util.concurrent.atomic.AtomicInteger activeCalls = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong processedCalls = new java.util.concurrent.atomic.AtomicLong();

    /** Every timer of this PBX (SIP transactions, RTP timeouts and reports, absolute timeouts, retries). */
    private final java.util.concurrent.ScheduledExecutorService scheduler;
    private final java.time.Clock clock;

    private final java.util.concurrent.CountDownLatch booted = new java.util.concurrent.CountDownLatch(1);
    /** Services this PBX owns (the AstDB store, ...), one per type, closed at shutdown. */
    private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();

    public Pbx(Path configDir) { this(configDir, null, java.time.Clock.systemUTC()); }

    /**
     * With the timer service and the clock it agrees with: tests pass a manual one, so a
     * 30-second timeout is checked by moving time rather than waiting for it. Null timers: the
     * PBX's own timer thread.
     */
    public Pbx(Path configDir, java.util.concurrent.ScheduledExecutorService timers, java.time.Clock clock) {
        this.configDir = configDir;
        this.log = new PbxLogger(configDir == null ? "pbx" : configDir.toString());
        this.scheduler = timers != null ? timers : systemTimer(log);
        this.clock = clock;
    }

    /** One platform thread; cancelled timers leave its queue at once (SIP cancels most of its timers). */
    private static java.util.concurrent.ScheduledExecutorService systemTimer(PbxLogger log) {
        java.util.concurrent.ScheduledThreadPoolExecutor e = new java.util.concurrent.ScheduledThreadPoolExecutor(1, PbxLog.threadFactory(log, r -> {
            Thread t = new Thread(r, "pbx-timer");
            t.setDaemon(true);
            return t;
        }));
        e.setRemoveOnCancelPolicy(true);
        return e;
    }

    /** Waits (at most {@code ms}) until start() has loaded the modules and the dialplan. */
    public boolean awaitBooted(long ms) {
        try {
            return booted.await(ms, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The one timer service of the whole PBX: SIP transaction timers, RTP timeouts, DTMF pacing
     * and RTCP reports, absolute timeouts, registration retries. Tasks only dispatch, never block.
     */
    public java.util.concurrent.ScheduledExecutorService scheduler() { return scheduler; }

    /** The time every timer of this PBX agrees with (a manual one in tests). */
    public java.time.Clock clock() { return clock; }

    public Path configDir() { return configDir; }
    /** This PBX's log; {@link PbxLog}'s static methods reach it from the threads this PBX runs. */
    public PbxLogger log() { return log; }
    public Modules modules() { return modules; }
    public ChannelRegistry channels() { return channels; }
    public EventBus events() { return events; }
    public Map<String, String> globals() { return globals; }
    public Dialplan dialplan() { return dialplan.get(); }
    public long startMillis() { return startMillis; }
    public long reloadMillis() { return reloadMillis; }
    public boolean isShuttingDown() { return shuttingDown; }
    public Variables vars() { return variables; }
    /** Channels running a dialplan now ({@code N active calls} of core show channels). */
    public int activeCalls() { return activeCalls.get(); }
    /** Dialplans started since boot ({@code N calls processed}). */
    public long processedCalls() { return processedCalls.get(); }

    void callStarted() { activeCalls.incrementAndGet(); processedCalls.incrementAndGet(); }
    void callEnded() { activeCalls.decrementAndGet(); }

    /** Reads a config file of this PBX's config directory. */
    public Config config(String file) { return ConfigReader.read(configDir, file); }

    public boolean hasConfig(String file) { return configDir != null && Files.isReadable(configDir.resolve(file)); }

    /** Loads modules, then the dialplan; logs every problem; the PBX runs whatever they say. */
    public void start() {
        try (PbxLog.Binding b = PbxLog.bind(log)) {
            boot();
        }
    }

    private void boot() {
        Config modulesConf = hasConfig("modules.conf") ? config("modules.conf") : null;
        if (modulesConf != null) modulesConf.problems().forEach(p -> PbxLog.warning("loader.c", p.toString()));
        modules.loadAll(modulesConf);
        reloadDialplan();
        PbxLog.verbose(1, VERSION + " ready.");
        booted.countDown();
        events.publish(ManagerEvent.of("FullyBooted", "system").put("Status", "Fully Booted")
                .put("Uptime", 0).put("LastReload", 0).build());
    }

    /** Reads extensions.conf again and swaps the snapshot in; calls in progress keep running. */
    public List<ConfigProblem> reloadDialplan() {
        if (configDir == null) return List.of();
        if (!hasConfig("extensions.conf")) {
            PbxLog.notice("pbx_config.c", "No extensions.conf in " + configDir + ": the dialplan is empty");
            return List.of();
        }
        return loadDialplan(config("extensions.conf"));
    }

    /** Swaps in the dialplan of an already-read extensions.conf (reload, tests). */
    public List<ConfigProblem> loadDialplan(Config extensionsConf) {
        return PbxLog.within(log, () -> swapDialplan(extensionsConf));
    }

    private List<ConfigProblem> swapDialplan(Config extensionsConf) {
        DialplanLoader.Result r = DialplanLoader.load(extensionsConf);
        for (ConfigProblem p : r.problems()) PbxLog.warning("pbx_config.c", p.toString());
        for (ConfigProblem p : r.warnings()) PbxLog.warning("pbx_config.c", p.toString());
        if (r.dialplan().settings().clearGlobalVars()) globals.clear();
        globals.putAll(r.dialplan().globals());
        dialplan.set(r.dialplan());
        reloadMillis = System.currentTimeMillis();
        int ext = r.dialplan().contexts().stream().mapToInt(c -> c.groups().size()).sum();
        PbxLog.verbose(2, "Loaded " + r.dialplan().contexts().size() + " contexts and " + ext + " extensions from extensions.conf");
        return r.problems();
    }

    /** {@code core stop gracefully}: no new calls from now on; calls in progress run to their end. */
    public void beginShutdown() { shuttingDown = true; }

    /** Hangs up every channel, unloads modules in reverse. */
    public void shutdown() {
        try (PbxLog.Binding b = PbxLog.bind(log)) {
            stopAll();
        }
        log.close();
    }

    private void stopAll() {
        shuttingDown = true;
        for (Channel c : channels.all()) c.softHangup(HangupCause.NORMAL_CLEARING);
        // before the modules go, so the Manager interface can still tell its clients
        events.publish(ManagerEvent.of("Shutdown", "system").put("Shutdown", "Cleanly").put("Restart", "False").build());
        modules.unloadAll();
        for (Object s : services.values()) {
            if (s instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    PbxLog.warning("asterisk.c", "Closing " + s + " at shutdown failed: " + e);
                }
            }
        }
        services.clear();
        scheduler.shutdownNow();
    }

    /**
     * The service of {@code type} this PBX owns, made by {@code create} on first use. Two PBXs
     * in one JVM never share one (unlike a static map); AutoCloseable services close at shutdown.
     */
    public <T> T service(Class<T> type, java.util.function.Function<Pbx, ? extends T> create) {
        return type.cast(services.computeIfAbsent(type, t -> create.apply(this)));
    }

    /** This PBX's service of {@code type}, or null when there is none (a module not loaded). */
    public <T> T lookup(Class<T> type) { return type.cast(services.get(type)); }

    /** Makes {@code value} this PBX's service of {@code type}: a module announcing itself as it loads. */
    public <T> void register(Class<T> type, T value) { services.put(type, value); }

    /** Forgets {@code value} as the service of {@code type}, if it still is (a module unloading). */
    public <T> void unregister(Class<T> type, T value) { services.remove(type, value); }

    // ---- channels ----

    /**
     * Makes a channel and registers it. {@code namePrefix} is {@code Tech/resource}; the unique
     * suffix is appended unless {@code exactName} is set (Local channel halves share one suffix).
     */
    public Channel allocChannel(String name, ChannelTech tech, Channel requestor) {
        return allocChannel(name, tech, requestor, null);
    }

    /**
     * As {@link #allocChannel(String, ChannelTech, Channel)}, joining the call {@code linkedId}
     * names from the start (a Local channel's second half joins its first's call), so even its
     * Newchannel says so.
     */
    public Channel allocChannel(String name, ChannelTech tech, Channel requestor, String linkedId) {
        Channel c = new Channel(this, name, channels.nextUniqueId(), tech);
        if (requestor != null) {
            requestor.variables().inheritInto(c.variables());
            c.setLinkedId(requestor.linkedId());
            c.setLanguage(requestor.language());
            c.setAccountCode(requestor.accountCode());
        }
        if (linkedId != null) c.setLinkedId(linkedId);
        channels.add(c);
        events.channelEvent("Newchannel", c);
        return c;
    }

    /**
     * A channel that belongs to nothing (Asterisk's ast_dummy_channel_alloc): not registered, no
     * events, no technology. For evaluating dialplan text against data a finished call left behind
     * (a call record's {@code ${CDR(...)}} in cdr_custom.conf).
     */
    public Channel dummyChannel() { return new Channel(this, "", "", new ChannelTech() {}); }

    /**
     * A channel nobody runs or lists, standing for another's snapshot: a CEL backend substitutes
     * its template on one as Asterisk does on a channel fabricated from the event.
     */
    public Channel snapshotChannel(String name, String uniqueId, String application, String appData) {
        Channel c = new Channel(this, name, uniqueId, new ChannelTech() {});
        c.setRunning(application, appData);
        return c;
    }

    /** Asks a technology for an outbound channel: {@code requestChannel("Local", "100@phones", me)}. */
    public Channel requestChannel(String tech, String data, Channel requestor) throws ChannelUnavailableException {
        if (shuttingDown) {
            throw new ChannelUnavailableException(HangupCause.SWITCH_CONGESTION, "Switchboard is shutting down; no new calls");
        }
        ChannelDriver d = modules.driver(tech);
        if (d == null) {
            throw new ChannelUnavailableException(HangupCause.CHAN_NOT_IMPLEMENTED, "No channel type registered for '" + tech + "'");
        }
        return d.request(this, data, requestor);
    }

    /** Runs the channel's dialplan on a new virtual thread, from its current location. */
    public Thread startPbx(Channel c) {
        Thread t = Thread.ofVirtual().name("pbx-" + c.name()).unstarted(PbxLog.bound(log, () -> PbxRunner.run(c)));
        c.setPbxThread(t);   // before it runs, so a redirect in the first instant is not dropped
        t.start();
        return t;
    }

    /** Runs the dialplan on the calling thread (used by tests and by startPbx). */
    public void runPbx(Channel c) {
        try (PbxLog.Binding b = PbxLog.bind(log)) {
            PbxRunner.run(c);
        }
    }

    // ---- applications ----

    /**
     * Runs one application on the channel, as Exec() does: finds the app and runs it (the pbx
     * loop logs the {@code Executing} line). An unknown app is a warning and a hangup.
     */
    public Application.Result execute(Channel c, String appName, String data) {
        Application app = modules.application(appName);
        if (app == null) {
            PbxLog.warning("pbx.c", "No application '" + appName + "' for extension (" + c.context() + ", " + c.exten()
                    + ", " + c.priority() + ")");
            return Application.Result.HANGUP;
        }
        return execute(c, app, data);
    }

    public Application.Result execute(Channel c, Application app, String data) {
        c.setRunning(app.name(), data);
        if (events.hasSubscribers()) {
            events.publish(ManagerEvent.of("Newexten", "dialplan").channel(c).put("Extension", c.exten())
                    .put("Application", app.name()).put("AppData", data).build());
        }
        return app.execute(c, data);
    }

    /** Runs one dialplan priority on the channel as the pbx loop does (substitution, Executing line, app). */
    public Application.Result executePriority(Channel c, org.switchboard.dialplan.Dialplan.Found found) {
        return PbxRunner.executePriority(this, c, found);
    }

    /** Sends the channel to the {@code e} extension with EXCEPTION(reason), as Asterisk's raise_exception. */
    public void raiseException(Channel c, String reason) { PbxRunner.raiseException(c, reason); }

    /** Runs {@code Gosub(data)} on the calling thread until its Return (hooks on channels without a dialplan thread). */
    public void runSubroutine(Channel c, String gosubData) {
        try (PbxLog.Binding b = PbxLog.bind(log)) {
            PbxRunner.runSubroutine(this, c, gosubData);
        }
    }

    /** Substitutes {@code ${...}} and {@code $[...]} in text for this channel. */
    public String substitute(Channel c, String text) { return variables.substitute(c, text); }
}
