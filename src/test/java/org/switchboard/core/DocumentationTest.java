package org.switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every application and function carries its docs, so `core show application|function X` always has an answer. */
class DocumentationTest {
    @Test
    void everyApplicationAndFunctionIsDocumented() {
        List<Documented> all = new ArrayList<>();
        all.addAll(Modules.discover(Application.class));
        all.addAll(Modules.discover(DialplanFunction.class));
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
        for (Application a : Modules.discover(Application.class)) names.add("app:" + a.name().toLowerCase());
        for (DialplanFunction f : Modules.discover(DialplanFunction.class)) names.add("func:" + f.name().toUpperCase());
        assertThat(names).doesNotHaveDuplicates();
        for (Application a : Modules.discover(Application.class)) {
            assertThat(a.module()).as(a.name()).matches("core|app_[a-z0-9_]+|chan_[a-z0-9]+|res_[a-z0-9_]+");
        }
        for (DialplanFunction f : Modules.discover(DialplanFunction.class)) {
            assertThat(f.module()).as(f.name()).matches("core|func_[a-z0-9_]+|app_[a-z0-9_]+|chan_[a-z0-9]+|res_[a-z0-9_]+");
        }
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }
}
