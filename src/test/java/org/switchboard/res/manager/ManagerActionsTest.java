package org.switchboard.res.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;
import org.switchboard.core.ManagerAction;

/** The actions beyond login: what each answers, over the wire. */
class ManagerActionsTest {
    private final ManagerFixture fx = new ManagerFixture();

    @AfterEach
    void close() { fx.close(); }

    private Channel parked() {
        await().until(() -> fx.test.pbx.channels().all().stream().anyMatch(c -> c.name().endsWith(";2") && "Wait".equals(c.application())));
        return fx.test.pbx.channels().all().stream().filter(c -> c.name().endsWith(";2")).findFirst().orElseThrow();
    }

    @Test
    void everyActionCarriesItsDocs() {
        List<ManagerAction> all = new java.util.ArrayList<>();
        for (org.switchboard.core.Module m : org.switchboard.core.Modules.discover()) {
            org.switchboard.core.ModuleContext ctx = org.switchboard.core.ModuleContext.collecting(m.name());
            m.register(ctx);
            all.addAll(ctx.managerActions());
        }
        assertThat(all).hasSizeGreaterThan(30);
        for (ManagerAction a : all) {
            assertThat(a.synopsis()).as(a.name() + " synopsis").isNotBlank();
            assertThat(a.syntax()).as(a.name() + " syntax").contains("Action: " + a.name());
            assertThat(a.description()).as(a.name() + " description").isNotBlank();
        }
    }

    @Test
    void anActionOfAnUnloadedModuleIsUnknownUntilTheModuleLoadsAgain() throws Exception {
        try (AmiTestClient c = fx.loggedIn()) {
            c.send("Action: MailboxCount", "ActionID: before", "Mailbox: 100@default");
            assertThat(c.readResponse()).containsEntry("Response", "Success").containsEntry("ActionID", "before");

            c.send("Action: ModuleLoad", "LoadType: unload", "Module: app_voicemail.so");
            assertThat(c.readResponse()).containsEntry("Response", "Success").containsEntry("Message", "Module unloaded.");
            c.send("Action: MailboxCount", "ActionID: gone", "Mailbox: 100@default");
            assertThat(c.readResponse()).containsEntry("Response", "Error").containsEntry("ActionID", "gone")
                    .containsEntry("Message", "Invalid/unknown command: MailboxCount. Use Action: ListCommands to show available commands.");
            c.send("Action: ListCommands", "ActionID: list");
            assertThat(c.readResponse()).containsEntry("Response", "Success").containsKey("Originate").doesNotContainKey("MailboxCount");

            c.send("Action: ModuleLoad", "LoadType: load", "Module: app_voicemail.so");
            assertThat(c.readResponse()).containsEntry("Response", "Success").containsEntry("Message", "Module loaded.");
            c.send("Action: MailboxCount", "ActionID: back", "Mailbox: 100@default");
            assertThat(c.readResponse()).containsEntry("Response", "Success").containsEntry("ActionID", "back");
        }
    }

    @Test
    void cliShowsConnectionsUsersCommandsAndAnActionsDocs() throws Exception {
        try (AmiTestClient c = fx.loggedIn()) {
            java.io.StringWriter text = new java.io.StringWriter();
            var out = new java.io.PrintWriter(text);
            new ManagerShowConnectedCommand().execute(fx.test.pbx, List.of(), out);
            new ManagerShowUsersCommand().execute(fx.test.pbx, List.of(), out);
            new ManagerShowCommandsCommand().execute(fx.test.pbx, List.of(), out);
            new ManagerShowCommandCommand().execute(fx.test.pbx, List.of("originate"), out);
            out.flush();
            assertThat(text.toString()).contains("1 users connected.", "1 manager users configured.", "  Originate  ",
                    "[Synopsis]\nOriginate a call.", "[Privilege]\noriginate,all");
        }
    }

