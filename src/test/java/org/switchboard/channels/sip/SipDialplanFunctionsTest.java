package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Channel;
import org.switchboard.testing.Sipp;

/**
 * chan_sip's dialplan words against SIPp: SIP_HEADER and SIPCHANINFO read the INVITE a SIPp
 * phone sent; SIPAddHeader/SIPRemoveHeader shape the INVITE Dial sends to another SIPp, which
 * fails the call unless the header is there; SIPPEER, CHECKSIPDOMAIN and DEVICE_STATE follow a
 * peer as it registers; bad arguments warn and the dialplan goes on.
 */
class SipDialplanFunctionsTest {
    private static final Duration MAX = Duration.ofSeconds(60);

    @TempDir Path dir;

    @BeforeAll
    static void sippInstalled() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Sipp.installed(), "sipp (Debian sip-tester) is not installed");
    }

    @Test
    void sipHeaderAndSipChanInfoReadTheIncomingInvite() throws Exception {
        String dialplan = """
                [calls]
                exten => hdr,1,Answer()
                 same => n,Verbose(1,@ [${SIP_HEADER(X-Tenant)}] [${SIP_HEADER(X-Line,2)}] [${SIP_HEADER(x-line)}] [${SIP_HEADER(X-Line,3)}] [${SIP_HEADER(X-None)}])
                 same => n,Verbose(1,@ [${SIP_HEADER(f)}] [${SIP_HEADER(User-Agent,0)}])
                 same => n,Verbose(1,@ [${SIPCHANINFO(peerip)}] [${SIPCHANINFO(useragent)}] [${SIPCHANINFO(peername)}] [${SIPCHANINFO(t38passthrough)}])
                 same => n,Verbose(1,@ [${SIPCHANINFO(from)}] [${SIPCHANINFO(uri)}])
                 same => n,Verbose(1,@ [${SIPCHANINFO(bogus)}] [${SIP_HEADER()}] [${SIPCHANINFO()}])
                 same => n,Wait(10)
                """;
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=yes\ncontext=calls", "", dialplan);
             Sipp phone = Sipp.scenario("uac-x-header.xml").remote("127.0.0.1", f.port()).service("hdr").calls(1)) {
            Sipp.Result r = phone.run(MAX);
            assertThat(r.ok()).as("%s", r).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> f.pbx.path().size() == 5);
            int port = phone.localPort();
            assertThat(f.pbx.path()).containsExactly(
                    "@ [acme-42] [two] [one] [] []",
                    "@ [\"SIPp\" <sip:sipp@127.0.0.1:" + port + ">;tag=" + f.pbx.path().get(1).replaceAll(".*;tag=([^\\]]*)\\].*", "$1")
                            + "] [SIPp uac-x-header]",
                    "@ [127.0.0.1] [SIPp uac-x-header] [] [0]",
                    "@ [sip:sipp@127.0.0.1:" + port + "] [sip:sipp@127.0.0.1:" + port + ";transport=UDP]",
                    "@ [] [] []");
            assertThat(f.pbx.said("SIPCHANINFO: unknown item 'bogus'")).hasSize(1);
            assertThat(f.pbx.said("This function requires a header name.")).hasSize(1);
            assertThat(f.pbx.said("This function requires a parameter name.")).hasSize(1);
        }
    }

    @Test
    void sipAddHeaderReachesTheDialedPhoneAndSipRemoveHeaderTakesOneBack() throws Exception {
        String dialplan = """
                [calls]
                exten => add,1,SIPAddHeader(X-Tenant: acme-42)
                 same => n,SIPAddHeader(X-Removed: soon)
                 same => n,SIPAddHeader(Bad Name: x)
                 same => n,SIPRemoveHeader(x-rem)
                 same => n,SIPAddHeader()
                 same => n,Verbose(1,@ [${SIPADDHEADER01}] [${SIPADDHEADER02}] [${SIPADDHEADER03}])
                 same => n,Dial(SIP/callee@127.0.0.1:${SIPP_PORT},10)
                """;
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=yes\ncontext=calls", "", dialplan);
             Sipp callee = Sipp.scenario("uas-expect-header.xml").calls(1).start()) {
            f.pbx.pbx.globals().put("SIPP_PORT", Integer.toString(callee.localPort()));
            try (Sipp caller = Sipp.scenario("uac-basic.xml").remote("127.0.0.1", f.port()).service("add").calls(1)) {
                Sipp.Result r = caller.run(MAX);
                assertThat(r.ok()).as("the caller's call: %s", r).isTrue();
            }
            assertThat(callee.stop(MAX).ok()).as("the callee found X-Tenant and no X-Removed").isTrue();
            assertThat(f.pbx.path()).containsExactly("@ [X-Tenant: acme-42] [] [Bad Name: x]");
            assertThat(f.pbx.said("'Bad Name' is not a SIP header name; not sent")).hasSize(1);
            assertThat(f.pbx.said("This application requires the argument: Header")).hasSize(1);
        }
    }

    @Test
    void tooManyHeadersAreRefusedAfterFifty() throws Exception {
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=yes\ncontext=calls", "", "[calls]\n")) {
            Channel c = f.pbx.channel("Test/many");
            for (int i = 0; i < 51; i++) f.pbx.pbx.execute(c, "SIPAddHeader", "X-N: " + i);
            assertThat(c.getVar("SIPADDHEADER50")).isEqualTo("X-N: 49");
            assertThat(f.pbx.said("Too many SIP headers added, max 50")).hasSize(1);
            f.pbx.pbx.execute(c, "SIPRemoveHeader", "");
            assertThat(c.getVar("SIPADDHEADER01")).isNull();
            assertThat(f.pbx.eval(c, "[${SIP_HEADER(From)}]")).isEqualTo("[]");
            assertThat(f.pbx.said("This function can only be used on SIP channels.")).hasSize(1);
        }
    }

    @Test
    void sipPeerCheckSipDomainAndDeviceStateFollowAPeerThatRegisters() throws Exception {
        String peers = """
                [desk1]
                type=friend
                host=dynamic
                secret=s3cret
                context=calls
                call-limit=2
                callerid="Desk One" <201>
                mailbox=201@default
                language=fr
                disallow=all
                allow=alaw
                allow=ulaw

                [trunk]
                type=peer
                host=127.0.0.1
                port=5099
                """;
        try (SipPbxFixture f = SipPbxFixture.start(dir, "context=calls\ndomain=PBX.example.com\ndomain=10.1.2.3,calls", peers,
                "[calls]\nexten => 201,hint,SIP/desk1\n")) {
            Channel c = f.pbx.channel("Test/peer");
            assertThat(f.pbx.eval(c, "[${SIPPEER(desk1)}] [${SIPPEER(desk1,dynamic)}] [${SIPPEER(desk1,port)}] [${SIPPEER(desk1,expire)}]"))
                    .isEqualTo("[] [yes] [0] [-1]");
            assertThat(f.pbx.eval(c, "[${SIPPEER(desk1,limit)}] [${SIPPEER(trunk,limit)}] [${SIPPEER(desk1,curcalls)}] [${SIPPEER(desk1,status)}]"))
                    .isEqualTo("[2] [2147483647] [0] [Unmonitored]");
            assertThat(f.pbx.eval(c, "[${SIPPEER(desk1,callerid_name)}] [${SIPPEER(desk1,callerid_num)}] [${SIPPEER(desk1,mailbox)}] [${SIPPEER(desk1,language)}]"))
                    .isEqualTo("[Desk One] [201] [201@default] [fr]");
            assertThat(f.pbx.eval(c, "[${SIPPEER(desk1,codecs)}] [${SIPPEER(desk1,codec[0])}] [${SIPPEER(desk1,codec[1])}] [${SIPPEER(desk1,codec[5])}]"))
                    .isEqualTo("[(alaw|ulaw)] [alaw] [ulaw] []");
            assertThat(f.pbx.eval(c, "[${SIPPEER(trunk)}] [${SIPPEER(trunk,port)}] [${SIPPEER(trunk,dynamic)}] [${SIPPEER(trunk,context)}]"))
                    .isEqualTo("[127.0.0.1] [5099] [no] [calls]");
            assertThat(f.pbx.eval(c, "[${CHECKSIPDOMAIN(pbx.example.com)}] [${CHECKSIPDOMAIN(10.1.2.3)}] [${CHECKSIPDOMAIN(other.org)}]"))
                    .isEqualTo("[pbx.example.com] [10.1.2.3] []");
            assertThat(f.pbx.eval(c, "${DEVICE_STATE(SIP/desk1)} ${DEVICE_STATE(SIP/trunk)} ${DEVICE_STATE(SIP/nobody)} ${EXTENSION_STATE(201@calls)}"))
                    .isEqualTo("UNAVAILABLE NOT_INUSE INVALID UNAVAILABLE");

            try (Sipp phone = Sipp.scenario("uac-register.xml").remote("127.0.0.1", f.port()).service("desk1").auth("desk1", "s3cret").calls(1)) {
                assertThat(phone.run(MAX).ok()).isTrue();
                assertThat(f.pbx.eval(c, "[${SIPPEER(desk1)}] [${SIPPEER(desk1,port)}] [${SIPPEER(desk1,useragent)}]"))
                        .isEqualTo("[127.0.0.1] [" + phone.localPort() + "] [SIPp uac-register]");
                assertThat(Long.parseLong(f.pbx.eval(c, "${SIPPEER(desk1,expire)}"))).isBetween(1L, 3600L);
            }
            assertThat(f.pbx.eval(c, "${DEVICE_STATE(SIP/desk1)} ${EXTENSION_STATE(201@calls)}")).isEqualTo("NOT_INUSE NOT_INUSE");

            // bad input: a warning each, an empty result, and the PBX goes on
            assertThat(f.pbx.eval(c, "[${SIPPEER(nobody)}] [${SIPPEER(desk1,bogus)}] [${SIPPEER()}] [${CHECKSIPDOMAIN()}]"))
                    .isEqualTo("[] [] [] []");
            assertThat(f.pbx.said("SIPPEER(): no SIP peer 'nobody'")).hasSize(1);
            assertThat(f.pbx.said("SIPPEER(): unknown item 'bogus'")).hasSize(1);
            assertThat(f.pbx.said("SIPPEER requires a peer name")).hasSize(1);
            assertThat(f.pbx.said("CHECKSIPDOMAIN requires an argument")).hasSize(1);
        }
    }
}
