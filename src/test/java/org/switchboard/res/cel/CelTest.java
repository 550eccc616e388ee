package org.switchboard.res.cel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Channel;
import org.switchboard.core.ManagerEvent;
import org.switchboard.testing.TestPbx;

/**
 * Channel Event Logging as Asterisk's cel, cel_manager and cel_custom produce it: a call that
 * answers, raises a user event and dials a Local channel that answers and hangs up gives the
 * caller's events in Asterisk's order, a LINKEDID_END once the last channel of the call is gone,
 * a Manager CEL event per record and a CSV line per record.
 */
class CelTest {
    private static final String DIALPLAN = """
            [t]
            exten => s,1,Answer()
             same => n,CELGenUserEvent(MY_EVENT,hello world)
             same => n,Dial(Local/b@t,5)
             same => n,Hangup()
            exten => b,1,Answer()
             same => n,Wait(0.1)
             same => n,Hangup()
            """;

    @TempDir Path dir;

    private TestPbx pbx(String celConf) throws Exception {
        Files.writeString(dir.resolve("asterisk.conf"), "[directories]\nastlogdir => log\n");
        if (celConf != null) Files.writeString(dir.resolve("cel.conf"), celConf);
        Files.writeString(dir.resolve("cel_custom.conf"), "[mappings]\nMaster.csv => ${CSV_QUOTE(${eventtype})},${CSV_QUOTE(${CALLERID(num)})},"
                + "${CSV_QUOTE(${CHANNEL(channame)})},${CSV_QUOTE(${CHANNEL(appname)})},${CSV_QUOTE(${CHANNEL(uniqueid)})},"
                + "${CSV_QUOTE(${CHANNEL(linkedid)})},${CSV_QUOTE(${BRIDGEPEER})},${CSV_QUOTE(${eventextra})}\n");
        TestPbx t = new TestPbx(dir);
        assertThat(t.dialplan(DIALPLAN)).isEmpty();
        return t;
    }

    /** Runs the call; returns the caller. */
    private static Channel call(TestPbx t) {
        Channel c = t.channel("Test/cel");
        c.callerId().setNumber("2025");
        c.setLocation("t", "s", 1);
        t.pbx.runPbx(c);
        return c;
    }

