package org.switchboard.res.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The AMI codec without sockets: parse, render, round-trip, and what a hostile client can send. */
class AmiParserTest {
    private final List<AmiMessage> got = new ArrayList<>();
    private final AmiParser parser = new AmiParser(64, 4, got::add);

    private void feed(String s) { parser.feed(s.getBytes(StandardCharsets.UTF_8)); }

    @Test
    void parsesHeadersInOrderUpToTheBlankLine() {
        feed("Action: Login\r\nUsername: admin\r\nSecret:   pw with spaces\r\n\r\n");
        assertThat(got).hasSize(1);
        AmiMessage m = got.get(0);
        assertThat(m.problem()).isNull();
        assertThat(m.action()).isEqualTo("Login");
        assertThat(m.get("username")).isEqualTo("admin");
        assertThat(m.get("Secret")).isEqualTo("pw with spaces");
        assertThat(m.headers()).extracting(Map.Entry::getKey).containsExactly("Action", "Username", "Secret");
    }

    @Test
    void acceptsBareLineFeedsAndIgnoresBlankLinesBetweenMessages() {
        feed("\r\n\nAction: Ping\nActionID: 1\n\n\r\nAction: Ping\r\nActionID: 2\r\n\r\n");
        assertThat(got).extracting(AmiMessage::actionId).containsExactly("1", "2");
    }

    @Test
    void messageSplitAcrossReadsIsOneMessage() {
        String text = "Action: Originate\r\nVariable: a=1\r\nVariable: b=2\r\n\r\n";
        for (char c : text.toCharArray()) parser.feed((byte) c);
        assertThat(got).hasSize(1);
        assertThat(got.get(0).getAll("Variable")).containsExactly("a=1", "b=2");
    }

    @Test
    void lineWithoutColonMakesTheMessageMalformed() {
        feed("Action: Ping\r\nthis is not a header\r\n\r\nAction: Ping\r\n\r\n");
        assertThat(got).hasSize(2);
        assertThat(got.get(0).problem()).contains("malformed line");
        assertThat(got.get(1).problem()).isNull();
    }

    @Test
    void overlongLineIsDiscardedWithoutBufferingAndTheNextMessageIsFine() {
        feed("Action: Ping\r\nX: " + "y".repeat(1_000_000) + "\r\n\r\n");
        feed("Action: Ping\r\n\r\n");
        assertThat(got).hasSize(2);
        assertThat(got.get(0).problem()).isEqualTo("line too long");
        assertThat(got.get(1).problem()).isNull();
    }

    @Test
    void tooManyHeaders() {
        feed("Action: Ping\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n");
        assertThat(got.get(0).problem()).startsWith("too many headers");
    }

    @Test
    void missingActionIsNoProblemForTheParser() {
        feed("ActionID: 5\r\n\r\n");
        assertThat(got.get(0).problem()).isNull();
        assertThat(got.get(0).action()).isNull();
    }

    @Test
    void writerFramesResponsesAndEventsAsAsteriskDoes() {
        assertThat(AmiWriter.response("Success", "42", null, "Authentication accepted", Map.of()))
                .isEqualTo("Response: Success\r\nActionID: 42\r\nMessage: Authentication accepted\r\n\r\n");
        assertThat(AmiWriter.response("Success", "7", "start", "Channels will follow", Map.of()))
                .isEqualTo("Response: Success\r\nActionID: 7\r\nEventList: start\r\nMessage: Channels will follow\r\n\r\n");
        assertThat(AmiWriter.event("Hangup", "call,all", null, Map.of("Cause", "16")))
                .isEqualTo("Event: Hangup\r\nPrivilege: call,all\r\nCause: 16\r\n\r\n");
        assertThat(AmiWriter.response("Success", null, null, "m", Map.of("Output", List.of("a", "b"))))
                .isEqualTo("Response: Success\r\nMessage: m\r\nOutput: a\r\nOutput: b\r\n\r\n");
    }

    @Test
    void valuesCannotBreakTheFraming() {
        String s = AmiWriter.event("UserEvent", "user,all", null, Map.of("Body", "a\r\n\r\nEvent: Fake"));
        assertThat(s).isEqualTo("Event: UserEvent\r\nPrivilege: user,all\r\nBody: a    Event: Fake\r\n\r\n");
    }

