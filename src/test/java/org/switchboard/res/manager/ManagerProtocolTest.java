package org.switchboard.res.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The wire as a raw client sees it: exact framing, errors, lists, login rules. */
class ManagerProtocolTest {
    private final ManagerFixture fx = new ManagerFixture();

    @AfterEach
    void close() { fx.close(); }

    @Test
    void bannerThenPlainLoginThenFullyBooted() throws Exception {
        try (AmiTestClient c = new AmiTestClient(fx.port())) {
            assertThat(c.readBanner()).isEqualTo("Asterisk Call Manager/9.0.0");
            c.send("Action: Login", "ActionID: 1", "Username: admin", "Secret: s3cret");
            assertThat(c.readLines()).containsExactly("Response: Success", "ActionID: 1", "Message: Authentication accepted");
            List<String> booted = c.readLines();
            assertThat(booted.get(0)).isEqualTo("Event: FullyBooted");
            assertThat(booted).contains("Privilege: system,all", "Status: Fully Booted");
        }
        await().until(() -> !fx.test.logLines("Manager 'admin' logged on from 127.0.0.1").isEmpty());
    }

    @Test
    void nothingButLoginChallengeLogoffBeforeLogin() throws Exception {
        try (AmiTestClient c = fx.client()) {
            c.send("Action: Ping", "ActionID: p1");
            assertThat(c.readLines()).containsExactly("Response: Error", "ActionID: p1", "Message: Permission denied");
            c.send("Action: CoreShowChannels");
            assertThat(c.read()).containsEntry("Message", "Permission denied");
            c.send("Action: Challenge", "AuthType: MD5", "ActionID: c1");
            List<String> ch = c.readLines();
            assertThat(ch.get(0)).isEqualTo("Response: Success");
            assertThat(ch.get(1)).isEqualTo("ActionID: c1");
            assertThat(ch.get(2)).matches("Challenge: \\d+");
            c.send("Action: Logoff", "ActionID: bye");
            assertThat(c.readLines()).containsExactly("Response: Goodbye", "ActionID: bye", "Message: Thanks for all the fish.");
            assertThat(c.closedByServer()).isTrue();
        }
        try (AmiTestClient c = fx.loggedIn()) {
            c.send("Action: Logoff");
            assertThat(c.readResponse()).containsEntry("Response", "Goodbye");
        }
        await().until(() -> !fx.test.logLines("Manager 'admin' logged off from 127.0.0.1").isEmpty());
    }

    @Test
    void pingEchoesActionIdAndTimestamp() throws Exception {
        try (AmiTestClient c = fx.loggedIn()) {
            c.send("Action: ping", "ActionID: abc-123");
            List<String> r = c.readLines();
            while (r.get(0).startsWith("Event:")) r = c.readLines();
            assertThat(r.subList(0, 3)).containsExactly("Response: Success", "ActionID: abc-123", "Ping: Pong");
            assertThat(r.get(3)).matches("Timestamp: \\d+\\.\\d{6}");
        }
    }

    @Test
    void missingActionUnknownActionAndMalformedLinesAreErrors() throws Exception {
        try (AmiTestClient c = fx.loggedIn()) {
            c.send("ActionID: 9", "Foo: bar");
            assertThat(c.readResponse()).containsEntry("Response", "Error").containsEntry("ActionID", "9")
                    .containsEntry("Message", "Missing action in request");
            c.send("Action: NoSuchThing", "ActionID: 10");
            assertThat(c.readResponse()).containsEntry("Message",
                    "Invalid/unknown command: NoSuchThing. Use Action: ListCommands to show available commands.");
            c.send("Action: Ping", "ActionID: 11", "this line has no colon");
            Map<String, String> r = c.readResponse();
            assertThat(r).containsEntry("Response", "Error").containsEntry("ActionID", "11");
            assertThat(r.get("Message")).startsWith("Failed to parse message: malformed line");
            c.send("Action: Ping", "ActionID: 12");
            assertThat(c.readResponse()).containsEntry("Response", "Success").containsEntry("ActionID", "12");
        }
    }

