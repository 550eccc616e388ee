package org.switchboard.channels.pjsip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.channels.sip.SipPbxFixture.RawPeer;

/** PJSIP_ENDPOINT, PJSIP_AOR and PJSIP_CONTACT read pjsip.conf and the live contacts; bad names warn and give nothing. */
class PjsipObjectFunctionsTest {
    @TempDir Path dir;

    private static final String CONF = """
        [alice]
        type=endpoint
        context=phones
        allow=ulaw,alaw
        aors=alice
        dtmf_mode=info
        rewrite_contact=yes
        callerid="Alice" <100>

        [alice]
        type=aor
        max_contacts=2
        qualify_frequency=30
        contact=sip:desk@192.0.2.10:5060
        """;

    @Test
    void endpointAorAndContactFields() throws Exception {
        try (RawPeer phone = new RawPeer(); PjsipPbxFixture f = PjsipPbxFixture.start(dir, CONF, "")) {
            phone.send(f.port(), "REGISTER sip:127.0.0.1:" + f.port() + " SIP/2.0\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + phone.port() + ";branch=z9hG4bKfn1;rport\n"
                + "Max-Forwards: 70\nFrom: <sip:alice@127.0.0.1>;tag=fn1\nTo: <sip:alice@127.0.0.1>\n"
                + "Call-ID: fn-reg-1\nCSeq: 1 REGISTER\nUser-Agent: FnPhone/2\n"
                + "Contact: <sip:alice@127.0.0.1:" + phone.port() + ">\nExpires: 600\nContent-Length: 0\n\n");
            assertThat(phone.finalResponse(Duration.ofSeconds(5), "fn-reg-1")).startsWith("SIP/2.0 200");
            var t = f.pbx;
            assertThat(t.eval("${PJSIP_ENDPOINT(alice,context)}")).isEqualTo("phones");
            assertThat(t.eval("${PJSIP_ENDPOINT(alice,aors)}")).isEqualTo("alice");
            assertThat(t.eval("${PJSIP_ENDPOINT(alice,dtmf_mode)}")).isEqualTo("info");
            assertThat(t.eval("${PJSIP_ENDPOINT(alice,rewrite_contact)}")).isEqualTo("true");
            assertThat(t.eval("${PJSIP_ENDPOINT(alice,direct_media)}")).isEqualTo("true");
            assertThat(t.eval("${PJSIP_ENDPOINT(alice,allow)}")).isEqualTo("(ulaw|alaw)");
            assertThat(t.eval("${PJSIP_ENDPOINT(alice,callerid)}")).isEqualTo("\"Alice\" <100>");
            assertThat(t.eval("${PJSIP_AOR(alice,max_contacts)}")).isEqualTo("2");
            assertThat(t.eval("${PJSIP_AOR(alice,qualify_frequency)}")).isEqualTo("30");
            String ids = t.eval("${PJSIP_AOR(alice,contact)}");
            assertThat(ids.split(",")).hasSize(2).allMatch(id -> id.matches("alice;@[0-9a-f]{32}"));
            String stat = ids.split(",")[0];
            String reg = ids.split(",")[1];
            assertThat(t.eval("${PJSIP_CONTACT(" + stat + ",uri)}")).isEqualTo("sip:desk@192.0.2.10:5060");
            assertThat(t.eval("${PJSIP_CONTACT(" + stat + ",expiration_time)}")).isEqualTo("0");
            assertThat(t.eval("${PJSIP_CONTACT(" + reg + ",uri)}")).isEqualTo("sip:alice@127.0.0.1:" + phone.port());
            assertThat(t.eval("${PJSIP_CONTACT(" + reg + ",user_agent)}")).isEqualTo("FnPhone/2");
            assertThat(t.eval("${PJSIP_CONTACT(" + reg + ",call_id)}")).isEqualTo("fn-reg-1");
            assertThat(t.eval("${PJSIP_CONTACT(" + reg + ",via_port)}")).isEqualTo(Integer.toString(phone.port()));
            assertThat(t.eval("${PJSIP_CONTACT(" + reg + ",endpoint)}")).isEqualTo("alice");
            long exp = Long.parseLong(t.eval("${PJSIP_CONTACT(" + reg + ",expiration_time)}"));
            assertThat(exp - System.currentTimeMillis() / 1000).isBetween(500L, 601L);
        }
    }

    @Test
    void unknownObjectsAndFieldsWarnAndGiveNothing() throws Exception {
        try (PjsipPbxFixture f = PjsipPbxFixture.start(dir, CONF, "")) {
            var t = f.pbx;
            assertThat(t.eval("[${PJSIP_ENDPOINT(nobody,context)}]")).isEqualTo("[]");
            assertThat(t.logLines("Failed to retrieve information for endpoint 'nobody'")).hasSize(1);
            assertThat(t.eval("[${PJSIP_ENDPOINT(alice,colour)}]")).isEqualTo("[]");
            assertThat(t.logLines("Unknown property 'colour' for PJSIP endpoint")).hasSize(1);
            assertThat(t.eval("[${PJSIP_AOR(nowhere,contact)}]")).isEqualTo("[]");
            assertThat(t.logLines("Failed to retrieve information for AOR 'nowhere'")).hasSize(1);
            assertThat(t.eval("[${PJSIP_CONTACT(alice;@00,uri)}]")).isEqualTo("[]");
            assertThat(t.logLines("Failed to retrieve information for contact 'alice;@00'")).hasSize(1);
            assertThat(t.eval("[${PJSIP_ENDPOINT(alice)}]")).isEqualTo("[]");
            assertThat(t.logLines("Cannot call PJSIP_ENDPOINT with an empty field name to query")).hasSize(1);
        }
    }
}
