package org.switchboard.res.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.JabberSendAction;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.channels.skype.SkypeTestBuddy;
import org.switchboard.channels.skype.SkypeTestNetwork;
import org.switchboard.channels.skype.SkypeTestPbx;
import org.switchboard.core.Channel;
import org.switchboard.core.CliCommand;
import org.switchboard.res.manager.ManagerModule;

/**
 * res_xmpp against a private Prosody: two xmpp.conf clients (asterisk = lmentinc, whose roster
 * holds tfot.madsen and vuc.me; router = helpdesk with sendtodialplan) and real XMPP clients as
 * the buddies on the other end.
 */
class ResXmppTest {
    static final Duration T = Duration.ofSeconds(15);
    static SkypeTestNetwork net;

    SkypeTestPbx pbx;
    SkypeTestBuddy tfot;

    @BeforeAll
    static void network() { net = SkypeTestNetwork.create(false); }

    @AfterAll
    static void stopNetwork() { if (net != null) net.close(); }

    @BeforeEach
    void up() {
        String xmpp = """
                [general]
                autoregister=yes
                auth_policy=accept

                [asterisk]
                type=client
                serverhost=127.0.0.1
                port=%1$d
                username=lmentinc@skype.example/pbx
                secret=pw-lmentinc
                status=available
                statusmessage=At the desk
                timeout=5

                [router]
                type=client
                serverhost=127.0.0.1
                port=%1$d
                username=helpdesk@skype.example
                secret=pw-helpdesk
                tls_ca_file=%2$s
                context=xmpp-in
                sendtodialplan=yes
                """.formatted(net.port, net.cert);
        String dialplan = """
                [xmpp-in]
                exten => s,1,Set(MESSAGE(body)=${MESSAGE(body)}|${MESSAGE(to)})
                 same => n,MessageSend(xmpp:${MESSAGE(from):5})
                [calls]
                exten => 1,1,JabberSend(nobody,tfot.madsen@skype.example,lost)
                 same => n,Set(AFTER=went on)
                """;
        pbx = new SkypeTestPbx(net.confDir("xmpp.conf", xmpp, "extensions.conf", dialplan, "manager.conf", """
                [general]
                enabled = yes
                port = 0
                bindaddr = 127.0.0.1
                [admin]
                secret = s3cret
                read = all
                write = all
                """));
        await().atMost(T).until(() -> module() != null && module().client("asterisk").isConnected()
                && module().client("router").isConnected());
        tfot = net.buddy("tfot.madsen");
    }

    @AfterEach
    void down() {
        if (tfot != null) tfot.close();
        pbx.close();
    }

    XmppModule module() { return XmppModule.get(pbx.pbx); }

    String eval(Channel c, String text) { return pbx.pbx.substitute(c, text); }

    @Test
    void bothClientsShowAsConnected() {
        String out = cli("xmpp show connections");
        assertThat(out).contains("Jabber Users and their status:", "[asterisk] lmentinc@skype.example     - Connected",
                "[router] helpdesk@skype.example     - Connected", "Number of clients: 2");
    }

    @Test
    void jabberSendReachesTheBuddyWithCommasAndMarkupIntact() {
        Channel c = pbx.channel();
        pbx.pbx.execute(c, "JabberSend", "asterisk,tfot.madsen@skype.example,Hello, world");
        SkypeTestBuddy.Msg m = tfot.nextMessage(T);
        assertThat(m.from()).isEqualTo("lmentinc@skype.example");
        assertThat(m.body()).isEqualTo("Hello, world");
        // a message full of XML is text, not markup: it arrives as typed and the stream survives
        String xml = "<message to='x'><body>&amp; ]]> </body></message><![CDATA[ <iq type='set'/> ]]>";
        pbx.pbx.execute(c, "JabberSend", "asterisk,tfot.madsen@skype.example," + xml);
        assertThat(tfot.nextMessage(T).body()).isEqualTo(xml);
        assertThat(module().client("asterisk").isConnected()).isTrue();
    }

