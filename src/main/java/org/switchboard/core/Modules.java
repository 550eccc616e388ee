package org.switchboard.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.switchboard.config.Config;

/**
 * The modules of one {@link Pbx} and what each registered. {@link ServiceLoader} finds the
 * {@link Module}s; modules.conf decides which load ({@code autoload}, {@code load =>},
 * {@code noload =>}, {@code preload =>}); each loaded module's {@link ModuleContext} is kept, so
 * {@code module unload} removes exactly what that module registered and nothing else.
 */
public final class Modules {
    /** Modules that are part of the core and cannot be left out. */
    public static final String CORE = "core";

    private final Pbx pbx;
    private final Map<String, Application> apps = new ConcurrentHashMap<>();
    private final Map<String, Application> appsAsWritten = new ConcurrentHashMap<>(); // no lowercasing per priority
    private final Map<String, DialplanFunction> functions = new ConcurrentHashMap<>();
    private final Map<String, ChannelDriver> drivers = new ConcurrentHashMap<>();
    private final Map<String, ManagerAction> managerActions = new ConcurrentHashMap<>();
    private final List<CliCommand> cliCommands = new CopyOnWriteArrayList<>();
    private final Map<String, ModuleState> states = new ConcurrentHashMap<>();
    /** Every module found, by name, in the order they load. */
    private final Map<String, Module> known = new LinkedHashMap<>();
    /** What each running module registered, in load order (unloaded in reverse at shutdown). */
    private final Map<String, ModuleContext> registered = new LinkedHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();

    Modules(Pbx pbx) { this.pbx = pbx; }

    /** Loads everything modules.conf allows; a module that fails says why in one line. */
    void loadAll(Config modulesConf) {
        ModulesConf conf = ModulesConf.of(modulesConf);
        conf.unknownDirectives().forEach(line -> PbxLog.warning("loader.c", line));
        for (Module m : discover()) {
            Module old = known.putIfAbsent(m.name(), m);
            if (old != null) PbxLog.warning("loader.c", "Module '" + m.name() + "' is listed twice: " + old.getClass().getName() + ", " + m.getClass().getName());
        }
        for (Module m : known.values()) {
            if (conf.loads(m.name())) loadOne(m);
            else states.put(m.name(), new ModuleState(m.name(), m.description(), ModuleState.Status.NOT_LOADED, "noload", 0));
        }
        for (String name : conf.asked()) {
            if (!states.containsKey(name)) PbxLog.warning("loader.c", "modules.conf asks to load '" + name + "', which does not exist");
        }
    }

    /** Adds a module not found by ServiceLoader and loads it (tests: a module that misbehaves). */
    void addAndLoad(Module m) {
        known.put(m.name(), m);
        PbxLog.run(pbx.log(), () -> loadOne(m));
    }

    /** Registers and starts one module; nothing it registered is offered unless it loads. */
    private void loadOne(Module m) {
        String name = m.name();
        ModuleContext ctx = new ModuleContext(pbx, name);
        List<ChannelDriver> started = new ArrayList<>();
        try {
            m.register(ctx);
            m.load(ctx);
            for (ChannelDriver d : ctx.channelDrivers()) {
                d.load(pbx);
                started.add(d);
            }
            offer(ctx);
            states.put(name, new ModuleState(name, m.description(), ModuleState.Status.RUNNING, null, 0));
        } catch (ModuleDeclinedException ex) {
            started.forEach(ChannelDriver::unload);
            states.put(name, new ModuleState(name, m.description(), ModuleState.Status.DECLINED, ex.getMessage(), 0));
            PbxLog.warning("loader.c", "Module '" + name + "' declined to load: " + ex.getMessage());
        } catch (RuntimeException ex) {
            started.forEach(ChannelDriver::unload);
            states.put(name, new ModuleState(name, m.description(), ModuleState.Status.DECLINED, ex.toString(), 0));
            PbxLog.error("loader.c", "Module '" + name + "' failed to load: " + ex);
        }
    }

