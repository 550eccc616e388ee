package org.switchboard.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.config.Config;
import org.switchboard.config.ConfigEntry;
import org.switchboard.config.ConfigSection;

/**
 * Finds every application, function, channel driver, CLI command and lifecycle module with
 * {@link ServiceLoader}, groups them into modules by Asterisk's module names, and loads what
 * modules.conf asks for ({@code autoload}, {@code load =>}, {@code noload =>}, {@code preload =>}).
 */
public final class Modules {
    /** Modules that are part of the core and cannot be left out. */
    public static final String CORE = "core";

    private final Pbx pbx;
    private final Map<String, Application> apps = new ConcurrentHashMap<>();
    private final Map<String, Application> appsAsWritten = new ConcurrentHashMap<>(); // no lowercasing per priority
    private final Map<String, DialplanFunction> functions = new ConcurrentHashMap<>();
    private final Map<String, ChannelDriver> drivers = new ConcurrentHashMap<>();
    private final List<CliCommand> cliCommands = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, ModuleState> states = new ConcurrentHashMap<>();
    private final List<Module> running = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** What each module provides, found at start; kept so a module can be unloaded and loaded again. */
    private final Map<String, List<Object>> components = new TreeMap<>();
    private final Map<String, Module> lifecycle = new LinkedHashMap<>();

    Modules(Pbx pbx) { this.pbx = pbx; }

    /** Loads everything modules.conf allows; a module that fails says why in one line. */
    void loadAll(Config modulesConf) {
        boolean autoload = true;
        Set<String> noload = new HashSet<>();
        Set<String> load = new HashSet<>();
        ConfigSection sec = modulesConf == null ? null : modulesConf.section("modules");
        if (sec != null) {
            autoload = isTrue(sec.get("autoload", "yes"));
            for (ConfigEntry e : sec.entries()) {
                String k = e.key().toLowerCase(Locale.ROOT);
                String name = moduleName(e.value());
                switch (k) {
                    case "noload" -> noload.add(name);
                    case "load", "preload", "require", "preload-require" -> load.add(name);
                    case "autoload" -> { }
                    default -> PbxLog.warning("loader.c", e.file() + ":" + e.line() + ": unknown modules.conf directive '" + e.key() + "'");
                }
            }
        }
        final boolean auto = autoload;
        java.util.function.Predicate<String> wanted = m -> m.equals(CORE) || (!noload.contains(m) && (auto || load.contains(m)));

        for (Application a : discover(Application.class)) components.computeIfAbsent(a.module(), k -> new ArrayList<>()).add(a);
        for (DialplanFunction f : discover(DialplanFunction.class)) components.computeIfAbsent(f.module(), k -> new ArrayList<>()).add(f);
        for (ChannelDriver d : discover(ChannelDriver.class)) components.computeIfAbsent(d.module(), k -> new ArrayList<>()).add(d);
        for (CliCommand c : discover(CliCommand.class)) components.computeIfAbsent(c.module(), k -> new ArrayList<>()).add(c);
        for (Module m : discover(Module.class)) lifecycle.put(m.name(), m);

        for (String name : components.keySet()) {
            if (lifecycle.containsKey(name)) continue;   // registered with its lifecycle module below
            if (wanted.test(name)) loadOne(name);
            else states.put(name, new ModuleState(name, describe(name), ModuleState.Status.NOT_LOADED, "noload", 0));
        }
        for (Module m : lifecycle.values()) {
            if (wanted.test(m.name())) loadOne(m.name());
            else states.put(m.name(), new ModuleState(m.name(), m.description(), ModuleState.Status.NOT_LOADED, "noload", 0));
        }
        for (String name : load) {
            if (!states.containsKey(name)) PbxLog.warning("loader.c", "modules.conf asks to load '" + name + "', which does not exist");
        }
    }