    @Test
    void jabberReceiveTakesTheBuddysMessageWhetherItWaitsOrTheMessageWasHeld() throws Exception {
        // held: it came before anyone asked, within timeout= (5 s)
        tfot.send("lmentinc@skype.example/pbx", "early <b>bird</b> & co");
        await().atMost(T).until(() -> module().client("asterisk").inbox().held() == 1);
        Channel c = pbx.channel();
        assertThat(eval(c, "${JABBER_RECEIVE(asterisk,tfot.madsen@skype.example,5)}")).isEqualTo("early <b>bird</b> & co");
        // waiting: the channel blocks until the buddy writes; another buddy's message is not taken
        try (SkypeTestBuddy vuc = net.buddy("vuc.me")) {
            CompletableFuture<String> got = CompletableFuture.supplyAsync(
                    () -> eval(c, "${JABBER_RECEIVE(asterisk,tfot.madsen@skype.example,10)}"));
            await().atMost(T).until(() -> module().client("asterisk").inbox().waiting() == 1);
            vuc.send("lmentinc@skype.example/pbx", "not for you");
            tfot.send("lmentinc@skype.example/pbx", "1");
            assertThat(got.get(15, TimeUnit.SECONDS)).isEqualTo("1");
            assertThat(eval(c, "${JABBER_RECEIVE(asterisk,vuc.me@skype.example,5)}")).isEqualTo("not for you");
        }
        // nothing comes: empty after the timeout
        assertThat(eval(c, "${JABBER_RECEIVE(asterisk,tfot.madsen@skype.example,1)}")).isEmpty();
    }

    @Test
    void jabberStatusFollowsTheBuddysPresence() {
        Channel c = pbx.channel();
        await().atMost(T).until(() -> eval(c, "${JABBER_STATUS(asterisk,tfot.madsen@skype.example)}").equals("1"));
        tfot.presence("away", "lunch");
        await().atMost(T).until(() -> eval(c, "${JABBER_STATUS(asterisk,tfot.madsen@skype.example)}").equals("3"));
        tfot.presence("dnd", null);
        await().atMost(T).until(() -> eval(c, "${JABBER_STATUS(asterisk,tfot.madsen@skype.example)}").equals("5"));
        tfot.presence("chat", null);
        await().atMost(T).until(() -> eval(c, "${JABBER_STATUS(asterisk,tfot.madsen@skype.example)}").equals("2"));
        tfot.presence("xa", null);
        await().atMost(T).until(() -> eval(c, "${JABBER_STATUS(asterisk,tfot.madsen@skype.example)}").equals("4"));
        // vuc.me is a buddy but not logged in; stranger is on nobody's roster
        assertThat(eval(c, "${JABBER_STATUS(asterisk,vuc.me@skype.example)}")).isEqualTo("6");
        assertThat(eval(c, "${JABBER_STATUS(asterisk,stranger@skype.example)}")).isEqualTo("7");
        pbx.pbx.execute(c, "JabberStatus", "asterisk,tfot.madsen@skype.example,JSTATUS");
        assertThat(c.getVar("JSTATUS")).isEqualTo("4");
        assertThat(cli("xmpp show buddies")).contains("Client: asterisk", "\tBuddy:\ttfot.madsen@skype.example",
                "\t\t\tStatus: 4", "\tBuddy:\tvuc.me@skype.example\n\t\tResource: None");
    }

    @Test
    void sendToDialplanRunsTheContextWithTheMessageAndMessageSendReplies() {
        try (SkypeTestBuddy stranger = net.buddy("stranger")) {
            stranger.send("helpdesk@skype.example", "hi there");
            SkypeTestBuddy.Msg reply = stranger.nextMessage(T);
            assertThat(reply.from()).isEqualTo("helpdesk@skype.example");
            assertThat(reply.body()).isEqualTo("hi there|xmpp:helpdesk@skype.example");
        }
    }

    @Test
    void messageSendNamesTheClientAsFrom() {
        Channel c = pbx.channel();
        pbx.pbx.vars().set(c, "MESSAGE(body)", "from the dialplan");
        pbx.pbx.execute(c, "MessageSend", "xmpp:tfot.madsen@skype.example,asterisk");
        assertThat(c.getVar("MESSAGE_SEND_STATUS")).isEqualTo("SUCCESS");
        assertThat(tfot.nextMessage(T).body()).isEqualTo("from the dialplan");
        pbx.pbx.execute(c, "MessageSend", "xmpp:tfot.madsen@skype.example,nosuchclient");
        assertThat(c.getVar("MESSAGE_SEND_STATUS")).isEqualTo("FAILURE");
        assertThat(pbx.logLines("MessageSend: could not find XMPP client 'nosuchclient'")).hasSize(1);
    }

    @Test
    void anUnknownAccountIsALogLineAndTheCallGoesOn() {
        Channel c = pbx.run("calls", "1");
        await().atMost(T).until(() -> "went on".equals(c.getVar("AFTER")));
        assertThat(pbx.logLines("JabberSend: could not find XMPP client 'nobody'; xmpp.conf has")).hasSize(1);
    }