    @Test
    void oneMegabyteLineIsRefusedAndTheSessionGoesOn() throws Exception {
        try (AmiTestClient c = fx.loggedIn()) {
            c.sendRaw("Action: UserEvent\r\nActionID: big\r\nUserEvent: x\r\nBody: " + "z".repeat(1 << 20) + "\r\n\r\n");
            Map<String, String> r = c.readResponse();
            assertThat(r).containsEntry("Response", "Error").containsEntry("ActionID", "big")
                    .containsEntry("Message", "Failed to parse message: line too long");
            c.send("Action: Ping", "ActionID: after");
            assertThat(c.readResponse()).containsEntry("Response", "Success").containsEntry("ActionID", "after");
        }
    }

    @Test
    void challengeMd5Login() throws Exception {
        try (AmiTestClient c = fx.client()) {
            c.send("Action: Challenge", "AuthType: md5");
            String challenge = c.read().get("Challenge");
            String key = ManagerSession.md5Hex(challenge + ManagerFixture.SECRET);
            c.send("Action: Login", "AuthType: MD5", "Username: admin", "Key: " + key, "Events: off");
            assertThat(c.readResponse()).containsEntry("Message", "Authentication accepted");
            c.send("Action: Ping", "ActionID: 2");
            // Events: off at login: no FullyBooted in between
            assertThat(c.read()).containsEntry("Response", "Success").containsEntry("ActionID", "2");
        }
    }

    @Test
    void wrongPasswordIsRefusedSlowlyLoggedAsSecurityEventAndDisconnected() throws Exception {
        String from = ManagerFixture.freshLoopback();
        try (AmiTestClient watcher = fx.loggedIn(); AmiTestClient c = fx.clientFrom(from)) {
            c.send("Action: Login", "ActionID: w", "Username: admin", "Secret: wrong");
            assertThat(c.readLines()).containsExactly("Response: Error", "ActionID: w", "Message: Authentication failed");
            assertThat(c.closedByServer()).isTrue();
            Map<String, String> ev = watcher.readUntil("Event", "InvalidPassword");
            assertThat(ev).containsEntry("Privilege", "security,all").containsEntry("Service", "AMI")
                    .containsEntry("AccountID", "admin");
            assertThat(ev.get("RemoteAddress")).startsWith("IPV4/TCP/" + from + "/");
            assertThat(fx.test.logLines(from + " failed to authenticate as 'admin'")).isNotEmpty();
        }
        try (AmiTestClient c = fx.clientFrom(ManagerFixture.freshLoopback())) {
            c.send("Action: Login", "Username: nobody", "Secret: x");
            assertThat(c.readResponse()).containsEntry("Message", "Authentication failed");
        }
        assertThat(fx.test.logLines("tried to authenticate with nonexistent user 'nobody'")).isNotEmpty();
    }

    @Test
    void clientThatNeverSpeaksIsDroppedAfterAuthTimeout() throws Exception {
        fx.close();
        try (ManagerFixture f = new ManagerFixture(ManagerFixture.GENERAL + "authtimeout = 1\n" + ManagerFixture.ADMIN);
             AmiTestClient c = f.clientFrom(ManagerFixture.freshLoopback())) {
            assertThat(c.closedByServer()).isTrue();
            String from = c.socket.getLocalAddress().getHostAddress();
            await().until(() -> !f.test.logLines("Client from " + from + " failed to authenticate in 1 seconds").isEmpty());
        }
    }

    @Test
    void listsStartAndCompleteWithTheActionId() throws Exception {
        try (AmiTestClient c = fx.loggedIn()) {
            c.send("Action: Originate", "ActionID: o1", "Channel: Local/park@test", "Application: Wait", "Data: 30", "Async: true");
            assertThat(c.readResponse()).containsEntry("Message", "Originate successfully queued");
            await().until(() -> fx.test.pbx.channels().count() == 2);
            c.send("Action: CoreShowChannels", "ActionID: list-1");
            List<String> start = c.readLines();
            while (!start.get(0).startsWith("Response")) start = c.readLines();
            assertThat(start).containsExactly("Response: Success", "ActionID: list-1", "EventList: start", "Message: Channels will follow");
            List<Map<String, String>> items = new ArrayList<>();
            Map<String, String> m;
            while (!"CoreShowChannelsComplete".equals((m = c.read()).get("Event"))) {
                if ("CoreShowChannel".equals(m.get("Event"))) items.add(m);
            }
            assertThat(items).hasSize(2).allSatisfy(i -> assertThat(i).containsEntry("ActionID", "list-1").containsKey("Duration"));
            assertThat(m).containsEntry("ActionID", "list-1").containsEntry("EventList", "Complete").containsEntry("ListItems", "2");

            c.send("Action: Status", "ActionID: st");
            assertThat(c.readUntil("Event", "StatusComplete")).containsEntry("ListItems", "2").containsEntry("Items", "2");
            c.send("Action: Status", "ActionID: st2", "Channel: Nope/1");
            assertThat(c.readResponse()).containsEntry("Message", "No such channel");
        }
    }

