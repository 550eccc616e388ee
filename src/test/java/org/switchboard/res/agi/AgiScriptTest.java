package org.switchboard.res.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Channel;
import org.switchboard.core.Frame;
import org.switchboard.media.codec.G711;
import org.switchboard.core.HangupCause;
import org.switchboard.media.sound.SoundFixture;
import org.switchboard.res.astdb.AstDb;
import org.switchboard.testing.TestPbx;

/** AGI(script) with real Python scripts: the conversation, and scripts that are missing, broken or hostile. */
class AgiScriptTest {
    @TempDir Path tmp;
    private Path bin;
    private SoundFixture sounds;
    private TestPbx t;

    @BeforeEach
    void setUp() throws IOException {
        bin = Files.createDirectories(tmp.resolve("agi-bin"));
        sounds = new SoundFixture(tmp);
        sounds.prompt("beep", 1000, 100);
    }

    @AfterEach
    void tearDown() {
        if (t != null) t.close();
    }

    /** A PBX whose dialplan runs {@code app} at ctx,s,1 and then says @after (with AGISTATUS). */
    private Channel run(String app) {
        t = sounds.pbx("""
                [ctx]
                exten => s,1,Set(GREETING=hello)
                 same => n,%s
                 same => n,Verbose(1,@after ${AGISTATUS})
                """.formatted(app));
        Channel c = t.channel("Test/agi");
        c.setLocation("ctx", "s", 1);
        t.pbx.runPbx(c);
        return c;
    }

    @Test
    void aPythonScriptReadsTheEnvironmentAndDrivesTheChannel() {
        Path script = AgiScripts.install(bin, "hello.py", true);
        Channel c = run("AGI(" + script + ",first,second arg)");
        assertThat(t.path()).containsExactly("@after SUCCESS");
        assertThat(c.getVar("R1")).isEqualTo("200 result=1 (hello)");
        assertThat(c.getVar("R2")).isEqualTo("200 result=1");
        assertThat(c.getVar("FROM_SCRIPT")).isEqualTo("set by python");
        assertThat(c.getVar("R3")).isEqualTo("200 result=1");
        assertThat(c.getVar("R4")).isEqualTo("200 result=1 (value1)");
        assertThat(c.getVar("R5")).isEqualTo("200 result=0 endpos=800");   // 100 ms at 8 kHz, played to its end
        assertThat(c.getVar("R6")).isEqualTo("200 result=1 (hello-s)");
        assertThat(c.getVar("R7")).isEqualTo("200 result=0");
        assertThat(c.getVar("R8")).isEqualTo("200 result=1");
        assertThat(AstDb.of(t.pbx).get("agitest", "key1")).isEqualTo("value1");
        assertThat(t.said("hello from python")).singleElement().asString().contains(script + ",first,second arg: hello from python");
        assertThat(c.getVar("ENV_AGI_REQUEST")).isEqualTo(script.toString());
        assertThat(c.getVar("ENV_AGI_CHANNEL")).isEqualTo(c.name());
        assertThat(c.getVar("ENV_AGI_TYPE")).isEqualTo("Test");
        assertThat(c.getVar("ENV_AGI_CONTEXT")).isEqualTo("ctx");
        assertThat(c.getVar("ENV_AGI_EXTENSION")).isEqualTo("s");
        assertThat(c.getVar("ENV_AGI_PRIORITY")).isEqualTo("2");
        assertThat(c.getVar("ENV_AGI_ARG_1")).isEqualTo("first");
        assertThat(c.getVar("ENV_AGI_ARG_2")).isEqualTo("second arg");
        assertThat(c.getVar("ENV_AGI_ENHANCED")).isEqualTo("0.0");
        assertThat(c.getVar("ENV_AGI_VERSION")).isEqualTo("20.0.0");
        assertThat(c.getVar("ENV_AGI_CALLERID")).isEqualTo("unknown");
        assertThat(t.logLines("Launched AGI Script " + script)).hasSize(1);
    }

    @Test
    void aScriptNamedWithoutAPathIsFoundInTheAgiFolderAndEagiSaysItIsEnhanced() throws IOException {
        Files.writeString(sounds.confDir.resolve("asterisk.conf"), Files.readString(sounds.confDir.resolve("asterisk.conf"))
                + "astagidir => " + bin + "\n");
        AgiScripts.install(bin, "hello.py", true);
        Channel c = run("EAGI(hello.py)");
        assertThat(t.path()).containsExactly("@after SUCCESS");
        assertThat(c.getVar("ENV_AGI_ENHANCED")).isEqualTo("1.0");
        assertThat(c.getVar("ENV_AGI_REQUEST")).isEqualTo("hello.py");
    }

