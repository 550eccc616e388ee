package org.switchboard.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.switchboard.config.AstTrue;
import org.switchboard.config.Config;
import org.switchboard.config.ConfigEntry;
import org.switchboard.config.ConfigSection;

/** What modules.conf says about which modules load: {@code autoload}, {@code load =>}, {@code noload =>}. */
public final class ModulesConf {
    private final boolean autoload;
    private final Set<String> noload;
    private final Set<String> load;
    private final List<String> unknown;

    private ModulesConf(boolean autoload, Set<String> noload, Set<String> load, List<String> unknown) {
        this.autoload = autoload;
        this.noload = noload;
        this.load = load;
        this.unknown = unknown;
    }

    /** Reads the {@code [modules]} section; no file (null) means autoload everything. */
    public static ModulesConf of(Config modulesConf) {
        boolean autoload = true;
        Set<String> noload = new HashSet<>();
        Set<String> load = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        ConfigSection sec = modulesConf == null ? null : modulesConf.section("modules");
        if (sec != null) {
            autoload = AstTrue.isTrue(sec.get("autoload", "yes"));
            for (ConfigEntry e : sec.entries()) {
                String name = Modules.moduleName(e.value());
                switch (e.key().toLowerCase(Locale.ROOT)) {
                    case "noload" -> noload.add(name);
                    case "load", "preload", "require", "preload-require" -> load.add(name);
                    case "autoload" -> { }
                    default -> unknown.add(e.file() + ":" + e.line() + ": unknown modules.conf directive '" + e.key() + "'");
                }
            }
        }
        return new ModulesConf(autoload, Set.copyOf(noload), Set.copyOf(load), List.copyOf(unknown));
    }

    /** True when {@code module} loads: the core always does. */
    public boolean loads(String module) {
        return module.equals(Modules.CORE) || (!noload.contains(module) && (autoload || load.contains(module)));
    }

    /** The modules named by {@code load =>} and its kin. */
    public Set<String> asked() { return load; }

    /** One line per directive modules.conf does not have, as {@code file:line: message}. */
    public List<String> unknownDirectives() { return unknown; }
}
