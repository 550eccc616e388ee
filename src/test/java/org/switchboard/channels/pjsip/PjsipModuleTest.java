package org.switchboard.channels.pjsip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Channel;

/** chan_pjsip's life without a phone: a flawed pjsip.conf still loads the rest, check finds the problems, CLI and dial strings. */
class PjsipModuleTest {
    @TempDir Path dir;

    private static final String FLAWED = """
        [alice]
        type=endpoint
        context=phones
        allow=ulaw
        aors=alice,ghost
        [alice]
        type=aor
        max_contacts=1
        contact=sip:alice@127.0.0.1:5999
        [bob]
        type=endpoint
        auth=nobody
        this line is not an option
        [trunk]
        type=endpoint
        allow=ulaw
        aors=trunk
        [trunk]
        type=aor
        contact=sip:127.0.0.1:5998
        """;

    @Test
    void aFlawedFileLoadsWhatIsRightAndCheckNamesEachProblem() throws Exception {
        try (PjsipPbxFixture f = PjsipPbxFixture.start(dir, FLAWED, "[phones]\nexten => 1,1,Hangup()\n")) {
            // the transport is 5 lines ahead of the test's text in the written file
            assertThat(f.pbx.logLines("pjsip.conf:10: endpoint 'alice' names aor 'ghost', which does not exist")).hasSize(1);
            assertThat(f.pbx.logLines("pjsip.conf:17: endpoint 'bob' names auth 'nobody'")).hasSize(1);
            assertThat(f.pbx.logLines("pjsip.conf:18:")).hasSize(1);
            assertThat(f.module().settings().endpoints()).containsOnlyKeys("alice", "trunk");
            assertThat(new PjsipModule().check(dir)).anyMatch(l -> l.startsWith("pjsip.conf:10:"))
                .anyMatch(l -> l.startsWith("pjsip.conf:17:")).anyMatch(l -> l.startsWith("pjsip.conf:18:"));
            assertThat(f.cli("pjsip show endpoints")).contains(" Endpoint:  alice ").contains(" Endpoint:  trunk ")
                .contains("Objects found: 2").doesNotContain("bob");
            assertThat(f.cli("pjsip show aors")).contains("Contact:  alice/sip:alice@127.0.0.1:5999");
            assertThat(f.cli("pjsip show auths")).contains("No objects found.");
            assertThat(f.cli("pjsip show endpoint nobody")).contains("Unable to find object nobody.");
            assertThat(f.pbx.eval("${PJSIP_DIAL_CONTACTS(trunk)}")).isEqualTo("PJSIP/trunk/sip:127.0.0.1:5998");
            assertThat(f.pbx.eval("${PJSIP_DIAL_CONTACTS(nosuch)}")).isEmpty();
        }
    }

    @Test
    void dialStringsThatCannotBeCalledFailWithTheirCause() throws Exception {
        try (PjsipPbxFixture f = PjsipPbxFixture.start(dir, FLAWED, "[phones]\nexten => 1,1,Hangup()\n")) {
            Channel c = f.pbx.channel();
            for (String bad : new String[] {"nosuch", "", "alice/not-a-uri", "a b"}) {
                f.pbx.pbx.execute(c, "Dial", "PJSIP/" + bad + ",1");
                assertThat(c.getVar("DIALSTATUS")).as(bad).isIn("CHANUNAVAIL", "CONGESTION");
            }
        }
    }

    @Test
    void pjsipShowEndpointsListsEachEndpointThenComplete() throws Exception {
        try (PjsipPbxFixture f = PjsipPbxFixture.start(dir, FLAWED, "[phones]\n")) {
            java.util.List<String> out = new java.util.ArrayList<>();
            var reply = new org.switchboard.core.ManagerReply() {
                @Override public void response(String kind, String message, java.util.Map<String, ?> fields) { out.add(kind + ": " + message); }
                @Override public void listStart(String message) { out.add("start: " + message); }
                @Override public void listItem(String event, java.util.Map<String, ?> fields) { out.add(event + " " + fields); }
                @Override public void listComplete(String event, java.util.Map<String, ?> extra) { out.add(event); }
                @Override public boolean answered() { return !out.isEmpty(); }
            };
            var request = new org.switchboard.core.ManagerRequest() {
                @Override public org.switchboard.core.Pbx pbx() { return f.pbx.pbx; }
                @Override public String action() { return "PJSIPShowEndpoints"; }
                @Override public String get(String header) { return null; }
                @Override public java.util.List<String> getAll(String header) { return java.util.List.of(); }
                @Override public java.util.List<java.util.Map.Entry<String, String>> headers() { return java.util.List.of(); }
                @Override public String user() { return "test"; }
                @Override public String remoteAddress() { return "127.0.0.1"; }
                @Override public boolean mayWrite(String c) { return true; }
            };
            new PjsipShowEndpointsAction().execute(request, reply);
            assertThat(out).hasSize(4);
            assertThat(out.get(0)).isEqualTo("start: A listing of Endpoints follows, presented as EndpointList events");
            assertThat(out.get(1)).startsWith("EndpointList {ObjectType=endpoint, ObjectName=alice, Transport=, Aor=alice, Auths=, ")
                .contains("Contacts=alice/sip:alice@127.0.0.1:5999,").contains("DeviceState=Not in use").contains("ActiveChannels=0");
            assertThat(out.get(2)).contains("ObjectName=trunk");
            assertThat(out.get(3)).isEqualTo("EndpointListComplete");
        }
    }

    @Test
    void dialStringForms() {
        assertThat(PjsipDialString.parse("alice")).isEqualTo(new PjsipDialString(null, "alice", null));
        assertThat(PjsipDialString.parse("100@trunk")).isEqualTo(new PjsipDialString("100", "trunk", null));
        assertThat(PjsipDialString.parse("alice/sip:alice@10.0.0.5:5062"))
            .isEqualTo(new PjsipDialString(null, "alice", "sip:alice@10.0.0.5:5062"));
        assertThat(PjsipDialString.parse("200@alice/sip:x@h")).isEqualTo(new PjsipDialString("200", "alice", "sip:x@h"));
    }

    @Test
    void withoutPjsipConfTheModuleDeclines() throws Exception {
        Files.writeString(dir.resolve("extensions.conf"), "");
        Files.writeString(dir.resolve("modules.conf"), "[modules]\nautoload=yes\nnoload => chan_skype\nnoload => res_manager\n");
        try (var pbx = new org.switchboard.testing.TestPbx(dir)) {
            assertThat(PjsipModule.get(pbx.pbx)).isNull();
        }
    }
}
