package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.res.voicemail.Mailbox;
import org.switchboard.res.voicemail.MessageWaiting;
import org.switchboard.res.voicemail.VoicemailConfig;
import org.switchboard.res.voicemail.VoicemailSpool;
import org.switchboard.testing.Sipp;

/**
 * Message waiting on a desk phone (SIPp): a peer with {@code mailbox=100@lmentinc} hears its
 * counts in an RFC 3842 NOTIFY when it registers and again when a message lands in the box.
 */
class SipMwiTest {
    private static final Duration MAX = Duration.ofSeconds(60);

    @TempDir Path dir;

    @BeforeAll
    static void sippInstalled() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Sipp.installed(), "sipp (Debian sip-tester) is not installed");
    }

    @Test
    void aDeskPhoneWithAMailboxHearsItsCountsOnRegisterAndWhenAMessageLands() throws Exception {
        Files.writeString(dir.resolve("voicemail.conf"), "[general]\nformat=wav\n[lmentinc]\n100 => 4242,Front Desk\n101 => 1,Other\n");
        Files.writeString(dir.resolve("asterisk.conf"), "[directories]\nastspooldir => spool\n");
        try (Sipp lamp = Sipp.scenario("uas-mwi.xml").calls(2).arg("-trace_logs").start();
             SipPbxFixture f = SipPbxFixture.start(dir, "context=calls",
                 "[desk]\ntype=friend\nhost=dynamic\nsecret=deskpass\nnat=no\nmailbox=100@lmentinc\ncontext=calls\n"
                     + "[other]\ntype=friend\nhost=dynamic\nsecret=x\nmailbox=101@lmentinc\ncontext=calls\n",
                 "[calls]\nexten => 1,1,Hangup()\n");
             Sipp phone = Sipp.scenario("uac-register-contact.xml").remote("127.0.0.1", f.port()).service("desk")
                 .auth("desk", "deskpass").key("contact_port", Integer.toString(lamp.localPort())).calls(1)) {
            assertThat(phone.run(MAX).ok()).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> mwiLines(lamp).size() == 1);

            // a message for 101 is not the desk's business; one for 100 is
            VoicemailConfig cfg = VoicemailConfig.of(f.pbx.pbx);
            leave(f, cfg.mailbox("101", "lmentinc"));
            leave(f, cfg.mailbox("100", "lmentinc"));
            Sipp.Result r = lamp.stop(MAX);
            assertThat(r.ok()).as("%s", r).isTrue();
            assertThat(mwiLines(lamp)).containsExactly("MWI no 0/0 (0/0)", "MWI yes 1/0 (0/0)");
        }
    }

    @Test
    void aSubscribedPhoneGetsItsNotifiesInTheDialogUntilItUnsubscribes() throws Exception {
        Files.writeString(dir.resolve("voicemail.conf"), "[general]\nformat=wav\n[lmentinc]\n100 => 4242,Front Desk\n");
        Files.writeString(dir.resolve("asterisk.conf"), "[directories]\nastspooldir => spool\n");
        try (SipPbxFixture f = SipPbxFixture.start(dir, "context=calls",
                 "[desk]\ntype=friend\nhost=dynamic\nsecret=deskpass\nmailbox=100@lmentinc\ncontext=calls\n"
                     + "[nobox]\ntype=friend\nhost=dynamic\nsecret=x\ncontext=calls\n",
                 "[calls]\nexten => 1,1,Hangup()\n");
             Sipp phone = Sipp.scenario("uac-subscribe-mwi.xml").remote("127.0.0.1", f.port()).service("desk")
                 .auth("desk", "deskpass").calls(1).arg("-trace_logs").start()) {
            await().atMost(Duration.ofSeconds(15)).until(() -> mwiLines(phone).size() == 1);
            leave(f, VoicemailConfig.of(f.pbx.pbx).mailbox("100", "lmentinc"));
            Sipp.Result r = phone.stop(MAX);
            assertThat(r.ok()).as("%s", r).isTrue();
            assertThat(mwiLines(phone)).containsExactly("MWI active no 0/0 (0/0)", "MWI active yes 1/0 (0/0)", "MWI terminated");
        }
    }

    @Test
    void baresipSubscribesAndShowsTheCountsAsTheyChange() throws Exception {
        SipPhoneKit.assumeBaresip();
        Files.writeString(dir.resolve("voicemail.conf"), "[general]\nformat=wav\n[lmentinc]\n100 => 4242,Front Desk\n");
        Files.writeString(dir.resolve("asterisk.conf"), "[directories]\nastspooldir => spool\n");
        try (SipPbxFixture f = SipPbxFixture.start(dir, "context=calls",
                 "[desk]\ntype=friend\nhost=dynamic\nsecret=deskpass\nmailbox=100@lmentinc\ncontext=calls\n",
                 "[calls]\nexten => 1,1,Hangup()\n");
             org.switchboard.testing.BaresipPhone phone = org.switchboard.testing.BaresipPhone.start(dir, "desk", "deskpass",
                 SipPhoneKit.registrar(f.port()), null, null, List.of("PCMU"), List.of("module_app mwi.so"))) {
            phone.awaitRegistered(Duration.ofSeconds(15));
            await().atMost(Duration.ofSeconds(15)).until(() -> mwiEvents(phone).stream().anyMatch(m -> m.contains("Messages-Waiting: no")));
            leave(f, VoicemailConfig.of(f.pbx.pbx).mailbox("100", "lmentinc"));
            await().atMost(Duration.ofSeconds(15)).until(() -> mwiEvents(phone).stream()
                .anyMatch(m -> m.contains("Messages-Waiting: yes") && m.contains("Voice-Message: 1/0")));
        }
    }

    private static List<String> mwiEvents(org.switchboard.testing.BaresipPhone p) {
        return p.events().stream().filter(e -> e.type().equals("MWI_NOTIFY")).map(e -> e.param() + e.raw()).toList();
    }

    @Test
    void otherEventPackagesGet489AndBadSubscribesTheirErrors() throws Exception {
        try (SipPbxFixture f = SipPbxFixture.start(dir, "context=calls", "[nobox]\ntype=friend\nhost=dynamic\ncontext=calls\n",
                 "[calls]\nexten => 1,1,Hangup()\n");
             SipPbxFixture.RawPeer p = new SipPbxFixture.RawPeer()) {
            p.send(f.port(), subscribe(p.port(), "presence", "sub-1"));
            assertThat(p.finalResponse(Duration.ofSeconds(5), "sub-1")).startsWith("SIP/2.0 489").contains("Allow-Events: message-summary");
            p.send(f.port(), subscribe(p.port(), "message-summary", "sub-2"));
            assertThat(p.finalResponse(Duration.ofSeconds(5), "sub-2")).startsWith("SIP/2.0 404");
            p.send(f.port(), subscribe(p.port(), "message-summary", "sub-3").replace("Expires: 600", "Expires: 10"));
            assertThat(p.finalResponse(Duration.ofSeconds(5), "sub-3")).startsWith("SIP/2.0 423").contains("Min-Expires: 60");
            p.send(f.port(), subscribe(p.port(), "message-summary", "sub-4").replace("To: <sip:nobox@127.0.0.1>",
                "To: <sip:nobox@127.0.0.1>;tag=nosuchdialog"));
            assertThat(p.finalResponse(Duration.ofSeconds(5), "sub-4")).startsWith("SIP/2.0 481");
        }
    }

    private static String subscribe(int port, String event, String callId) {
        return "SUBSCRIBE sip:nobox@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bK" + callId
            + "\r\nFrom: <sip:nobox@127.0.0.1>;tag=1\r\nTo: <sip:nobox@127.0.0.1>\r\nCall-ID: " + callId
            + "\r\nCSeq: 1 SUBSCRIBE\r\nContact: <sip:nobox@127.0.0.1:" + port + ">\r\nEvent: " + event
            + "\r\nExpires: 600\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
    }

    @Test
    void theBodyIsRfc3842() {
        assertThat(SipMwi.body(new MessageWaiting.Counts(2, 1, 0), "192.0.2.1")).isEqualTo(
            "Messages-Waiting: yes\r\nMessage-Account: sip:asterisk@192.0.2.1\r\nVoice-Message: 2/1 (0/0)\r\n");
        assertThat(SipMwi.body(new MessageWaiting.Counts(0, 3, 0), "h")).startsWith("Messages-Waiting: no\r\n");
    }

    /** What VoiceMail() does when a message is complete: deliver it, then publish the counts. */
    private static void leave(SipPbxFixture f, Mailbox m) throws Exception {
        VoicemailSpool spool = VoicemailSpool.of(f.pbx.pbx);
        Path rec = spool.recordingFile(m, "wav");
        Files.write(rec, new byte[44]);
        spool.deliver(m, rec, "wav", Map.of("origmailbox", m.box()));
        MessageWaiting.publish(f.pbx.pbx, m);
    }

    private static List<String> mwiLines(Sipp s) throws Exception {
        try (Stream<Path> files = Files.list(s.dir())) {
            Path log = files.filter(p -> p.getFileName().toString().endsWith("_logs.log")).findFirst().orElse(null);
            if (log == null) return List.of();
            return Files.readAllLines(log).stream().filter(l -> l.startsWith("MWI ")).toList();
        }
    }
}
