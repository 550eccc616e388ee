package org.switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
