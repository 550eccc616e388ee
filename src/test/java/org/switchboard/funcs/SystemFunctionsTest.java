package org.switchboard.funcs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Channel;
import org.switchboard.testing.TestPbx;

/**
 * SHELL (func_shell.c), ENV (func_env.c), SYSINFO (func_sysinfo.c) and VMCOUNT
 * (func_vmcount.c): a real /bin/sh, the real /proc, a real voicemail spool on disk.
 */
class SystemFunctionsTest {
    @TempDir Path dir;
    private TestPbx pbx;

    @AfterEach
    void stop() {
        if (pbx != null) pbx.close();
    }

    private static TestPbx fresh() {
        TestPbx t = new TestPbx();
        t.log.clear();
        return t;
    }

    /** A PBX whose config directory holds asterisk.conf with the given text. */
    private TestPbx pbxWith(String asteriskConf) throws IOException {
        Path conf = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(conf.resolve("asterisk.conf"), asteriskConf);
        TestPbx t = new TestPbx(conf);
        t.log.clear();
        return t;
    }

    // ---- SHELL ----

    @Test
    void shellReturnsTheOutputWithItsLineBreak() {
        pbx = fresh();
        Channel c = pbx.channel();
        assertThat(pbx.eval(c, "${SHELL(echo bar)}")).isEqualTo("bar\n");
        assertThat(pbx.eval(c, "${SHELL(printf 'a b'; echo; echo c)}")).isEqualTo("a b\nc\n");
        assertThat(pbx.eval(c, "[${SHELL(true)}]")).isEqualTo("[]");
        assertThat(pbx.eval(c, "${SHELL(echo grüße)}")).isEqualTo("grüße\n");
        assertThat(pbx.eval(c, "${SHELL(cat)}")).as("stdin is at end of file").isEmpty();
        assertThat(pbx.eval(c, "${SHELL(echo oops >&2; exit 3)}")).as("exit status does not matter").isEmpty();
        assertThat(pbx.logLines("WARNING")).isEmpty();
    }

    @Test
    void shellOutputIsCutAt4095BytesWithoutBlockingTheCommand() {
        pbx = fresh();
        String out = pbx.eval(pbx.channel(), "${SHELL(yes x | head -c 200000)}");
        assertThat(out).hasSize(4095).matches("(x\n)+x");
    }

    @Test
    void shellWithoutACommandIsAWarning() {
        pbx = fresh();
        assertThat(pbx.eval(pbx.channel(), "[${SHELL()}]")).isEqualTo("[]");
        assertThat(pbx.said("Missing Argument!  Example:  Set(foo=${SHELL(echo \"bar\")})")).singleElement()
                .satisfies(l -> assertThat(l).contains("WARNING", "func_shell.c"));
    }

