package org.switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.testing.TestPbx;

/** Every application and function carries its docs, so `core show application|function X` always has an answer. */
class DocumentationTest {
    /** What every module on the class path registers, collected without loading any. */
    private static List<ModuleContext> registered() {
        List<ModuleContext> out = new ArrayList<>();
        for (Module m : Modules.discover()) {
            ModuleContext ctx = ModuleContext.collecting(m.name());
            m.register(ctx);
            out.add(ctx);
        }
        return out;
    }

    private static List<Application> applications() { return registered().stream().flatMap(c -> c.applications().stream()).toList(); }
    private static List<DialplanFunction> functions() { return registered().stream().flatMap(c -> c.functions().stream()).toList(); }

    @Test
    void everyApplicationAndFunctionIsDocumented() {
        List<Documented> all = new ArrayList<>();
        all.addAll(applications());
        all.addAll(functions());
        assertThat(all).hasSizeGreaterThan(80);
        List<String> missing = new ArrayList<>();
        for (Documented d : all) {
            if (blank(d.name()) || blank(d.synopsis()) || blank(d.syntax()) || blank(d.description())) {
                missing.add(d.getClass().getName());
            }
            if (!blank(d.syntax()) && !d.syntax().toUpperCase().startsWith(d.name().toUpperCase())) {
                missing.add(d.getClass().getName() + " (syntax does not start with its name)");
            }
        }
        assertThat(missing).as("applications/functions without complete docs").isEmpty();
    }

    @Test
    void namesAreUniqueAndModulesCarryAsteriskNames() {
        List<String> names = new ArrayList<>();
        for (Application a : applications()) names.add("app:" + a.name().toLowerCase());
        for (DialplanFunction f : functions()) names.add("func:" + f.name().toUpperCase());
        assertThat(names).doesNotHaveDuplicates();
        List<String> modules = Modules.discover().stream().map(Module::name).toList();
        assertThat(modules).doesNotHaveDuplicates();
        for (String m : modules) assertThat(m).matches("core|(app|func|chan|res|cdr|cel|pbx)_[a-z0-9_]+|cdr|cel");
    }

    @Test
    void theRegistryNamesTheModuleThatRegisteredEachPartUntilItIsUnloaded() {
        // a part carries no module label: the module is the one whose register() offered it
        try (TestPbx t = new TestPbx()) {
            Modules m = t.pbx.modules();
            Application dial = m.application("Dial");
            assertThat(m.moduleOf(dial)).isEqualTo("app_dial");
            assertThat(m.moduleOf(m.function("FILTER"))).isEqualTo("func_strings");
            assertThat(m.moduleOf(m.driver("Local"))).isEqualTo("chan_local");
            assertThat(m.cliCommands()).filteredOn(c -> c.words().equals(List.of("core", "show", "channels")))
                    .singleElement().satisfies(c -> assertThat(m.moduleOf(c)).isEqualTo("core"));

            List<String> unowned = new ArrayList<>();
            m.applications().values().stream().filter(a -> m.moduleOf(a) == null).forEach(a -> unowned.add("app " + a.name()));
            m.functions().values().stream().filter(f -> m.moduleOf(f) == null).forEach(f -> unowned.add("function " + f.name()));
            m.managerActions().stream().filter(a -> m.moduleOf(a) == null).forEach(a -> unowned.add("action " + a.name()));
            m.cliCommands().stream().filter(c -> m.moduleOf(c) == null).forEach(c -> unowned.add("command " + c.words()));
            assertThat(unowned).isEmpty();

            assertThat(m.unload("app_dial")).isEqualTo("Unloaded app_dial");
            assertThat(m.moduleOf(dial)).isNull();
            assertThat(m.load("app_dial")).isEqualTo("Loaded app_dial");
            assertThat(m.moduleOf(m.application("Dial"))).isEqualTo("app_dial");
        }
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }
}