    @Test
    void eventsOffAndFilters() throws Exception {
        try (AmiTestClient quiet = fx.loggedIn(); AmiTestClient filtered = fx.loggedIn(); AmiTestClient sender = fx.loggedIn()) {
            quiet.send("Action: Events", "ActionID: e", "EventMask: off");
            assertThat(quiet.readResponse()).containsEntry("Events", "Off").containsEntry("ActionID", "e");
            filtered.send("Action: Filter", "Operation: Add", "Filter: UserEvent: keep", "ActionID: f");
            assertThat(filtered.readResponse()).containsEntry("Message", "Success");
            sender.send("Action: UserEvent", "UserEvent: drop", "ActionID: u1");
            sender.send("Action: UserEvent", "UserEvent: keep", "ActionID: u2", "Color: blue");
            assertThat(sender.readResponse()).containsEntry("Message", "Event Sent");
            Map<String, String> got = filtered.readUntil("Event", "UserEvent");
            assertThat(got).containsEntry("UserEvent", "keep").containsEntry("Color", "blue").containsEntry("Privilege", "user,all");
            quiet.send("Action: Ping", "ActionID: q");
            assertThat(quiet.read()).containsEntry("Response", "Success").containsEntry("ActionID", "q");
        }
    }

    @Test
    void commandListCommandsVariablesModulesAndDialplan() throws Exception {
        try (AmiTestClient c = fx.loggedIn()) {
            c.send("Action: Command", "ActionID: cmd", "Command: manager show users");
            List<String> r = c.readLines();
            while (!r.get(0).startsWith("Response")) r = c.readLines();
            assertThat(r).startsWith("Response: Success", "ActionID: cmd", "Message: Command output follows").contains("Output: admin");
            c.send("Action: Command", "Command: module load foo");
            assertThat(c.readResponse()).containsEntry("Message", "Command blacklisted");

            c.send("Action: ListCommands");
            assertThat(c.readResponse()).containsEntry("Ping", "Keepalive command. (Priv: <none>)")
                    .containsEntry("Originate", "Originate a call. (Priv: originate,all)").containsKey("Login");

            c.send("Action: Setvar", "Variable: AMITEST", "Value: 42");
            assertThat(c.readResponse()).containsEntry("Message", "Variable Set");
            c.send("Action: Getvar", "Variable: AMITEST", "ActionID: g");
            assertThat(c.readResponse()).containsEntry("Variable", "AMITEST").containsEntry("Value", "42").containsEntry("ActionID", "g");

            c.send("Action: ModuleCheck", "Module: res_manager.so");
            assertThat(c.readResponse()).containsEntry("Response", "Success");
            c.send("Action: ModuleCheck", "Module: chan_nothing");
            assertThat(c.readResponse()).containsEntry("Message", "Module not loaded");

            c.send("Action: ShowDialPlan", "Context: test", "Extension: quick", "ActionID: dp");
            Map<String, String> done = c.readUntil("Event", "ShowDialPlanComplete");
            assertThat(done).containsEntry("ListItems", "2").containsEntry("ListPriorities", "2").containsEntry("ActionID", "dp");

            c.send("Action: CoreSettings");
            assertThat(c.readResponse()).containsEntry("AMIversion", "9.0.0").containsEntry("AsteriskVersion", "20.0.0");
            c.send("Action: CoreStatus");
            assertThat(c.readResponse()).containsKeys("CoreStartupDate", "CoreCurrentCalls");
        }
    }