    /** Loads one module by name: its lifecycle part (if any), then what it provides. */
    private void loadOne(String name) {
        Module m = lifecycle.get(name);
        String description = m != null ? m.description() : describe(name);
        try {
            if (m != null) m.load(pbx);
            String declined = register(components.getOrDefault(name, List.of()));
            if (declined != null) throw new ModuleDeclinedException(declined);
            if (m != null) running.add(m);
            states.put(name, new ModuleState(name, description, ModuleState.Status.RUNNING, null, 0));
        } catch (ModuleDeclinedException ex) {
            states.put(name, new ModuleState(name, description, ModuleState.Status.DECLINED, ex.getMessage(), 0));
            PbxLog.warning("loader.c", "Module '" + name + "' declined to load: " + ex.getMessage());
        } catch (RuntimeException ex) {
            states.put(name, new ModuleState(name, description, ModuleState.Status.DECLINED, ex.toString(), 0));
            PbxLog.error("loader.c", "Module '" + name + "' failed to load: " + ex);
        }
    }

    /**
     * {@code module load NAME}: loads a module that is not running.
     *
     * @return what to tell the admin, as Asterisk's loader does
     */
    public String load(String text) {
        String name = moduleName(text);
        if (!components.containsKey(name) && !lifecycle.containsKey(name)) return "Unable to load module " + name + ": no such module";
        ModuleState st = states.get(name);
        if (st != null && st.status() == ModuleState.Status.RUNNING) return "Module " + name + " is already running";
        loadOne(name);
        ModuleState now = states.get(name);
        return now.status() == ModuleState.Status.RUNNING ? "Loaded " + name
                : "Unable to load module " + name + ": " + now.reason();
    }

    /**
     * {@code module unload NAME}: takes a running module out; its applications, functions,
     * technology and commands disappear. Calls in progress keep the channels they have.
     */
    public String unload(String text) {
        String name = moduleName(text);
        if (name.equals(CORE)) return "Unable to unload " + name + ": it is part of the core";
        ModuleState st = states.get(name);
        if (st == null) return "Unable to unload " + name + ": no such module";
        if (st.status() != ModuleState.Status.RUNNING) return "Unable to unload " + name + ": it is not running";
        Module m = lifecycle.get(name);
        if (m != null) {
            try {
                m.unload();
            } catch (RuntimeException e) {
                PbxLog.warning("loader.c", "Module '" + name + "' failed to unload cleanly: " + e);
            }
            running.remove(m);
        }
        for (Object o : components.getOrDefault(name, List.of())) {
            switch (o) {
                case Application a -> {
                    apps.remove(a.name().toLowerCase(Locale.ROOT), a);
                    appsAsWritten.remove(a.name(), a);
                }
                case DialplanFunction f -> functions.remove(f.name().toUpperCase(Locale.ROOT), f);
                case ChannelDriver d -> {
                    drivers.remove(d.technology().toLowerCase(Locale.ROOT), d);
                    d.unload();
                }
                case CliCommand c -> cliCommands.remove(c);
                default -> { }
            }
        }
        states.put(name, new ModuleState(name, st.description(), ModuleState.Status.NOT_LOADED, "unloaded", 0));
        PbxLog.verbose(2, "Unloaded " + name);
        return "Unloaded " + name;
    }