    /** Makes what one module registered visible; a name another module already has stays with that one. */
    private void offer(ModuleContext ctx) {
        lock.lock();
        try {
            for (Application a : ctx.applications()) {
                Application old = apps.putIfAbsent(a.name().toLowerCase(Locale.ROOT), a);
                if (old == null) appsAsWritten.put(a.name(), a);
                else duplicate(ctx, "application", a.name());
            }
            for (DialplanFunction f : ctx.functions()) {
                if (functions.putIfAbsent(f.name().toUpperCase(Locale.ROOT), f) != null) duplicate(ctx, "function", f.name());
            }
            for (ChannelDriver d : ctx.channelDrivers()) {
                if (drivers.putIfAbsent(d.technology().toLowerCase(Locale.ROOT), d) != null) duplicate(ctx, "channel technology", d.technology());
            }
            for (ManagerAction a : ctx.managerActions()) {
                if (managerActions.putIfAbsent(a.name().toLowerCase(Locale.ROOT), a) != null) duplicate(ctx, "Manager action", a.name());
            }
            cliCommands.addAll(ctx.cliCommands());
            registered.put(ctx.module(), ctx);
        } finally {
            lock.unlock();
        }
    }

    private static void duplicate(ModuleContext ctx, String kind, String name) {
        PbxLog.warning("loader.c", "Module '" + ctx.module() + "' registers " + kind + " '" + name + "', which is already registered; keeping the first");
    }