    /** Starts {@code app} on its own thread, so the test can feed the channel while the script runs. */
    private Channel start(String app) {
        t = sounds.pbx("""
                [ctx]
                exten => s,1,%s
                 same => n,Verbose(1,@after ${AGISTATUS})
                """.formatted(app));
        Channel c = t.channel("Test/eagi");
        c.setLocation("ctx", "s", 1);
        t.pbx.startPbx(c);
        return c;
    }

    private static Frame.VoiceFrame ulaw(double freq) {
        short[] pcm = SoundFixture.sine(freq, 20, 8000);
        byte[] out = new byte[pcm.length];
        for (int i = 0; i < pcm.length; i++) out[i] = G711.linearToUlaw(pcm[i]);
        return new Frame.VoiceFrame("ulaw", out, pcm.length);
    }

    @Test
    void eagiGivesTheScriptTheCallersAudioOnFd3AsSignedLinear() {
        Path script = AgiScripts.install(bin, "eagi_tone.py", true);
        Channel c = start("EAGI(" + script + ")");
        await().atMost(Duration.ofSeconds(10)).until(() -> "1".equals(c.getVar("EAGI_READY")));
        for (int i = 0; i < 40; i++) c.queueFrame(ulaw(1000));   // 0.8 s of a 1000 Hz tone, G.711 as a phone sends it
        await().atMost(Duration.ofSeconds(10)).until(() -> t.path().contains("@after SUCCESS"));
        assertThat(c.getVar("EAGI_BYTES")).isEqualTo("8000");
        assertThat(c.getVar("EAGI_HEARD")).isEqualTo("1000");
    }

    @Test
    void anEagiScriptThatNeverReadsFd3NeitherBlocksTheCallNorKeepsTheAudio() {
        Path script = AgiScripts.install(bin, "eagi_deaf.py", true);
        long pipesBefore = eagiPipes();
        Channel c = start("EAGI(" + script + ")");
        await().atMost(Duration.ofSeconds(10)).until(() -> "1".equals(c.getVar("EAGI_READY")));
        long t0 = System.nanoTime();
        for (int i = 0; i < 20_000; i++) c.queueFrame(ulaw(440)); // 400 s of audio: far past the pipe and the queue
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("queueing frames never waits for the script").isLessThan(Duration.ofSeconds(5));
        c.setVar("FLOOD_DONE", "1");
        await().atMost(Duration.ofSeconds(10)).until(() -> t.path().contains("@after SUCCESS"));
        assertThat(eagiPipes()).as("the audio pipe is removed").isEqualTo(pipesBefore);
    }