    @Test
    void userEventFramingCarriesEveryHeaderButActionAndUserEvent() throws Exception {
        try (AmiTestClient c = fx.loggedIn()) {
            c.send("Action: UserEvent", "ActionID: ue", "UserEvent: Deploy", "Version: 2");
            List<String> lines;
            do {
                lines = c.readLines();
            } while (!lines.get(0).equals("Event: UserEvent"));
            assertThat(lines).containsExactly("Event: UserEvent", "Privilege: user,all", "UserEvent: Deploy", "ActionID: ue", "Version: 2");
        }
    }

    @Test
    void asyncOriginateToAMissingTechnologyReportsFailure() throws Exception {
        try (AmiTestClient c = fx.loggedIn()) {
            c.send("Action: Originate", "ActionID: bad", "Channel: Nothing/here", "Application: Wait", "Data: 1", "Async: yes");
            assertThat(c.readResponse()).containsEntry("Message", "Originate successfully queued");
            Map<String, String> ev = c.readUntil("Event", "OriginateResponse");
            assertThat(ev).containsEntry("ActionID", "bad").containsEntry("Response", "Failure").containsEntry("Reason", "0")
                    .containsEntry("Channel", "Nothing/here").containsEntry("Uniqueid", "<null>");
            c.send("Action: Originate", "Channel: nonsense", "Application: Wait");
            assertThat(c.readResponse()).containsEntry("Message", "Invalid channel");
            c.send("Action: Originate", "Channel: Local/park@test", "Exten: park");
            assertThat(c.readResponse()).containsEntry("Message", "Originate with 'Exten' requires 'Context' and 'Priority'");
        }
    }

    @Test
    void getvarReadsChannelVariablesAndFunctions() throws Exception {
        try (AmiTestClient c = fx.loggedIn()) {
            c.send("Action: Originate", "Channel: Local/park@test", "Application: Wait", "Data: 30", "Async: true", "Variable: COLOR=green");
            c.readResponse();
            await().until(() -> fx.test.pbx.channels().count() == 2);
            String one = fx.test.pbx.channels().all().stream().map(Channel::name).filter(n -> n.endsWith(";1")).findFirst().orElseThrow();
            c.send("Action: Getvar", "Channel: " + one, "Variable: COLOR");
            assertThat(c.readResponse()).containsEntry("Value", "green");
            c.send("Action: Getvar", "Channel: " + one, "Variable: CHANNEL");
            assertThat(c.readResponse()).containsEntry("Value", one);
            c.send("Action: Setvar", "Channel: " + one, "Variable: COLOR", "Value: red");
            assertThat(c.readResponse()).containsEntry("Message", "Variable Set");
            assertThat(fx.test.pbx.channels().byName(one).getVar("COLOR")).isEqualTo("red");
            c.send("Action: Getvar", "Channel: nope", "Variable: COLOR");
            assertThat(c.readResponse()).containsEntry("Message", "No such channel");
            c.send("Action: Getvar");
            assertThat(c.readResponse()).containsEntry("Message", "No variable specified");
        }
    }

    @Test
    void hangupByRegexIsAList() throws Exception {
        try (AmiTestClient c = fx.loggedIn()) {
            c.send("Action: Originate", "Channel: Local/park@test", "Context: test", "Exten: park", "Priority: 1", "Async: true");
            c.readResponse();
            parked();
            c.send("Action: Hangup", "Channel: /^Local\\/park@test-.*;2$/", "ActionID: rx");
            Map<String, String> start = c.readResponse();
            assertThat(start).containsEntry("EventList", "start").containsEntry("ActionID", "rx");
            Map<String, String> item = c.readUntil("Event", "ChannelHungup");
            assertThat(item.get("Channel")).endsWith(";2");
            assertThat(c.readUntil("Event", "ChannelsHungupListComplete")).containsEntry("ListItems", "1").containsEntry("ActionID", "rx");
            await().until(() -> fx.test.pbx.channels().count() == 0);
        }
    }

