package org.switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.sound.Indications;
import org.switchboard.media.sound.SoundLibrary;
import org.switchboard.res.cli.ShutdownRequests;
import org.switchboard.res.manager.ManagerModule;
import org.switchboard.testing.TestPbx;

/**
 * Two PBXs in one JVM share nothing: each has its own modules, Manager listener, sounds folder,
 * tone zones, globals, owner for `core stop` and timer service, and one shutting down leaves the
 * other running. (They used to meet in static maps keyed by PBX.)
 */
class TwoPbxIsolationTest {
    @TempDir Path tmp;

    private Path confDir(String name, String country) throws Exception {
        Path d = Files.createDirectories(tmp.resolve(name + "/conf"));
        Files.writeString(d.resolve("asterisk.conf"), "[directories]\nastdatadir => ../data-" + name + "\n");
        Files.writeString(d.resolve("indications.conf"), "[general]\ncountry=" + country + "\n[" + country
                + "]\ndescription = " + name + "\ndial = 425\nbusy = 425/500,0/500\nring = 425/1000,0/4000\n");
        Files.writeString(d.resolve("manager.conf"), "[general]\nenabled = yes\nport = 0\nbindaddr = 127.0.0.1\n");
        return d;
    }

    @Test
    void twoPbxsInOneJvmShareNothing() throws Exception {
        try (TestPbx a = new TestPbx(confDir("a", "it")); TestPbx b = new TestPbx(confDir("b", "de"))) {
            assertThat(SoundLibrary.of(a.pbx).directory()).isNotEqualTo(SoundLibrary.of(b.pbx).directory());
            assertThat(SoundLibrary.of(a.pbx).directory().toString()).contains("data-a");
            assertThat(Indications.of(a.pbx).defaultCountry()).isEqualTo("it");
            assertThat(Indications.of(b.pbx).defaultCountry()).isEqualTo("de");

            ManagerModule ma = ManagerModule.of(a.pbx);
            ManagerModule mb = ManagerModule.of(b.pbx);
            assertThat(ma).isNotNull().isNotSameAs(mb);
            assertThat(ma.port()).isNotEqualTo(mb.port());

            a.pbx.globals().put("ONLY_A", "1");
            assertThat(b.pbx.globals()).doesNotContainKey("ONLY_A");
            assertThat(a.pbx.scheduler()).isNotSameAs(b.pbx.scheduler());

            AtomicInteger stopsA = new AtomicInteger();
            ShutdownRequests.register(a.pbx, stopsA::incrementAndGet);
            assertThat(ShutdownRequests.request(b.pbx)).as("b has no owner").isFalse();
            assertThat(ShutdownRequests.request(a.pbx)).isTrue();
            assertThat(stopsA.get()).isEqualTo(1);

            a.pbx.shutdown();
            assertThat(ManagerModule.of(a.pbx)).as("a's Manager unloaded").isNull();
            assertThat(ManagerModule.of(b.pbx)).isSameAs(mb);
            assertThat(mb.listening()).isTrue();
        }
    }

    @Test
    void unloadingAModuleInOnePbxLeavesTheOtherItsApplication() throws Exception {
        try (TestPbx a = new TestPbx(confDir("a", "it")); TestPbx b = new TestPbx(confDir("b", "de"))) {
            a.dialplan("[in-a]\nexten => s,1,UserEvent(FromA)\n same => n,Verbose(1,a went on)\n");
            b.dialplan("[in-b]\nexten => s,1,UserEvent(FromB)\n same => n,Verbose(1,b went on)\n");
            assertThat(a.pbx.dialplan().context("in-b")).isNull();

            assertThat(a.pbx.modules().unload("app_userevent")).isEqualTo("Unloaded app_userevent");
            assertThat(a.pbx.modules().application("UserEvent")).isNull();
            assertThat(b.pbx.modules().application("UserEvent")).isNotNull();
            assertThat(b.pbx.modules().state("app_userevent").status()).isEqualTo(ModuleState.Status.RUNNING);

            run(a, "in-a");
            run(b, "in-b");
            assertThat(a.said("No application 'UserEvent' for extension (in-a, s, 1)")).hasSize(1);
            assertThat(a.said("a went on")).isEmpty();
            assertThat(b.said("b went on")).hasSize(1);
            assertThat(b.said("No application")).isEmpty();
        }
    }

    @Test
    void aLineOfOnePbxsChannelReachesOnlyThatPbxsSinks() throws Exception {
        try (TestPbx a = new TestPbx(confDir("a", "it")); TestPbx b = new TestPbx(confDir("b", "de"))) {
            List<String> onlyA = new CopyOnWriteArrayList<>();
            List<String> onlyB = new CopyOnWriteArrayList<>();
            a.pbx.log().addSink(l -> onlyA.add(l.text()));
            b.pbx.log().addSink(l -> onlyB.add(l.text()));
            a.dialplan("[x]\nexten => s,1,Verbose(1,hello from a)\n same => n,Log(WARNING,careful in a)\n same => n,Wait(0)\n");
            b.dialplan("[x]\nexten => s,1,Verbose(1,hello from b)\n");

            Channel onA = a.pbx.allocChannel("Test/a-1", new ChannelTech() {}, null);
            onA.setLocation("x", "s", 1);
            a.pbx.startPbx(onA);   // its own virtual thread, as a call's
            await().until(() -> onlyA.stream().anyMatch(l -> l.contains("careful in a")));
            assertThat(onlyA).anyMatch(l -> l.equals(" hello from a"));
            assertThat(a.log).anyMatch(l -> l.contains("WARNING[") && l.endsWith(": careful in a"));
            assertThat(onlyB).noneMatch(l -> l.contains("from a") || l.contains("careful in a"));
            assertThat(b.log).noneMatch(l -> l.contains("from a") || l.contains("careful in a"));

            // each PBX has its own verbose level: `core set verbose 0` on b silences b only
            b.pbx.log().setVerbose(0);
            run(b, "x");
            run(a, "x");
            assertThat(onlyB).noneMatch(l -> l.contains("hello from b"));
            assertThat(onlyA.stream().filter(l -> l.equals(" hello from a"))).hasSize(2);
            assertThat(a.pbx.log().verbose()).isEqualTo(3);
        }
    }

    private static void run(TestPbx t, String context) {
        Channel c = t.channel("Test/run");
        c.setLocation(context, "s", 1);
        t.pbx.runPbx(c);
    }
}
