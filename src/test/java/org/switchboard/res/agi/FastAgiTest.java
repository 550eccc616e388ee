package org.switchboard.res.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Channel;
import org.switchboard.core.HangupCause;
import org.switchboard.media.sound.SoundFixture;
import org.switchboard.res.astdb.AstDb;
import org.switchboard.testing.TestPbx;

/** AGI(agi://...) against asterisk-java's FastAGI server, and against servers that misbehave. */
class FastAgiTest {
    @TempDir Path tmp;
    private SoundFixture sounds;
    private TestPbx t;
    private final Map<String, Object> seen = new ConcurrentHashMap<>();

    @BeforeEach
    void setUp() throws IOException {
        sounds = new SoundFixture(tmp);
        sounds.prompt("beep", 1000, 100);
    }

    @AfterEach
    void tearDown() {
        if (t != null) t.close();
    }

    private Channel call(String dialplan) {
        t = sounds.pbx(dialplan);
        Channel c = t.channel("Test/fastagi");
        c.setLocation("ctx", "s", 1);
        return c;
    }

    @Test
    void asteriskJavasServerRunsAScriptOnTheCall() throws Exception {
        AgiScript hello = (AgiRequest request, AgiChannel channel) -> {
            seen.put("script", request.getScript());
            seen.put("args", String.join("|", request.getArguments()));
            seen.put("context", request.getContext());
            seen.put("channel", request.getChannel());
            seen.put("greeting", channel.getVariable("GREETING"));
            seen.put("unset", String.valueOf(channel.getVariable("NOT_SET_ANYWHERE")));
            channel.setVariable("FROM_FASTAGI", "hi from java");
            seen.put("stream", (int) channel.streamFile("beep", "#"));
            channel.databasePut("fastagi", "visits", "1");
            seen.put("db", channel.databaseGet("fastagi", "visits"));
            seen.put("full", channel.getFullVariable("${GREETING}@${CONTEXT}"));
            seen.put("status", channel.getChannelStatus());
        };
        try (FastAgiServerFixture server = new FastAgiServerFixture(hello)) {
            Channel c = call("""
                    [ctx]
                    exten => s,1,Set(GREETING=hello)
                     same => n,AGI(agi://127.0.0.1:%d/hello?lang=en,one,two)
                     same => n,Verbose(1,@after ${AGISTATUS} ${FROM_FASTAGI})
                    """.formatted(server.port));
            t.pbx.runPbx(c);
            assertThat(t.path()).containsExactly("@after SUCCESS hi from java");
        }
        assertThat(seen).containsEntry("script", "hello").containsEntry("args", "one|two").containsEntry("context", "ctx")
                .containsEntry("greeting", "hello").containsEntry("unset", "null").containsEntry("stream", 0)
                .containsEntry("db", "1").containsEntry("full", "hello@ctx").containsEntry("status", 0);
        assertThat(AstDb.of(t.pbx).get("fastagi", "visits")).isEqualTo("1");
    }