    private static long eagiPipes() {
        try (var dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("eagi-")).filter(d -> Files.exists(d.resolve("audio"))).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void onlyEagiOpensFd3() {
        Path script = AgiScripts.install(bin, "fd3.py", true);
        Channel agi = run("AGI(" + script + ")");
        assertThat(agi.getVar("FD3")).isEqualTo("closed");
        t.close();
        Channel eagi = run("EAGI(" + script + ")");
        assertThat(eagi.getVar("FD3")).isEqualTo("open");
        assertThat(t.path()).containsExactly("@after SUCCESS");
    }

    @Test
    void anEagiScriptThatIsNotExecutableFailsAsAgiDoes() {
        Path script = AgiScripts.install(bin, "eagi_tone.py", false);
        run("EAGI(" + script + ")");
        assertThat(t.path()).containsExactly("@after FAILURE");
        assertThat(t.logLines("Failed to execute '" + script + "': Permission denied")).hasSize(1);
    }

    @Test
    void aMissingScriptIsNotFoundAndTheCallGoesOn() {
        Channel c = run("AGI(" + bin.resolve("nope.py") + ")");
        assertThat(t.path()).containsExactly("@after NOTFOUND");
        assertThat(t.logLines("Failed to execute '" + bin.resolve("nope.py") + "': File does not exist.")).hasSize(1);
        assertThat(c.getVar("AGISTATUS")).isEqualTo("NOTFOUND");
    }

    @Test
    void aScriptThatIsNotExecutableFails() {
        Path script = AgiScripts.install(bin, "hello.py", false);
        run("AGI(" + script + ")");
        assertThat(t.path()).containsExactly("@after FAILURE");
        assertThat(t.logLines("Failed to execute '" + script + "': Permission denied")).hasSize(1);
    }

    @Test
    void aScriptThatExitsWithAnErrorStatusFails() {
        Path script = AgiScripts.install(bin, "exit1.py", true);
        run("AGI(" + script + ")");
        assertThat(t.path()).containsExactly("@after FAILURE");
    }

    @Test
    void garbageIsAnsweredAsAsteriskDoesAndTheScriptCarriesOn() {
        Path script = AgiScripts.install(bin, "garbage.py", true);
        Channel c = run("AGI(" + script + ")");
        assertThat(t.path()).containsExactly("@after SUCCESS");
        // HELLO WORLD, binary, empty, GET, stream, STREAM FILE (usage), "unclosed quote, SAY NUMBER x (usage), blanks, NOOP
        assertThat(c.getVar("GARBAGE")).isEqualTo("510,510,510,510,510,520-,510,520-,510,200");
    }

    @Test
    void aMegabyteWithoutALineFeedEndsTheScriptNotThePbx() {
        Path script = AgiScripts.install(bin, "flood.py", true);
        long start = System.nanoTime();
        run("AGI(" + script + ")");
        assertThat(t.path()).containsExactly("@after FAILURE");
        assertThat(t.logLines("sent a line longer than 8192 bytes")).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(t.eval("${EPOCH}")).isNotEmpty();   // the PBX still answers
    }

    @Test
    void aScriptThatHangsEndsWithTheCallAndIsGone() throws Exception {
        Path script = AgiScripts.install(bin, "hang.py", true);
        Path pidFile = tmp.resolve("hang.pid");
        long pid = hangUpWhileRunning("AGI(" + script + "," + pidFile + ")", pidFile);
        assertThat(t.path()).isEmpty();   // a hangup ends the dialplan
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    }

    @Test
    void aScriptThatIgnoresSighupIsKilledAfterTheGrace() throws Exception {
        Path script = AgiScripts.install(bin, "deaf.py", true);
        Path pidFile = tmp.resolve("deaf.pid");
        long pid = hangUpWhileRunning("AGI(" + script + "," + pidFile + ")", pidFile);
        assertThat(t.logLines("still running 300 ms after the hangup: ending it")).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    }

    /** Starts the call, waits for the script to write its pid, hangs up, waits for the dialplan to end. */
    private long hangUpWhileRunning(String app, Path pidFile) throws Exception {
        t = sounds.pbx("""
                [ctx]
                exten => s,1,%s
                 same => n,Verbose(1,@after ${AGISTATUS})
                """.formatted(app));
        Agi.of(t.pbx).setSettings(Agi.of(t.pbx).settings().withHangupGraceMs(300));
        Channel c = t.channel("Test/agi");
        c.setLocation("ctx", "s", 1);
        Thread th = t.pbx.startPbx(c);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(pidFile) && Files.size(pidFile) > 0);
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
        c.softHangup(HangupCause.NORMAL_CLEARING);
        th.join(Duration.ofSeconds(10));
        assertThat(th.isAlive()).isFalse();
        assertThat(c.getVar("AGISTATUS")).isEqualTo("HANGUP");
        return pid;
    }

    @Test
    void afterAHangupTheScriptGetsSighupAndOnlyDeadSafeCommandsRun() throws Exception {
        Path script = AgiScripts.install(bin, "hangup.py", true);
        t = sounds.pbx("""
                [ctx]
                exten => s,1,AGI(%s)
                """.formatted(script));
        Agi.of(t.pbx).setDebug(true);
        Channel c = t.channel("Test/agi");
        c.setLocation("ctx", "s", 1);
        Thread th = t.pbx.startPbx(c);
        await().atMost(Duration.ofSeconds(10)).until(() -> !t.logLines("AGI Rx << WAIT FOR DIGIT -1").isEmpty());
        c.softHangup(HangupCause.NORMAL_CLEARING);
        th.join(Duration.ofSeconds(10));
        assertThat(c.getVar("WAIT_ANSWER")).isEqualTo("200 result=-1");
        assertThat(c.getVar("DEAD_ANSWER")).isEqualTo("511 Command Not Permitted on a dead channel or intercept routine");
        assertThat(c.getVar("GOT_SIGHUP")).isEqualTo("yes");
        assertThat(c.getVar("AGISTATUS")).isEqualTo("HANGUP");
    }

    @Test
    void deadAgiInTheHExtensionWarnsAndRunsDead() {
        Path script = AgiScripts.install(bin, "dead.py", true);
        t = sounds.pbx("""
                [ctx]
                exten => s,1,Set(GREETING=bye)
                 same => n,Hangup()
                exten => h,1,DeadAGI(%s)
                """.formatted(script));
        Channel c = t.channel("Test/agi");
        c.setLocation("ctx", "s", 1);
        t.pbx.runPbx(c);
        assertThat(t.logLines("DeadAGI has been deprecated, please use AGI in all cases!")).hasSize(1);
        assertThat(c.getVar("IN_H_STREAM")).isEqualTo("511 Command Not Permitted on a dead channel or intercept routine");
        assertThat(c.getVar("IN_H_GET")).isEqualTo("200 result=1 (bye)");
        assertThat(c.getVar("AGISTATUS")).isEqualTo("SUCCESS");
    }
}