    @Test
    void aCommandThatNeverExitsIsStoppedAndTheCallGoesOn() throws IOException {
        pbx = pbxWith("[options]\nshelltimeout = 1\n");
        String marker = "sleep 6" + ProcessHandle.current().pid() % 1000 + "7";
        long t0 = System.nanoTime();
        pbx.runDialplan("""
                [t]
                exten => s,1,Set(OUT=${SHELL(%s && echo never)})
                 same => n,Verbose(1,@ after shell [${OUT}])
                """.formatted(marker + " & " + marker), "Test/shell", "t", "s");
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(pbx.path()).containsExactly("@ after shell []");
        assertThat(took).isLessThan(Duration.ofSeconds(20));
        assertThat(pbx.said("did not finish within 1 s")).singleElement()
                .satisfies(l -> assertThat(l).contains("WARNING", "func_shell.c", marker));
        // the shell and both sleeps it started are gone
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<ProcessHandle> left;
        do {
            left = ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(marker)).toList();
        } while (!left.isEmpty() && System.nanoTime() < deadline);
        assertThat(left).isEmpty();
    }

    // ---- ENV ----

    @Test
    void envReadsTheProcessEnvironmentAndKeepsWritesForThisPbx() {
        pbx = fresh();
        Channel c = pbx.channel();
        assertThat(pbx.eval(c, "${ENV(PATH)}")).isEqualTo(System.getenv("PATH"));
        assertThat(pbx.eval(c, "[${ENV(SWITCHBOARD_SURELY_UNSET_14)}]")).isEqualTo("[]");
        pbx.pbx.vars().set(c, "ENV(SB_GREETING)", "hello there");
        assertThat(pbx.eval(c, "${ENV(SB_GREETING)}")).isEqualTo("hello there");
        assertThat(pbx.eval(c, "${SHELL(echo \"$SB_GREETING\")}")).isEqualTo("hello there\n");
        pbx.pbx.vars().set(c, "ENV(SB_GREETING)", "");
        assertThat(pbx.eval(c, "[${ENV(SB_GREETING)}][${SHELL(printenv SB_GREETING || echo unset)}]")).isEqualTo("[][unset\n]");
        pbx.pbx.vars().set(c, "ENV(HOME)", "");
        assertThat(pbx.eval(c, "[${ENV(HOME)}]")).isEqualTo("[]");
        pbx.pbx.vars().set(c, "ENV(AST_RESERVED)", "no");
        assertThat(pbx.eval(c, "[${ENV(AST_RESERVED)}]")).isEqualTo("[]");
        assertThat(System.getenv("SB_GREETING")).isNull();
        try (TestPbx other = new TestPbx()) {
            pbx.pbx.vars().set(c, "ENV(SB_GREETING)", "mine");
            assertThat(other.eval("[${ENV(SB_GREETING)}]")).as("another PBX in the JVM").isEqualTo("[]");
        }
    }

    // ---- SYSINFO ----

    @Test
    void sysinfoReportsTheMachine() {
        pbx = fresh();
        Channel c = pbx.channel();
        assertThat(pbx.eval(c, "${SYSINFO(loadavg)}")).matches("\\d+\\.\\d{6}");
        assertThat(pbx.eval(c, "${SYSINFO(numcalls)}")).isEqualTo("0");
        if (Files.isReadable(Path.of("/proc/meminfo"))) {
            for (String p : List.of("uptime", "totalram", "freeram", "bufferram", "totalswap", "freeswap", "numprocs")) {
                assertThat(pbx.eval(c, "${SYSINFO(" + p + ")}")).as(p).matches("\\d+");
            }
            assertThat(Long.parseLong(pbx.eval(c, "${SYSINFO(TotalRam)}"))).isGreaterThan(1024);
            assertThat(Long.parseLong(pbx.eval(c, "${SYSINFO(numprocs)}"))).isGreaterThan(1);
        }
        assertThat(pbx.logLines("WARNING")).isEmpty();
        assertThat(pbx.eval(c, "[${SYSINFO()}][${SYSINFO(cpus)}]")).isEqualTo("[][]");
        assertThat(pbx.said("Syntax: ${SYSINFO(<parameter>)} - missing argument!)")).hasSize(1);
        assertThat(pbx.said("Unknown sysinfo parameter type 'cpus'.")).singleElement()
                .satisfies(l -> assertThat(l).contains("ERROR", "func_sysinfo.c"));
    }

    // ---- VMCOUNT ----

    @Test
    void vmcountCountsMessagesInTheVoicemailSpool() throws IOException {
        pbx = pbxWith("[directories]\nastspooldir => ../spool\n");
        Path vm = dir.resolve("spool/voicemail");
        touch(vm.resolve("default/100/INBOX"), "msg0000.txt", "msg0000.wav", "msg0001.txt", "MSG0002.TXT", "greet.txt");
        touch(vm.resolve("default/100/Urgent"), "msg0000.txt");
        touch(vm.resolve("default/100/Old"), "msg0000.txt", "msg0001.txt");
        touch(vm.resolve("sales/200/INBOX"), "msg0000.txt");
        Channel c = pbx.channel();
        assertThat(pbx.eval(c, "${VMCOUNT(100)}")).as("INBOX and Urgent").isEqualTo("4");
        assertThat(pbx.eval(c, "${VMCOUNT(100@default,Old)}")).isEqualTo("2");
        assertThat(pbx.eval(c, "${VMCOUNT(100@default&200@sales)}")).isEqualTo("5");
        assertThat(pbx.eval(c, "${VMCOUNT(100@default&&999)}")).isEqualTo("4");
        assertThat(pbx.eval(c, "${VMCOUNT(999@nowhere)}")).isEqualTo("0");
        assertThat(pbx.eval(c, "[${VMCOUNT()}][${VMCOUNT(,INBOX)}]")).isEqualTo("[][]");
        assertThat(pbx.logLines("WARNING")).isEmpty();
    }

    @Test
    void vmcountWithoutASpoolIsZero() {
        pbx = fresh();
        assertThat(pbx.eval(pbx.channel(), "${VMCOUNT(nobody-14@nowhere)}")).isEqualTo("0");
    }

    private static void touch(Path folder, String... names) throws IOException {
        Files.createDirectories(folder);
        for (String n : names) Files.writeString(folder.resolve(n), "x");
    }
}
