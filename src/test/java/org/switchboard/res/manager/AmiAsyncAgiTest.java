package org.switchboard.res.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.AsyncAgiServer;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;
import org.switchboard.core.HangupCause;
import org.switchboard.res.astdb.AstDb;

/** AsyncAGI: AGI(agi:async) driven through the Manager, by a raw client and by asterisk-java's AsyncAgiServer. */
class AmiAsyncAgiTest {
    private static final String DIALPLAN = """
            [test]
            exten => async,1,Set(GREETING=hi)
             same => n,AGI(agi:async,one)
             same => n,Verbose(1,@after ${AGISTATUS} ${FROM_MANAGER})
            exten => plain,1,Wait(30)
            """;

    private static Channel start(ManagerFixture fx, String exten) {
        Channel c = fx.test.channel("Test/async");
        c.setLocation("test", exten, 1);
        fx.test.pbx.startPbx(c);
        return c;
    }

    private static String decode(String s) { return URLDecoder.decode(s, StandardCharsets.UTF_8); }

    @Test
    void commandsQueuedByTheManagerRunAndAnswerAsEvents() throws Exception {
        try (ManagerFixture fx = new ManagerFixture(ManagerFixture.GENERAL + ManagerFixture.ADMIN, DIALPLAN);
             AmiTestClient c = fx.loggedIn()) {
            Channel ch = start(fx, "async");
            Map<String, String> startEvent = c.readUntil("Event", "AsyncAGIStart");
            assertThat(startEvent).containsEntry("Channel", ch.name()).containsEntry("Context", "test");
            String env = decode(startEvent.get("Env"));
            assertThat(env).startsWith("agi_request: async\nagi_channel: " + ch.name() + "\n").contains("agi_arg_1: one\n")
                    .endsWith("\n\n");
            assertThat(startEvent.get("Env")).doesNotContain(" ", "\n", ":");   // URL encoded

            c.send("Action: AGI", "ActionID: a1", "Channel: " + ch.name(), "Command: GET VARIABLE GREETING", "CommandID: c1");
            assertThat(c.readResponse()).containsEntry("Response", "Success").containsEntry("ActionID", "a1")
                    .containsEntry("Message", "Added AGI command to queue");
            Map<String, String> exec = c.readUntil("Event", "AsyncAGIExec");
            assertThat(exec).containsEntry("CommandID", "c1").containsEntry("Result", "200%20result%3D1%20%28hi%29%0A");

            c.send("Action: AGI", "Channel: " + ch.name(), "Command: SET VARIABLE FROM_MANAGER \"set over AMI\"", "CommandID: c2");
            assertThat(c.readResponse()).containsEntry("Response", "Success");
            assertThat(decode(c.readUntil("Event", "AsyncAGIExec").get("Result"))).isEqualTo("200 result=1\n");

            c.send("Action: AGI", "Channel: " + ch.name(), "Command: STREAM FILE", "CommandID: c3");
            c.readResponse();
            assertThat(decode(c.readUntil("Event", "AsyncAGIExec").get("Result")))
                    .startsWith("520-Invalid command syntax.  Proper usage follows:\n").endsWith("520 End of proper usage.\n");

            c.send("Action: AGI", "Channel: " + ch.name(), "Command: ASYNCAGI BREAK", "CommandID: c4");
            c.readResponse();
            assertThat(c.readUntil("Event", "AsyncAGIExec")).containsEntry("CommandID", "c4").containsEntry("Result", "200%20result%3D0%0A");
            assertThat(c.readUntil("Event", "AsyncAGIEnd")).containsEntry("Channel", ch.name());
            await().atMost(Duration.ofSeconds(5)).until(() -> !fx.test.path().isEmpty());
            assertThat(fx.test.path()).containsExactly("@after SUCCESS set over AMI");
        }
    }

    @Test
    void theAgiActionRefusesChannelsThatAreNotInAsyncAgi() throws Exception {
        try (ManagerFixture fx = new ManagerFixture(ManagerFixture.GENERAL + ManagerFixture.ADMIN, DIALPLAN);
             AmiTestClient c = fx.loggedIn()) {
            c.send("Action: AGI", "Channel: Test/nobody", "Command: NOOP");
            assertThat(c.readResponse()).containsEntry("Response", "Error").containsEntry("Message", "Channel Test/nobody does not exist.");
            c.send("Action: AGI", "Command: NOOP");
            assertThat(c.readResponse()).containsEntry("Response", "Error").containsEntry("Message", "Channel not specified");
            Channel ch = start(fx, "plain");
            await().atMost(Duration.ofSeconds(5)).until(() -> "Wait".equals(ch.application()));
            c.send("Action: AGI", "Channel: " + ch.name());
            assertThat(c.readResponse()).containsEntry("Response", "Error").containsEntry("Message", "Command not specified");
            c.send("Action: AGI", "Channel: " + ch.name(), "Command: NOOP");
            assertThat(c.readResponse()).containsEntry("Response", "Error")
                    .containsEntry("Message", "Failed to add AGI command to queue. Did you use async agi?");
            ch.softHangup(HangupCause.NORMAL_CLEARING);
        }
    }

    @Test
    void aHangupEndsAsyncAgi() throws Exception {
        try (ManagerFixture fx = new ManagerFixture(ManagerFixture.GENERAL + ManagerFixture.ADMIN, DIALPLAN);
             AmiTestClient c = fx.loggedIn()) {
            Channel ch = start(fx, "async");
            c.readUntil("Event", "AsyncAGIStart");
            ch.softHangup(HangupCause.NORMAL_CLEARING);
            assertThat(c.readUntil("Event", "AsyncAGIEnd")).containsEntry("Channel", ch.name());
            await().atMost(Duration.ofSeconds(5)).until(ch::isDestroyed);
            assertThat(ch.getVar("AGISTATUS")).isEqualTo("HANGUP");
            assertThat(fx.test.path()).isEmpty();
        }
    }

    @Test
    void asteriskJavasAsyncAgiServerRunsAScriptOverTheManager() throws Exception {
        Map<String, Object> seen = new ConcurrentHashMap<>();
        AgiScript script = (AgiRequest request, AgiChannel channel) -> {
            seen.put("channel", request.getChannel());
            seen.put("greeting", channel.getVariable("GREETING"));
            channel.setVariable("FROM_MANAGER", "java");
            channel.databasePut("async", "seen", "yes");
        };
        try (ManagerFixture fx = new ManagerFixture(ManagerFixture.GENERAL + ManagerFixture.ADMIN, DIALPLAN)) {
            ManagerConnection m = new ManagerConnectionFactory("127.0.0.1", fx.port(), ManagerFixture.USER, ManagerFixture.SECRET)
                    .createManagerConnection();
            AsyncAgiServer server = new AsyncAgiServer(script);
            m.addEventListener(server);
            m.login();
            try {
                Channel ch = start(fx, "async");
                await().atMost(Duration.ofSeconds(10)).until(() -> !fx.test.path().isEmpty());
                assertThat(fx.test.path()).containsExactly("@after SUCCESS java");
                assertThat(seen).containsEntry("channel", ch.name()).containsEntry("greeting", "hi");
                assertThat(AstDb.of(fx.test.pbx).get("async", "seen")).isEqualTo("yes");
            } finally {
                m.logoff();
            }
        }
    }
}