    @Test
    void aHangupEndsAsteriskJavasScript() throws Exception {
        CopyOnWriteArrayList<String> events = new CopyOnWriteArrayList<>();
        AgiScript waiter = (AgiRequest request, AgiChannel channel) -> {
            events.add("waiting");
            try {
                channel.waitForDigit(-1);
                events.add("greeting " + channel.getVariable("GREETING"));   // allowed on a dead channel
                channel.streamFile("beep");   // not allowed: 511, which asterisk-java reports as a hangup
                events.add("still streaming");
            } catch (AgiHangupException e) {
                events.add("hangup");
            } catch (AgiException | RuntimeException e) {
                events.add(e.toString());
            }
        };
        try (FastAgiServerFixture server = new FastAgiServerFixture(waiter)) {
            Channel c = call("""
                    [ctx]
                    exten => s,1,Set(GREETING=hello)
                     same => n,AGI(agi://127.0.0.1:%d/wait)
                     same => n,Verbose(1,@after)
                    """.formatted(server.port));
            Thread th = t.pbx.startPbx(c);
            await().atMost(Duration.ofSeconds(10)).until(() -> events.contains("waiting"));
            await().atMost(Duration.ofSeconds(10)).until(() -> "AGI".equals(c.application()));
            c.softHangup(HangupCause.NORMAL_CLEARING);
            th.join(Duration.ofSeconds(10));
            assertThat(th.isAlive()).isFalse();
            assertThat(c.getVar("AGISTATUS")).isEqualTo("HANGUP");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events).contains("hangup"));
            assertThat(t.path()).isEmpty();
            assertThat(events).containsExactly("waiting", "greeting hello", "hangup");
        }
    }

    @Test
    void aHangupIsAHangupLineToTheServer() throws Exception {
        CopyOnWriteArrayList<String> lines = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            Thread peer = Thread.ofVirtual().start(() -> {
                try (Socket s = server.accept();
                     var in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream()))) {
                    for (String l; (l = in.readLine()) != null; ) {
                        lines.add(l);
                        if (l.isEmpty()) s.getOutputStream().write("WAIT FOR DIGIT -1\n".getBytes());
                        if (l.equals("HANGUP")) break;
                    }
                } catch (IOException e) {
                    lines.add(e.toString());
                }
            });
            Channel c = call("""
                    [ctx]
                    exten => s,1,AGI(agi://127.0.0.1:%d)
                    """.formatted(server.getLocalPort()));
            Agi.of(t.pbx).setDebug(true);
            Thread th = t.pbx.startPbx(c);
            await().atMost(Duration.ofSeconds(10)).until(() -> !t.logLines("AGI Rx << WAIT FOR DIGIT -1").isEmpty());
            c.softHangup(HangupCause.NORMAL_CLEARING);
            peer.join(Duration.ofSeconds(10));
            th.join(Duration.ofSeconds(10));
            assertThat(lines).contains("agi_network: yes", "agi_request: agi://127.0.0.1:" + server.getLocalPort(), "")
                    .doesNotContain("agi_network_script: ");
            assertThat(lines.subList(lines.size() - 2, lines.size())).containsExactly("200 result=-1", "HANGUP");
            assertThat(t.logLines("AGI Tx >> HANGUP")).hasSize(1);
        }
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try (Socket s = silent.accept(); InputStream in = s.getInputStream()) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());   // reads what it is sent, answers nothing
                } catch (IOException e) {
                    // closed by the PBX
                }
            });
            Channel c = call("""
                    [ctx]
                    exten => s,1,AGI(agi://127.0.0.1:%d/silence)
                     same => n,Verbose(1,@after ${AGISTATUS})
                    """.formatted(silent.getLocalPort()));
            Agi.of(t.pbx).setSettings(Agi.of(t.pbx).settings().withReadTimeoutMs(500));
            t.pbx.runPbx(c);
            assertThat(t.path()).containsExactly("@after FAILURE");
            assertThat(t.logLines("sent no command for 500 ms (agi.conf readtimeout): ending it")).hasSize(1);
            acceptor.join(Duration.ofSeconds(5));
            assertThat(acceptor.isAlive()).as("the PBX closed the connection").isFalse();
        }
    }

    @Test
    void aServerThatIsNotThereFailsAtOnce() {
        int port = FastAgiServerFixture.freePort();
        Channel c = call("""
                [ctx]
                exten => s,1,AGI(agi://127.0.0.1:%d/nobody)
                 same => n,Verbose(1,@after ${AGISTATUS})
                """.formatted(port));
        t.pbx.runPbx(c);
        assertThat(t.path()).containsExactly("@after FAILURE");
        assertThat(t.logLines("Connecting to '127.0.0.1:" + port + "' failed for url 'agi://127.0.0.1:" + port + "/nobody'")).hasSize(1);
    }

    @Test
    void aBadUriIsAFailureWithItsReason() {
        Channel c = call("""
                [ctx]
                exten => s,1,AGI(agi://127.0.0.1:99999/x)
                 same => n,Verbose(1,@after ${AGISTATUS})
                """);
        t.pbx.runPbx(c);
        assertThat(t.path()).containsExactly("@after FAILURE");
        assertThat(t.logLines("bad port '99999'")).hasSize(1);
    }

    @Test
    void agiExitOnHangupEndsAgiAtTheHangup() throws Exception {
        try (AgiCall call = new AgiCall(tmp, "[globals]\nAGIEXITONHANGUP=yes\n")) {
            assertThat(call.command("HANGUP")).isEqualTo("200 result=1");
            assertThat(call.agi.answer()).isEqualTo("HANGUP");
            assertThat(call.agi.answer()).as("the PBX closed the connection").isNull();
            call.end();
            assertThat(call.channel.getVar("AGISTATUS")).isEqualTo("HANGUP");
        }
    }

    @Test
    void agiSighupNoKeepsTheHangupLineBack() throws Exception {
        try (AgiCall call = new AgiCall(tmp, "[globals]\nAGISIGHUP=no\n")) {
            assertThat(call.command("HANGUP")).isEqualTo("200 result=1");
            assertThat(call.command("NOOP")).isEqualTo("200 result=0");
            assertThat(call.command("STREAM FILE beep \"\"")).startsWith("511 ");
            call.end();
            assertThat(call.t.logLines("AGI Tx >> HANGUP")).isEmpty();
        }
    }

    @Test
    void hagiTriesTheSrvTargetsInOrderUntilOneConnects() throws Exception {
        t = new TestPbx();
        int dead = FastAgiServerFixture.freePort();
        try (ServerSocket live = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            AgiTarget target = AgiTarget.parse("hagi://agi.example.com/script");
            AgiSettings settings = Agi.of(t.pbx).settings();
            FastAgiPeer peer = FastAgiPeer.connectSrv(target, settings, name -> {
                seen.put("looked up", name);
                return java.util.List.of(new SrvLookup.Target(1, 0, dead, "127.0.0.1"),
                        new SrvLookup.Target(2, 0, live.getLocalPort(), "127.0.0.1"));
            });
            assertThat(peer).isNotNull();
            peer.finish(false);
            assertThat(seen).containsEntry("looked up", "_agi._tcp.agi.example.com");
            assertThat(t.logLines("Connecting to '127.0.0.1:" + dead + "' failed for url 'hagi://agi.example.com/script'")).hasSize(1);
            assertThat(FastAgiPeer.connectSrv(target, settings, name -> java.util.List.of())).isNull();
            assertThat(t.logLines("SRV lookup failed for _agi._tcp.agi.example.com")).hasSize(1);
        }
    }

}