    @Test
    void aCallsEventsComeInAsterisksOrderToTheManagerAndTheCsvFile() throws Exception {
        List<ManagerEvent> cel = new CopyOnWriteArrayList<>();
        Consumer<ManagerEvent> ami = e -> { if (e.name().equals("CEL")) cel.add(e); };
        try (TestPbx t = pbx("[general]\nenable=yes\napps=dial\nevents=ALL\n[manager]\nenabled=yes\n")) {
            t.pbx.events().subscribe(ami);
            Channel caller = call(t);
            String id = caller.uniqueId();
            await().atMost(Duration.ofSeconds(5)).until(() -> cel.stream().anyMatch(e -> "LINKEDID_END".equals(e.get("EventName"))));

            List<String> mine = cel.stream().filter(e -> id.equals(e.get("UniqueID"))).map(e -> e.get("EventName")).toList();
            assertThat(mine.subList(0, 9)).containsExactly("CHAN_START", "ANSWER", "MY_EVENT", "APP_START", "BRIDGE_ENTER",
                    "BRIDGE_EXIT", "APP_END", "HANGUP", "CHAN_END");
            // the call's three channels (caller and both Local halves) share its linked id; the
            // last to go ends it, once
            List<String> call = cel.stream().filter(e -> id.equals(e.get("LinkedID"))).map(e -> e.get("EventName")).toList();
            assertThat(call.stream().filter("CHAN_END"::equals)).hasSize(3);
            assertThat(call.get(call.size() - 1)).isEqualTo("LINKEDID_END");
            // the peer is who is in the bridge already: the caller for the callee entering after it,
            // the callee for the caller leaving first
            ManagerEvent enter = cel.stream().filter(e -> "BRIDGE_ENTER".equals(e.get("EventName")) && !id.equals(e.get("UniqueID")))
                    .findFirst().orElseThrow();
            assertThat(enter.get("Channel")).startsWith("Local/b@t-").endsWith(";1");
            assertThat(enter.get("Peer")).isEqualTo(caller.name());
            assertThat(enter.get("Extra")).contains("\"bridge_id\":").contains("\"bridge_technology\":\"simple_bridge\"");
            ManagerEvent exit = cel.stream().filter(e -> id.equals(e.get("UniqueID")) && "BRIDGE_EXIT".equals(e.get("EventName")))
                    .findFirst().orElseThrow();
            assertThat(exit.get("Peer")).isEqualTo(enter.get("Channel"));
            ManagerEvent user = cel.stream().filter(e -> "MY_EVENT".equals(e.get("EventName"))).findFirst().orElseThrow();
            assertThat(user.get("Extra")).isEqualTo("{\"extra\":\"hello world\"}");
            assertThat(user.get("CallerIDnum")).isEqualTo("2025");
            ManagerEvent hangup = cel.stream().filter(e -> id.equals(e.get("UniqueID")) && "HANGUP".equals(e.get("EventName")))
                    .findFirst().orElseThrow();
            assertThat(hangup.get("Extra")).startsWith("{\"hangupcause\":16,").contains("\"dialstatus\":\"");
            assertThat(cel.stream().filter(e -> "LINKEDID_END".equals(e.get("EventName")))).as("one per call").hasSize(1);
            assertThat(cel.stream().filter(e -> "APP_START".equals(e.get("EventName"))).map(e -> e.get("Application")))
                    .as("only the tracked application").containsOnly("Dial");

            Path csv = dir.resolve("log/cel-custom/Master.csv");
            await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(csv) && Files.readAllLines(csv).size() == cel.size());
            List<String> lines = Files.readAllLines(csv);
            assertThat(lines.get(0)).startsWith("\"CHAN_START\",\"\",\"Test/cel-"); // caller ID set after the channel began
            assertThat(lines).anyMatch(l -> l.startsWith("\"APP_START\",\"2025\",\"Test/cel-") && l.contains(",\"Dial\","));
            assertThat(lines.get(lines.size() - 1)).startsWith("\"LINKEDID_END\"");

            StringWriter out = new StringWriter();
            new CelShowStatusCommand().execute(t.pbx, List.of(), new PrintWriter(out, true));
            assertThat(out.toString()).contains("CEL Logging: Enabled").contains("CEL Tracking Event: ALL")
                    .contains("CEL Tracking Application: dial").contains("CEL Event Subscriber: Manager Event Logging");
        }
    }

    @Test
    void onlyTheListedEventsAndAnUnknownNameIsAProblemWithItsLine() throws Exception {
        List<ManagerEvent> cel = new CopyOnWriteArrayList<>();
        try (TestPbx t = pbx("[general]\nenable=yes\nevents=CHAN_START,BOGUS,HANGUP\n[manager]\nenabled=yes\n")) {
            t.pbx.events().subscribe(e -> { if (e.name().equals("CEL")) cel.add(e); });
            Channel caller = call(t);
            await().atMost(Duration.ofSeconds(5)).until(() -> cel.stream().anyMatch(e -> caller.uniqueId().equals(e.get("UniqueID"))
                    && "HANGUP".equals(e.get("EventName"))));
            assertThat(cel).extracting(e -> e.get("EventName")).containsOnly("CHAN_START", "HANGUP");
            assertThat(t.logLines("cel.conf:3: Unknown event name 'BOGUS'")).isNotEmpty();
            assertThat(new CelModule().check(dir)).singleElement().asString().endsWith("cel.conf:3: Unknown event name 'BOGUS'");
        }
    }

    @Test
    void withoutCelConfNothingIsRecordedAndAUserEventWithoutANameIsAWarning() throws Exception {
        List<ManagerEvent> cel = new CopyOnWriteArrayList<>();
        try (TestPbx t = pbx(null)) {
            t.pbx.events().subscribe(e -> { if (e.name().equals("CEL")) cel.add(e); });
            t.dialplan("[u]\nexten => s,1,CELGenUserEvent()\n same => n,Set(GLOBAL(AFTER)=yes)\n");
            Channel c = t.channel("Test/u");
            c.setLocation("u", "s", 1);
            t.pbx.runPbx(c);
            assertThat(t.pbx.globals().get("AFTER")).isEqualTo("yes");
            assertThat(t.logLines("CELGenUserEvent requires arguments")).isNotEmpty();
            call(t);
            StringWriter out = new StringWriter();
            new CelShowStatusCommand().execute(t.pbx, List.of(), new PrintWriter(out, true));
            assertThat(out.toString().strip()).isEqualTo("CEL Logging: Disabled");
            assertThat(cel).isEmpty();
            assertThat(Files.exists(dir.resolve("log/cel-custom/Master.csv"))).isFalse();
        }
    }
}
