package org.switchboard.res.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a hostile client sends cannot reach an admin's console raw nor forge what other AMI
 * clients read. The watching clients read with BufferedReader.readLine, which (as asterisk-java's
 * reader) also ends a line at a bare CR: a CR that got through would show up as an extra line.
 */
class ManagerHostileInputTest {
    private final ManagerFixture fx = new ManagerFixture();
    private long delayBefore;

    @BeforeEach
    void quickFailures() {
        delayBefore = ManagerModule.failedLoginDelayMs;
        ManagerModule.failedLoginDelayMs = 5;
    }

    @AfterEach
    void close() {
        ManagerModule.failedLoginDelayMs = delayBefore;
        fx.close();
    }

    @Test
    void usernameWithEscCrNulIsLoggedEscapedOnOneLineAndRefused() throws Exception {
        String from = ManagerFixture.freshLoopback();
        try (AmiTestClient watcher = fx.loggedIn(); AmiTestClient c = fx.clientFrom(from)) {
            c.sendRaw("Action: Login\r\nActionID: evil\r\nUsername: ad\u001b[2J\rmin\u0000x\r\nSecret: s\r\n\r\n");
            assertThat(c.readLines()).containsExactly("Response: Error", "ActionID: evil", "Message: Authentication failed");
            assertThat(c.closedByServer()).isTrue();

            List<String> event = watcherLinesOf(watcher, "InvalidAccountID");
            assertThat(event).contains("AccountID: ad [2J min x").allSatisfy(l -> assertThat(l).doesNotContain("\u001b", "\u0000"));
        }
        List<String> lines = fx.test.logLines(from + " tried to authenticate with nonexistent user");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).endsWith("user 'ad\\e[2J\\rmin\\0x'").doesNotContainPattern("[\\x00-\\x1f\\x7f]");
        assertThat(fx.test.logLines(from + " failed to authenticate as 'ad\\e[2J\\rmin\\0x'")).hasSize(1);
    }

    @Test
    void actionIdAndUserEventValuesCannotAddHeadersForAnotherClient() throws Exception {
        try (AmiTestClient watcher = fx.loggedIn(); AmiTestClient sender = fx.loggedIn()) {
            sender.sendRaw("Action: UserEvent\r\n"
                    + "ActionID: a1\rEvent: Forged\r\n"
                    + "UserEvent: inj\u2028Event: Forged2\r\n"
                    + "Color: red\rPrivilege: system\u0085x\r\n"
                    + "X\rInjected: key\r\n"
                    + "Event: Hangup\r\n"
                    + "Privilege: system,all\r\n"
                    + "\r\n");
            assertThat(sender.readResponse()).containsEntry("Message", "Event Sent").containsEntry("ActionID", "a1 Event: Forged");
            List<String> event = watcherLinesOf(watcher, "UserEvent");
            assertThat(event).containsExactly("Event: UserEvent", "Privilege: user,all", "UserEvent: inj Event: Forged2",
                    "ActionID: a1 Event: Forged", "Color: red Privilege: system x", "X Injected: key");
        }
    }

    @Test
    void originateValuesCannotAddHeadersForAnotherClient() throws Exception {
        try (AmiTestClient watcher = fx.loggedIn(); AmiTestClient sender = fx.loggedIn()) {
            sender.sendRaw("Action: Originate\r\nChannel: Local/quick@test\r\nApplication: Wait\r\nData: 0\rEvent: ForgedData\r\n"
                    + "Variable: EVIL=x\rEvent: ForgedVar\r\nAsync: true\r\nActionID: o\rEvent: ForgedId\r\n\r\n");
            assertThat(sender.readResponse()).containsEntry("Message", "Originate successfully queued");
            List<String> varSet = watcherLinesOf(watcher, "VarSet");
            assertThat(varSet).contains("Variable: EVIL", "Value: x Event: ForgedVar");
            List<String> response = watcherLinesOf(watcher, "OriginateResponse");
            assertThat(response).contains("ActionID: o Event: ForgedId", "Data: 0 Event: ForgedData");
            assertThat(response.stream().filter(l -> l.startsWith("Event:"))).containsExactly("Event: OriginateResponse");
        }
    }

    @Test
    void garbageGetsErrorsAndTheSessionGoesOn() throws Exception {
        try (AmiTestClient c = fx.loggedIn()) {
            c.sendRaw("\u0000\u0001\u00ff\r\n\r\n");
            assertThat(c.readResponse()).containsEntry("Response", "Error").hasEntrySatisfying("Message",
                    m -> assertThat(m).startsWith("Failed to parse message: malformed line"));
            c.sendRaw("Action: x\u001b[31m\u0000y\r\nActionID: g\r\n\r\n");
            Map<String, String> r = c.readResponse();
            assertThat(r).containsEntry("Response", "Error").containsEntry("ActionID", "g");
            assertThat(r.get("Message")).startsWith("Invalid/unknown command: x [31m y.");
            // 100 headers of 2 KB: more than a message may hold (128 KB), refused as a whole
            StringBuilder big = new StringBuilder("Action: Ping\r\nActionID: many\r\n");
            for (int i = 0; i < 100; i++) big.append("H").append(i).append(": ").append("v".repeat(2000)).append("\r\n");
            c.sendRaw(big.append("\r\n").toString());
            r = c.readResponse();
            assertThat(r).containsEntry("Response", "Error").containsEntry("ActionID", "many");
            assertThat(r.get("Message")).startsWith("Failed to parse message: message too long");
            c.send("Action: Ping", "ActionID: after");
            assertThat(c.readResponse()).containsEntry("Response", "Success").containsEntry("ActionID", "after");
        }
    }

    @Test
    void aFilterThatBacktracksWithoutEndGivesUpAndNobodyWaits() throws Exception {
        String from = ManagerFixture.freshLoopback();
        try (AmiTestClient filtered = fx.clientFrom(from); AmiTestClient sender = fx.loggedIn()) {
            assertThat(filtered.login("admin", "s3cret")).containsEntry("Message", "Authentication accepted");
            filtered.send("Action: Filter", "Operation: Add", "Filter: (.*a){12}b", "ActionID: f");
            assertThat(filtered.readResponse()).containsEntry("Message", "Success");
            // delivered on the sender's thread: without a bound this would hold it for hours
            sender.send("Action: UserEvent", "UserEvent: evil", "Body: " + "a".repeat(60), "ActionID: u1");
            assertThat(sender.readResponse()).containsEntry("Message", "Event Sent").containsEntry("ActionID", "u1");
            filtered.send("Action: Ping", "ActionID: still");
            assertThat(filtered.readResponse()).containsEntry("Response", "Success").containsEntry("ActionID", "still");
        }
        // the publishing thread logs it; the response to the UserEvent does not wait for every delivery
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(fx.test.logLines(
                "Manager session from " + from + ": an event filter is too complex for a UserEvent event; the event was not sent")).hasSize(1));
    }

    /** The lines of the next event of that name the watcher gets, skipping others. */
    private static List<String> watcherLinesOf(AmiTestClient watcher, String event) throws Exception {
        for (;;) {
            List<String> lines = watcher.readLines();
            assertThat(lines).as("connection open").isNotNull();
            if (lines.get(0).equals("Event: " + event)) return lines;
        }
    }

    @Test
    void failedLoginsFromOneAddressAreRateLimitedNotSilenced() throws Exception {
        String from = ManagerFixture.freshLoopback();
        for (int i = 0; i < 8; i++) {
            try (AmiTestClient c = fx.clientFrom(from)) {
                assertThat(c.login("admin", "wrong" + i)).containsEntry("Message", "Authentication failed");
            }
        }
        // five lines per address in each 10 s window, then a count of the rest
        assertThat(fx.test.logLines(from + " failed to authenticate as 'admin'")).hasSize(5);
    }
}
