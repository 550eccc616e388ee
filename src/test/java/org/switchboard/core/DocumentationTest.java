package org.switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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
            if (blank(d.name()) || blank(d.module()) || blank(d.synopsis()) || blank(d.syntax()) || blank(d.description())) {
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
    void whatAModuleRegistersSaysItBelongsToThatModule() {
        // module() is what `core show application` and IFMODULE users read; it must name the registering module
        List<String> wrong = new ArrayList<>();
        for (ModuleContext ctx : registered()) {
            List<Documented> docs = new ArrayList<>();
            docs.addAll(ctx.applications());
            docs.addAll(ctx.functions());
            docs.addAll(ctx.managerActions());
            for (Documented d : docs) if (!d.module().equals(ctx.module())) wrong.add(d.name() + " in " + ctx.module() + " says " + d.module());
            for (CliCommand c : ctx.cliCommands()) if (!c.module().equals(ctx.module())) wrong.add(String.join(" ", c.words()) + " in " + ctx.module() + " says " + c.module());
        }
        assertThat(wrong).isEmpty();
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }
}