    @Test
    void writeThenParseRoundTrips() {
        AmiParser p = new AmiParser(got::add);
        String text = AmiWriter.response("Success", "abc", "start", "x", Map.of("Key", "value: with colon"));
        p.feed(text.getBytes(StandardCharsets.UTF_8));
        assertThat(got).hasSize(1);
        assertThat(got.get(0).get("Key")).isEqualTo("value: with colon");
        assertThat(got.get(0).get("EventList")).isEqualTo("start");
    }

    @Test
    void permissionsParseAndPrintAsManagerConfDoes() {
        assertThat(AmiPermissions.parse("system,call")).isEqualTo(AmiPermissions.SYSTEM | AmiPermissions.CALL);
        assertThat(AmiPermissions.describe(AmiPermissions.CALL)).isEqualTo("call,all");
        assertThat(AmiPermissions.eventMask("off")).isZero();
        assertThat(AmiPermissions.eventMask("on")).isEqualTo(AmiPermissions.ALL);
        assertThat(AmiPermissions.eventMask(null)).isEqualTo(-1);
        assertThat(AmiPermissions.eventMask("call,user")).isEqualTo(AmiPermissions.CALL | AmiPermissions.USER);
    }

    @Test
    void aclLastMatchWins() throws Exception {
        List<String> problems = new ArrayList<>();
        AddressAcl acl = new AddressAcl.Builder().add(false, "0.0.0.0/0.0.0.0", problems)
                .add(true, "127.0.0.1/255.255.255.255", problems).add(true, "10.1.0.0/16", problems).build();
        assertThat(problems).isEmpty();
        assertThat(acl.allows(java.net.InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(acl.allows(java.net.InetAddress.getByName("10.1.200.3"))).isTrue();
        assertThat(acl.allows(java.net.InetAddress.getByName("192.168.1.1"))).isFalse();
        new AddressAcl.Builder().add(true, "10.0.0.0/99", problems);
        assertThat(problems).hasSize(1);
    }

    @Test
    void eventFiltersFollowMatchFilter() {
        EventFilter f = new EventFilter();
        assertThat(f.passes("Event: Newexten\r\n")).isTrue();
        f.add("!Event: Newexten");
        assertThat(f.passes("Event: Newexten\r\n")).isFalse();
        assertThat(f.passes("Event: Hangup\r\n")).isTrue();
        f.add("Event: (Hangup|Newexten)");
        assertThat(f.passes("Event: Hangup\r\n")).isTrue();
        assertThat(f.passes("Event: Newchannel\r\n")).isFalse();
        assertThat(f.passes("Event: Newexten\r\n")).isFalse();
        assertThat(f.add("(unclosed")).isNotNull();
    }

    @Test
    void aMessageOverItsByteLimitIsRefusedAndTheNextOneIsNot() {
        AmiParser p = new AmiParser(64, 100, 100, got::add);
        for (int i = 0; i < 5; i++) p.feed(("H" + i + ": " + "v".repeat(30) + "\r\n").getBytes(StandardCharsets.UTF_8));
        p.feed("\r\nAction: Ping\r\nActionID: next\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(got).hasSize(2);
        assertThat(got.get(0).problem()).isEqualTo("message too long (more than 100 bytes)");
        assertThat(got.get(0).headers()).hasSize(2);
        assertThat(got.get(1).problem()).isNull();
        assertThat(got.get(1).actionId()).isEqualTo("next");
    }

    @Test
    void noKeyOrValueCanEndALineOrCarryAControlCharacter() {
        String s = AmiWriter.event("UserEvent", "user,all", "a\rEvent: x", ManagerSession.ordered(
                "K\u0000\u001b[2J", "v\u0085w\u2028x\u2029y\u000bz\fq\u007f", "Tab", "a\tb"));
        assertThat(s.split("\r\n", -1)).containsExactly("Event: UserEvent", "Privilege: user,all", "ActionID: a Event: x",
                "K  [2J: v w x y z q ", "Tab: a\tb", "", "");
    }
}
