package org.switchboard.res.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.event.CdrEvent;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;

/** cdr_manager: each call record as a Manager Cdr event, read by a raw client and by asterisk-java. */
class AmiCdrEventTest {
    private static final String DIALPLAN = """
            [callee]
            exten => answer,1,Answer()
             same => n,Wait(1.1)
             same => n,Hangup()
            [caller]
            exten => s,1,Set(CDR(userfield)=vip)
             same => n,Set(CDR(rate)=0.02)
             same => n,Dial(Local/answer@callee,5)
            """;

    private static final Map<String, String> CDR_FILES = Map.of(
            "cdr.conf", "[general]\nenable = yes\n",
            "cdr_manager.conf", "[general]\nenabled = yes\n[mappings]\nrate => Rate\n");

    private static Channel call(ManagerFixture fx) {
        Channel c = fx.test.channel("Test/caller");
        c.callerId().setName("Alice");
        c.callerId().setNumber("100");
        c.setLocation("caller", "s", 1);
        fx.test.pbx.runPbx(c);
        return c;
    }

    @Test
    void aRawClientGetsTheCdrEventWithAsterisksFields() throws Exception {
        try (ManagerFixture fx = new ManagerFixture(ManagerFixture.GENERAL + ManagerFixture.ADMIN, DIALPLAN, CDR_FILES);
             AmiTestClient c = fx.loggedIn()) {
            Channel caller = call(fx);
            Map<String, String> e = c.readUntil("Channel", caller.name());
            while (!"Cdr".equals(e.get("Event"))) e = c.readUntil("Channel", caller.name());
            assertThat(e).containsEntry("Privilege", "cdr,all").containsEntry("AccountCode", "")
                    .containsEntry("Source", "100").containsEntry("Destination", "s")
                    .containsEntry("DestinationContext", "caller").containsEntry("CallerID", "\"Alice\" <100>")
                    .containsEntry("LastApplication", "Dial").containsEntry("LastData", "Local/answer@callee,5")
                    .containsEntry("Duration", "1").containsEntry("BillableSeconds", "1")
                    .containsEntry("Disposition", "ANSWERED").containsEntry("AMAFlags", "DOCUMENTATION")
                    .containsEntry("UniqueID", caller.uniqueId()).containsEntry("UserField", "vip")
                    .containsEntry("Rate", "0.02");
            assertThat(e.get("DestinationChannel")).matches("Local/answer@callee-[0-9a-f]{8};1");
            assertThat(e.get("StartTime")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
            assertThat(e.get("AnswerTime")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        }
    }

    @Test
    void asteriskJavaReadsItAsACdrEvent() throws Exception {
        try (ManagerFixture fx = new ManagerFixture(ManagerFixture.GENERAL + ManagerFixture.ADMIN, DIALPLAN, CDR_FILES)) {
            ManagerConnection conn = new ManagerConnectionFactory("127.0.0.1", fx.port(), ManagerFixture.USER, ManagerFixture.SECRET)
                    .createManagerConnection();
            List<CdrEvent> cdrs = new CopyOnWriteArrayList<>();
            conn.addEventListener(ev -> {
                if (ev instanceof CdrEvent cdr) cdrs.add(cdr);
            });
            conn.login();
            try {
                Channel caller = call(fx);
                Awaitility.await().atMost(Duration.ofSeconds(10))
                        .until(() -> cdrs.stream().anyMatch(x -> caller.name().equals(x.getChannel())));
                CdrEvent cdr = cdrs.stream().filter(x -> caller.name().equals(x.getChannel())).findFirst().orElseThrow();
                assertThat(cdr.getDisposition()).isEqualTo("ANSWERED");
                assertThat(cdr.getLastApplication()).isEqualTo("Dial");
                assertThat(cdr.getDestinationChannel()).startsWith("Local/answer@callee-");
                assertThat(cdr.getBillableSeconds()).isEqualTo(1);
                assertThat(cdr.getSrc()).isEqualTo("100");
                assertThat(cdr.getAmaFlags()).isEqualTo("DOCUMENTATION");
            } finally {
                conn.logoff();
            }
        }
    }
}