    @Test
    void redirectMovesAChannelThatIsBetweenApplications() throws Exception {
        fx.close();
        try (ManagerFixture f = new ManagerFixture(ManagerFixture.GENERAL + ManagerFixture.ADMIN, """
                [test]
                exten => loop,1,Answer()
                 same => n,Wait(0.05)
                 same => n,Goto(loop,2)
                exten => moved,1,Set(MOVED=yes)
                 same => n,Wait(30)
                """); AmiTestClient c = f.loggedIn()) {
            c.send("Action: Originate", "Channel: Local/loop@test", "Application: Wait", "Data: 30", "Async: true");
            c.readResponse();
            await().until(() -> f.test.pbx.channels().count() == 2);
            String two = f.test.pbx.channels().all().stream().map(Channel::name).filter(n -> n.endsWith(";2")).findFirst().orElseThrow();
            c.send("Action: Redirect", "Channel: " + two, "Context: test", "Exten: moved", "Priority: 1");
            assertThat(c.readResponse()).containsEntry("Message", "Redirect successful");
            await().until(() -> "yes".equals(f.test.pbx.channels().byName(two).getVar("MOVED")));
            c.send("Action: Redirect", "Channel: " + two, "Context: test", "Exten: moved");
            assertThat(c.readResponse()).containsEntry("Message", "Priority not specified");
            c.send("Action: Redirect", "Channel: gone", "Context: test", "Exten: moved", "Priority: 1");
            assertThat(c.readResponse()).containsEntry("Message", "Channel does not exist: gone");
        }
    }

    @Test
    void reloadAndModuleLoad() throws Exception {
        try (AmiTestClient c = fx.loggedIn()) {
            c.send("Action: Reload", "Module: pbx_config");
            assertThat(c.readResponse()).containsEntry("Message", "Module Reloaded");
            c.send("Action: Reload", "Module: res_nothing");
            assertThat(c.readResponse()).containsEntry("Message", "No such module");
            c.send("Action: ModuleLoad", "Module: res_manager", "LoadType: reload");
            assertThat(c.readResponse()).containsEntry("Message", "Module reloaded.");
            c.send("Action: ModuleLoad", "Module: res_manager", "LoadType: unload");
            assertThat(c.readResponse()).containsEntry("Message", "Could not unload module.");
            c.send("Action: ModuleLoad", "Module: res_manager");
            assertThat(c.readResponse()).containsEntry("Message", "Incomplete ModuleLoad action.");

            // app_verbose goes away and comes back, with its application
            c.send("Action: ModuleLoad", "Module: app_verbose.so", "LoadType: unload");
            assertThat(c.readResponse()).containsEntry("Message", "Module unloaded.");
            assertThat(fx.test.pbx.modules().application("Verbose")).isNull();
            c.send("Action: ModuleLoad", "Module: app_verbose", "LoadType: unload");
            assertThat(c.readResponse()).containsEntry("Message", "Could not unload module.");
            c.send("Action: ModuleLoad", "Module: app_verbose", "LoadType: load");
            assertThat(c.readResponse()).containsEntry("Message", "Module loaded.");
            assertThat(fx.test.pbx.modules().application("Verbose")).isNotNull();
            c.send("Action: ModuleLoad", "Module: app_nothing", "LoadType: load");
            assertThat(c.readResponse()).containsEntry("Message", "Could not load module.");
            c.send("Action: ModuleLoad", "Module: core", "LoadType: unload");
            assertThat(c.readResponse()).containsEntry("Message", "Could not unload module.");
        }
    }

    @Test
    void shutdownIsAnnouncedAndSessionsClose() throws Exception {
        AmiTestClient c = fx.loggedIn();
        fx.test.pbx.shutdown();
        assertThat(c.readUntil("Event", "Shutdown")).containsEntry("Shutdown", "Cleanly").containsEntry("Privilege", "system,all");
        // once, as Asterisk sends it, and then the server closes the connection
        java.util.List<String> after = new java.util.ArrayList<>();
        for (java.util.Map<String, String> m; (m = c.read()) != null; ) after.add(String.valueOf(m.get("Event")));
        assertThat(after).doesNotContain("Shutdown");
        c.close();
    }
}