    /** Every provider of a kind; one that cannot be instantiated is a log line, not a failed start. */
    static <T> List<T> discover(Class<T> kind) {
        List<T> out = new ArrayList<>();
        java.util.Iterator<T> it = ServiceLoader.load(kind).iterator();
        for (;;) {
            try {
                if (!it.hasNext()) break;
                out.add(it.next());
            } catch (java.util.ServiceConfigurationError e) {
                PbxLog.error("loader.c", "Cannot load a " + kind.getSimpleName() + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** @return null on success, else why the components could not be registered */
    private String register(List<Object> parts) {
        for (Object o : parts) {
            if (o instanceof ChannelDriver d) {
                try {
                    d.load(pbx);
                } catch (ModuleDeclinedException ex) {
                    return ex.getMessage();
                }
            }
        }
        for (Object o : parts) {
            switch (o) {
                case Application a -> {
                    apps.put(a.name().toLowerCase(Locale.ROOT), a);
                    appsAsWritten.put(a.name(), a);
                }
                case DialplanFunction f -> functions.put(f.name().toUpperCase(Locale.ROOT), f);
                case ChannelDriver d -> drivers.put(d.technology().toLowerCase(Locale.ROOT), d);
                case CliCommand c -> cliCommands.add(c);
                default -> { }
            }
        }
        return null;
    }

    void unloadAll() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).unload();
            } catch (RuntimeException e) {
                PbxLog.warning("loader.c", "Module '" + running.get(i).name() + "' failed to unload: " + e);
            }
        }
        running.clear();
        for (ChannelDriver d : drivers.values()) d.unload();
    }

    /** Reloads one lifecycle module (or all when name is null); returns what it said. */
    public String reload(String name) {
        StringBuilder out = new StringBuilder();
        for (Module m : running) {
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

    public Application application(String name) {
        Application a = appsAsWritten.get(name);
        return a != null ? a : apps.get(name.toLowerCase(Locale.ROOT));
    }
    public DialplanFunction function(String name) { return functions.get(name.toUpperCase(Locale.ROOT)); }
    public ChannelDriver driver(String tech) { return drivers.get(tech.toLowerCase(Locale.ROOT)); }
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

    private static boolean isTrue(String v) { return org.switchboard.config.AstTrue.isTrue(v); }

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry(CORE, "Core PBX: built-in applications and functions"),
            Map.entry("app_dial", "Dialing Application"),
            Map.entry("app_verbose", "Send verbose output"),
            Map.entry("app_stack", "Dialplan subroutines (Gosub, Return, etc)"),
            Map.entry("app_macro", "Extension Macros"),
            Map.entry("app_exec", "Executes dialplan applications"),
            Map.entry("app_while", "While Loops and Conditional Execution"),
            Map.entry("app_userevent", "Custom User Event Application"),
            Map.entry("func_strings", "String handling dialplan functions"),
            Map.entry("func_hangupcause", "HANGUPCAUSE related functions and applications"),
            Map.entry("func_callerid", "Party ID related dialplan functions (Caller-ID, Connected-line, Redirecting)"),
            Map.entry("func_logic", "Logical dialplan functions"),
            Map.entry("func_cut", "Cut out information from a string"),
            Map.entry("func_global", "Variable dialplan functions"),
            Map.entry("func_math", "Mathematical dialplan function"),
            Map.entry("func_rand", "Random number dialplan function"),
            Map.entry("func_dialplan", "Dialplan Context/Extension/Priority Checking Functions"),
            Map.entry("func_channel", "Channel information dialplan functions"),
            Map.entry("func_timeout", "Channel timeout dialplan functions"),
            Map.entry("app_playback", "Sound File Playback Application"),
            Map.entry("app_read", "Read Variable Application"),
            Map.entry("app_echo", "Simple Echo Application"),
            Map.entry("app_record", "Trivial Record Application"),
            Map.entry("app_playtones", "Playtones Application"),
            Map.entry("func_sprintf", "SPRINTF dialplan function"),
            Map.entry("func_evalexten", "Extension evaluation dialplan function"),
            Map.entry("chan_local", "Local Proxy Channel (Note: used internally by other modules)"),
            Map.entry("chan_sip", "Session Initiation Protocol (SIP)"),
            Map.entry("chan_skype", "Skype Channel Driver (XMPP + Jingle)"),
            Map.entry("res_manager", "Asterisk Manager Interface"),
            Map.entry("pbx_config", "Text Extension Configuration"));

    public static String describe(String module) { return DESCRIPTIONS.getOrDefault(module, module); }
}
