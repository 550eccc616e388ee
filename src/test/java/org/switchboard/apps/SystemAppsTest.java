package org.switchboard.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Channel;
import org.switchboard.core.HangupCause;
import org.switchboard.testing.TestPbx;

/** System and TrySystem: SYSTEMSTATUS as app_system sets it, and a command that never exits ends with the call. */
class SystemAppsTest {
    @TempDir Path tmp;
    private TestPbx t;

    @BeforeEach
    void start() { t = new TestPbx(); }

    @AfterEach
    void stop() { t.close(); }

    private Channel run(String body) {
        return t.runDialplan("[ctx]\n" + body, "Test/system", "ctx", "s");
    }

    @Test
    void exitStatusesBecomeSystemStatus() {
        run("""
                exten => s,1,TrySystem(true)
                 same => n,Verbose(1,@ok ${SYSTEMSTATUS})
                 same => n,TrySystem(exit 3)
                 same => n,Verbose(1,@three ${SYSTEMSTATUS})
                 same => n,TrySystem(/no/such/command here)
                 same => n,Verbose(1,@missing ${SYSTEMSTATUS})
                 same => n,TrySystem()
                 same => n,Verbose(1,@empty ${SYSTEMSTATUS})
                 same => n,System(false)
                 same => n,Verbose(1,@system-apperror ${SYSTEMSTATUS})
                """);
        assertThat(t.path()).containsExactly("@ok SUCCESS", "@three APPERROR", "@missing FAILURE", "@empty FAILURE",
                "@system-apperror APPERROR");
        assertThat(t.said("Unable to execute '/no/such/command here'")).hasSize(1);
        assertThat(t.said("System requires an argument(command)")).hasSize(1);
    }

    @Test
    void systemEndsTheCallWhenTheCommandCannotRun() {
        run("""
                exten => s,1,System(/no/such/command)
                 same => n,Verbose(1,@never)
                exten => h,1,Verbose(1,@h ${SYSTEMSTATUS})
                """);
        assertThat(t.path()).containsExactly("@h FAILURE");
    }

    @Test
    void theCommandRunsInAShellWithEscapesDecodedAndQuotesDropped() throws Exception {
        Path out = tmp.resolve("out.txt");
        run("""
                exten => s,1,System(echo 'A\\x42 c\\td' > %s)
                 same => n,Verbose(1,@first ${SYSTEMSTATUS})
                 same => n,System("true")
                 same => n,Verbose(1,@quoted ${SYSTEMSTATUS})
                """.formatted(out));
        assertThat(t.path()).containsExactly("@first SUCCESS", "@quoted SUCCESS");
        assertThat(Files.readString(out)).isEqualTo("AB c\td\n");
        assertThat(t.said("It is not necessary to quote the argument to the System application.")).hasSize(1);
    }

    @Test
    void escapesFollowAsterisk() {
        assertThat(ShellCommand.decodeEscapes("a\\nb\\tc\\x41\\x4a\\101\\q")).isEqualTo("a\nb\tcAJ\\101q".replace("\\101", "101"));
        assertThat(ShellCommand.decodeEscapes("x\\0101y")).isEqualTo("xAy");
        assertThat(ShellCommand.decodeEscapes("stop\\x00here")).isEqualTo("stop");
        assertThat(ShellCommand.decodeEscapes("bad\\xzz")).isEqualTo("bad");
        assertThat(ShellCommand.decodeEscapes("plain text")).isEqualTo("plain text");
    }

    @Test
    void aCommandThatNeverExitsIsKilledWhenTheCallHangsUp() throws Exception {
        Path pids = tmp.resolve("pids");
        assertThat(t.dialplan("""
                [ctx]
                exten => s,1,System(sleep 600 & echo $! > %s \\; wait)
                 same => n,Verbose(1,@never)
                exten => h,1,Verbose(1,@h)
                """.formatted(pids))).isEmpty();
        Channel c = t.channel("Test/system");
        c.setLocation("ctx", "s", 1);
        Thread th = t.pbx.startPbx(c);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(pids) && !Files.readString(pids).isBlank());
        long sleeper = Long.parseLong(Files.readString(pids).strip());
        assertThat(ProcessHandle.of(sleeper).map(ProcessHandle::isAlive)).contains(true);

        c.softHangup(HangupCause.NORMAL_CLEARING);
        th.join(Duration.ofSeconds(5));
        assertThat(th.isAlive()).as("the hangup ended the wait").isFalse();
        assertThat(t.path()).containsExactly("@h");
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(sleeper).map(h -> !h.isAlive()).orElse(true));
        Optional<ProcessHandle> left = ProcessHandle.of(sleeper);
        assertThat(left.map(ProcessHandle::isAlive).orElse(false)).as("the command's child was killed too").isFalse();
    }
}