    @Test
    void aStanzaTheClientCannotReadIsSkippedAndTheNextMessageArrives() {
        try (SkypeTestBuddy stranger = net.buddy("stranger")) {
            stranger.raw("<message to='lmentinc@skype.example/pbx' type='bogus'><body>x</body></message>");
            stranger.raw("<message to='lmentinc@skype.example/pbx' type='chat'><body>after</body><priority>999</priority>"
                    + "<x xmlns='urn:example:unknown'><deep><deeper/></deep></x></message>");
            Channel c = pbx.channel();
            assertThat(eval(c, "${JABBER_RECEIVE(asterisk,stranger@skype.example,10)}")).isEqualTo("after");
            assertThat(module().client("asterisk").isConnected()).isTrue();
        }
    }

    @Test
    void aRoomIsJoinedSpokenToAndLeft() {
        String room = "sales@conference.skype.example";
        tfot.join(room, "tfot");
        tfot.awaitReport("ok join", T);
        Channel c = pbx.channel();
        pbx.pbx.execute(c, "JabberJoin", "asterisk," + room);                  // nick: the client's user name
        pbx.pbx.execute(c, "JabberSendGroup", "asterisk," + room + ",\"Queue 5: 3 callers, <urgent>\"");
        String line = tfot.awaitLine(l -> l.startsWith("groupmsg " + room + " lmentinc "), T);
        assertThat(new String(java.util.Base64.getDecoder().decode(line.substring(line.lastIndexOf(' ') + 1)),
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("Queue 5: 3 callers, <urgent>");
        pbx.pbx.execute(c, "JabberLeave", "asterisk," + room);
        pbx.pbx.execute(c, "JabberLeave", "asterisk," + room);
        assertThat(pbx.logLines("XMPP client 'asterisk' is not in " + room)).hasSize(1);
        pbx.pbx.execute(c, "JabberSendGroup", "asterisk," + room);
        assertThat(pbx.logLines("JabberSendGroup requires arguments (Jabber,RoomJID,Message[,Nickname])")).hasSize(1);
        pbx.pbx.execute(c, "JabberJoin", "nobody," + room);
        assertThat(pbx.logLines("JabberJoin: could not find XMPP client 'nobody'")).hasSize(1);
    }

    @Test
    void theManagerActionSendsThroughAsteriskJava() throws Exception {
        ManagerConnection ami = new ManagerConnectionFactory("127.0.0.1", ManagerModule.of(pbx.pbx).port(), "admin", "s3cret")
                .createManagerConnection();
        ami.login();
        try {
            ManagerResponse r = ami.sendAction(new JabberSendAction("asterisk", "tfot.madsen@skype.example", "via AMI"), 10_000);
            assertThat(r.getResponse()).isEqualTo("Success");
            assertThat(tfot.nextMessage(T).body()).isEqualTo("via AMI");
            ManagerResponse bad = ami.sendAction(new JabberSendAction("nobody", "tfot.madsen@skype.example", "x"), 10_000);
            assertThat(bad.getResponse()).isEqualTo("Error");
            assertThat(bad.getMessage()).isEqualTo("Could not find Sender");
            ManagerResponse empty = ami.sendAction(new JabberSendAction("asterisk", "tfot.madsen@skype.example", ""), 10_000);
            assertThat(empty.getMessage()).isEqualTo("No Message specified");
        } finally {
            ami.logoff();
        }
    }

    @Test
    void everyWordIsDocumented() {
        for (String app : List.of("JabberSend", "JabberStatus", "JabberJoin", "JabberLeave", "JabberSendGroup")) {
            assertThat(pbx.pbx.modules().application(app)).as(app).isNotNull();
            assertThat(pbx.pbx.modules().application(app).description()).isNotBlank();
        }
        for (String f : List.of("JABBER_RECEIVE", "JABBER_STATUS")) {
            assertThat(pbx.pbx.modules().function(f)).as(f).isNotNull();
            assertThat(pbx.pbx.modules().function(f).syntax()).startsWith(f + "(");
        }
    }

    private String cli(String line) {
        List<String> words = List.of(line.split(" "));
        for (CliCommand c : pbx.pbx.modules().cliCommands()) {
            if (words.size() >= c.words().size() && words.subList(0, c.words().size()).equals(c.words())) {
                StringWriter sw = new StringWriter();
                PrintWriter pw = new PrintWriter(sw);
                assertThat(c.execute(pbx.pbx, words.subList(c.words().size(), words.size()), pw)).isTrue();
                pw.flush();
                return sw.toString();
            }
        }
        throw new AssertionError("no command " + line);
    }
}