    @Test
    void originateSyncAndHangup() throws Exception {
        try (AmiTestClient c = fx.loggedIn()) {
            c.send("Action: Originate", "Channel: Local/quick@test", "Context: test", "Exten: nowhere", "Priority: 1");
            assertThat(c.readResponse()).containsEntry("Message", "Extension does not exist.");
            c.send("Action: Originate", "Channel: Local/park@test", "Context: test", "Exten: park", "Priority: 1", "ActionID: sync",
                    "Variable: FOO=bar,BAZ=2", "CallerID: \"Ann\" <200>");
            assertThat(c.readResponse()).containsEntry("Response", "Success").containsEntry("ActionID", "sync");
            String name = fx.test.pbx.channels().all().stream().map(ch -> ch.name()).filter(n -> n.endsWith(";1")).findFirst().orElseThrow();
            assertThat(fx.test.pbx.channels().byName(name).getVar("FOO")).isEqualTo("bar");
            c.send("Action: Hangup", "Channel: " + name, "ActionID: h");
            assertThat(c.readResponse()).containsEntry("Message", "Channel Hungup");
            Map<String, String> hangup = c.readUntil("Event", "Hangup");
            assertThat(hangup).containsKey("Cause").containsKey("Cause-txt");
            c.send("Action: Hangup", "Channel: Local/none");
            assertThat(c.readResponse()).containsEntry("Message", "No such channel");
        }
    }

    @Test
    void configuredEventFiltersAndTimestamps() throws Exception {
        fx.close();
        try (ManagerFixture f = new ManagerFixture(ManagerFixture.GENERAL + "timestampevents = yes\ndisplayconnects = no\n"
                + ManagerFixture.ADMIN + "eventfilter = !UserEvent: noise\n");
             AmiTestClient c = f.loggedIn()) {
            c.send("Action: UserEvent", "UserEvent: noise");
            c.send("Action: UserEvent", "UserEvent: signal");
            List<String> lines;
            do {
                lines = c.readLines();
            } while (!lines.get(0).equals("Event: UserEvent"));
            assertThat(lines).contains("UserEvent: signal");
            assertThat(lines.get(2)).matches("Timestamp: \\d+\\.\\d{6}");
            assertThat(f.test.logLines("logged on from")).isEmpty();
        }
    }

    @Test
    void aclRefusesAddressesOutsideThePermit() throws Exception {
        fx.close();
        try (ManagerFixture f = new ManagerFixture(ManagerFixture.GENERAL + """
                [remote]
                secret = pw
                deny = 0.0.0.0/0.0.0.0
                permit = 10.0.0.0/8
                read = all
                write = all
                """); AmiTestClient c = f.clientFrom(ManagerFixture.freshLoopback())) {
            assertThat(c.login("remote", "pw")).containsEntry("Message", "Authentication failed");
            assertThat(f.test.logLines("failed to pass IP ACL as 'remote'")).isNotEmpty();
        }
    }

    @Test
    void writeClassesLimitActions() throws Exception {
        fx.close();
        try (ManagerFixture f = new ManagerFixture(ManagerFixture.GENERAL + """
                [viewer]
                secret = pw
                read = call
                write = reporting
                """); AmiTestClient c = f.client()) {
            assertThat(c.login("viewer", "pw")).containsEntry("Message", "Authentication accepted");
            c.send("Action: Originate", "Channel: Local/quick@test", "Application: Wait", "Data: 1", "ActionID: x");
            assertThat(c.readResponse()).containsEntry("Message", "Permission denied").containsEntry("ActionID", "x");
            c.send("Action: CoreShowChannels");
            assertThat(c.readResponse()).containsEntry("EventList", "start");
        }
    }

    @Test
    void declinesWithoutConfigOrWhenDisabledAndReloadAppliesChanges() throws Exception {
        fx.close();
        try (ManagerFixture none = new ManagerFixture(null)) {
            assertThat(none.manager).isNull();
            assertThat(none.test.logLines("Module 'res_manager' declined to load: No manager.conf")).hasSize(1);
        }
        try (ManagerFixture off = new ManagerFixture("[general]\nenabled = no\n")) {
            assertThat(off.manager).isNull();
            assertThat(off.test.logLines("enabled = no")).hasSize(1);
        }
        try (ManagerFixture f = new ManagerFixture()) {
            int port = f.port();
            f.writeManagerConf(ManagerFixture.GENERAL.replace("port = 0", "port = " + port) + ManagerFixture.ADMIN
                    + "[second]\nsecret = two\nread = all\nwrite = all\n");
            try (AmiTestClient admin = f.loggedIn()) {
                admin.send("Action: Command", "Command: manager reload");
                assertThat(admin.readResponse()).containsEntry("Response", "Success");
                try (AmiTestClient second = f.client()) {
                    assertThat(second.login("second", "two")).containsEntry("Message", "Authentication accepted");
                }
                admin.send("Action: Command", "Command: manager show connected", "ActionID: sc");
                Map<String, String> r = admin.readResponse();
                assertThat(r.get("Output")).contains("Username");
            }
        }
    }
}