    /** Takes away exactly what one module registered (an entry another module holds stays). */
    private void withdraw(ModuleContext ctx) {
        lock.lock();
        try {
            for (Application a : ctx.applications()) {
                apps.remove(a.name().toLowerCase(Locale.ROOT), a);
                appsAsWritten.remove(a.name(), a);
            }
            for (DialplanFunction f : ctx.functions()) functions.remove(f.name().toUpperCase(Locale.ROOT), f);
            for (ChannelDriver d : ctx.channelDrivers()) drivers.remove(d.technology().toLowerCase(Locale.ROOT), d);
            for (ManagerAction a : ctx.managerActions()) managerActions.remove(a.name().toLowerCase(Locale.ROOT), a);
            cliCommands.removeAll(ctx.cliCommands());
            registered.remove(ctx.module(), ctx);
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@code module load NAME}: loads a module that is not running.
     *
     * @return what to tell the admin, as Asterisk's loader does
     */
    public String load(String text) {
        String name = moduleName(text);
        Module m = known.get(name);
        if (m == null) return "Unable to load module " + name + ": no such module";
        ModuleState st = states.get(name);
        if (st != null && st.status() == ModuleState.Status.RUNNING) return "Module " + name + " is already running";
        PbxLog.run(pbx.log(), () -> loadOne(m));   // what the module starts works for this PBX, whoever asked
        ModuleState now = states.get(name);
        return now.status() == ModuleState.Status.RUNNING ? "Loaded " + name
                : "Unable to load module " + name + ": " + now.reason();
    }

    /**
     * {@code module unload NAME}: takes a running module out; its applications, functions,
     * technology, Manager actions and commands disappear. Calls in progress keep the channels they have.
     */
    public String unload(String text) {
        return PbxLog.within(pbx.log(), () -> unloadBound(text));
    }

    private String unloadBound(String text) {
        String name = moduleName(text);
        if (name.equals(CORE)) return "Unable to unload " + name + ": it is part of the core";
        ModuleState st = states.get(name);
        if (st == null) return "Unable to unload " + name + ": no such module";
        if (st.status() != ModuleState.Status.RUNNING) return "Unable to unload " + name + ": it is not running";
        ModuleContext ctx = registeredBy(name);
        if (ctx != null) withdraw(ctx);   // first, so nothing new reaches a module that is stopping
        stop(known.get(name), ctx);
        states.put(name, new ModuleState(name, st.description(), ModuleState.Status.NOT_LOADED, "unloaded", 0));
        PbxLog.verbose(2, "Unloaded " + name);
        return "Unloaded " + name;
    }

    private ModuleContext registeredBy(String name) {
        lock.lock();
        try {
            return registered.get(name);
        } finally {
            lock.unlock();
        }
    }

    private static void stop(Module m, ModuleContext ctx) {
        try {
            m.unload();
        } catch (RuntimeException e) {
            PbxLog.warning("loader.c", "Module '" + m.name() + "' failed to unload cleanly: " + e);
        }
        if (ctx != null) ctx.channelDrivers().forEach(ChannelDriver::unload);
    }

    /** Every module on the class path, in the order the services file lists them; one that cannot be made is a log line. */
    public static List<Module> discover() {
        List<Module> out = new ArrayList<>();
        java.util.Iterator<Module> it = ServiceLoader.load(Module.class).iterator();
        for (;;) {
            try {
                if (!it.hasNext()) break;
                out.add(it.next());
            } catch (java.util.ServiceConfigurationError e) {
                PbxLog.error("loader.c", "Cannot load a Module: " + e.getMessage());
            }
        }
        return out;
    }

    void unloadAll() {
        List<ModuleContext> loaded;
        lock.lock();
        try {
            loaded = new ArrayList<>(registered.values());
        } finally {
            lock.unlock();
        }
        for (int i = loaded.size() - 1; i >= 0; i--) {
            ModuleContext ctx = loaded.get(i);
            withdraw(ctx);
            stop(known.get(ctx.module()), ctx);
        }
    }

    private List<String> runningNames() {
        lock.lock();
        try {
            return List.copyOf(registered.keySet());
        } finally {
            lock.unlock();
        }
    }

    /** Reloads one running module (or all when name is null); returns what it said. */
    public String reload(String name) {
        return PbxLog.within(pbx.log(), () -> reloadBound(name));
    }

    private String reloadBound(String name) {
        StringBuilder out = new StringBuilder();
        for (String running : runningNames()) {
            Module m = known.get(running);
            if (name != null && !m.name().equalsIgnoreCase(moduleName(name))) continue;
            try {
                m.reload(pbx);
                out.append("Reloaded ").append(m.name()).append('\n');
            } catch (ModuleDeclinedException | RuntimeException e) {
                out.append("Reload of ").append(m.name()).append(" failed: ").append(e.getMessage()).append('\n');
                PbxLog.warning("loader.c", "Reload of '" + m.name() + "' failed: " + e.getMessage());
            }
        }
        return out.toString();
    }

    /**
     * The running module that registered {@code part} (an application, function, channel driver,
     * Manager action or console command), or null: what a part belongs to is known from its
     * registration, not from a label it carries.
     */
    public String moduleOf(Object part) {
        lock.lock();
        try {
            for (ModuleContext ctx : registered.values()) if (ctx.registered(part)) return ctx.module();
            return null;
        } finally {
            lock.unlock();
        }
    }

    public Application application(String name) {
        Application a = appsAsWritten.get(name);
        return a != null ? a : apps.get(name.toLowerCase(Locale.ROOT));
    }
    public DialplanFunction function(String name) { return functions.get(name.toUpperCase(Locale.ROOT)); }
    public ChannelDriver driver(String tech) { return drivers.get(tech.toLowerCase(Locale.ROOT)); }
    /** A Manager action of a running module, by name ignoring case, or null. */
    public ManagerAction managerAction(String name) { return managerActions.get(name.toLowerCase(Locale.ROOT)); }
    /** Every Manager action of the running modules, sorted by name. */
    public List<ManagerAction> managerActions() { return List.copyOf(new TreeMap<>(managerActions).values()); }
    public Map<String, Application> applications() { return new TreeMap<>(apps); }
    public Map<String, DialplanFunction> functions() { return new TreeMap<>(functions); }
    public Map<String, ChannelDriver> drivers() { return new TreeMap<>(drivers); }
    public List<CliCommand> cliCommands() { return List.copyOf(cliCommands); }
    public List<ModuleState> states() { return List.copyOf(new TreeMap<>(states).values()); }
    public ModuleState state(String name) { return states.get(moduleName(name)); }

    /** {@code app_dial.so} and {@code app_dial} are the same module. */
    public static String moduleName(String text) {
        String n = text.trim();
        return n.endsWith(".so") ? n.substring(0, n.length() - 3) : n;
    }
}
