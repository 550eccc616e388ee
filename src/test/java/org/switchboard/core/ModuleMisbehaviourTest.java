package org.switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.testing.TestPbx;

/**
 * A module that declines, throws, or registers a name another module has: one clear log line,
 * nothing of it offered that should not be, and the rest of the PBX as it was.
 */
class ModuleMisbehaviourTest {
    private TestPbx t;

    @BeforeEach
    void start() { t = new TestPbx(); }

    @AfterEach
    void stop() { t.close(); }

    /** An application that says which module made it, so a test can tell two of one name apart. */
    private record Marked(String name, String by) implements Application {
        @Override public String synopsis() { return "A test application."; }
        @Override public String syntax() { return name + "()"; }
        @Override public String description() { return "Logs which module registered it."; }
        @Override public Result execute(Channel c, String data) {
            PbxLog.verbose(1, name + " of " + by);
            return Result.CONTINUE;
        }
    }

    private record TestModule(String name, Consumer<ModuleContext> registration, String declineWith) implements Module {
        @Override public String description() { return "test module " + name; }
        @Override public void register(ModuleContext ctx) { registration.accept(ctx); }
        @Override public void load(ModuleContext ctx) throws ModuleDeclinedException {
            if (declineWith != null) throw new ModuleDeclinedException(declineWith);
        }
    }

    @Test
    void aModuleThatDeclinesOffersNothingItRegistered() {
        t.pbx.modules().addAndLoad(new TestModule("app_grumpy", ctx -> ctx.application(new Marked("Grumpy", "app_grumpy")), "no grumpy.conf"));
        assertThat(t.pbx.modules().application("Grumpy")).isNull();
        assertThat(t.pbx.modules().state("app_grumpy").status()).isEqualTo(ModuleState.Status.DECLINED);
        assertThat(t.pbx.modules().state("app_grumpy").reason()).isEqualTo("no grumpy.conf");
        assertThat(t.said("loader.c: Module 'app_grumpy' declined to load: no grumpy.conf")).hasSize(1);
        assertThat(t.pbx.modules().unload("app_grumpy")).isEqualTo("Unable to unload app_grumpy: it is not running");
    }

    @Test
    void aModuleWhoseRegistrationThrowsIsDeclinedAndThePbxRunsOn() {
        t.pbx.modules().addAndLoad(new TestModule("app_broken", ctx -> {
            ctx.application(new Marked("Broken", "app_broken"));
            throw new IllegalStateException("half registered");
        }, null));
        assertThat(t.pbx.modules().application("Broken")).isNull();
        assertThat(t.pbx.modules().state("app_broken").status()).isEqualTo(ModuleState.Status.DECLINED);
        assertThat(t.said("loader.c: Module 'app_broken' failed to load: java.lang.IllegalStateException: half registered")).hasSize(1);
        assertThat(t.runDialplan("[x]\nexten => s,1,Verbose(1,still here)\n", "Test/a", "x", "s")).isNotNull();
        assertThat(t.said(" still here")).hasSize(1);
    }

    @Test
    void aNameAnotherModuleHasStaysWithThatModuleAndSurvivesTheIntrudersUnload() {
        t.pbx.modules().addAndLoad(new TestModule("app_first", ctx -> ctx.application(new Marked("Twice", "app_first")), null));
        t.pbx.modules().addAndLoad(new TestModule("app_second", ctx -> {
            ctx.application(new Marked("Twice", "app_second"));
            ctx.application(new Marked("OnlySecond", "app_second"));
        }, null));
        assertThat(t.said("Module 'app_second' registers application 'Twice', which is already registered; keeping the first")).hasSize(1);

        assertThat(t.pbx.modules().unload("app_second")).isEqualTo("Unloaded app_second");
        assertThat(t.pbx.modules().application("OnlySecond")).isNull();
        t.runDialplan("[x]\nexten => s,1,Twice()\n", "Test/b", "x", "s");
        assertThat(t.said(" Twice of app_first")).hasSize(1);
    }

    @Test
    void aModuleBeingCheckedHasNoPbxToTouch() {
        ModuleContext ctx = ModuleContext.collecting("app_checked");
        org.assertj.core.api.Assertions.assertThatThrownBy(ctx::pbx)
                .isInstanceOf(IllegalStateException.class).hasMessage("module app_checked is being checked, not loaded: it has no PBX");
    }
}
