package org.switchboard.channels.skype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelTech;
import org.switchboard.core.ManagerEvent;
import org.switchboard.testing.TestPbx;

/**
 * The seed's Skype dialplans (conf/extensions.conf, unchanged) on a real network: the screen pop
 * (104), the screen pop with a reply (106) and reading the buddy list (75973).
 */
class SkypeSeedTest {
    static final Duration T = Duration.ofSeconds(10);
    SkypeTestNetwork net = SkypeTestNetwork.shared();
    TestPbx t;
    final List<ManagerEvent> events = new CopyOnWriteArrayList<>();
    SkypeTestBuddy tfot;

    @BeforeEach
    void up() throws IOException {
        String dialplan = Files.readString(Path.of("conf/extensions.conf"));
        t = new TestPbx(net.confDir("chan_skype.conf", net.lmentinc("authpolicy=allow"), "extensions.conf", dialplan));
        t.pbx.events().subscribe(events::add);
        await().atMost(T).until(() -> SkypeModule.get(t.pbx).account("lmentinc").isLoggedIn());
        tfot = net.buddy("tfot.madsen");
    }

    @AfterEach
    void down() {
        tfot.close();
        t.close();
    }

    Channel call(String exten) {
        Channel c = t.pbx.allocChannel("SIP/0000FFFF0001-" + t.pbx.channels().nextSuffix(), new ChannelTech() {}, null);
        c.callerId().setAll("\"Alice Jones\" <4165551212>");
        c.setLocation("phones", exten, 1);
        t.pbx.startPbx(c);
        return c;
    }

    List<String> varSets(Channel c, String variable) {
        return events.stream().filter(e -> e.name().equals("VarSet") && c.name().equals(e.get("Channel"))
                && variable.equals(e.get("Variable"))).map(e -> e.get("Value")).toList();
    }

    @Test
    void extension104ScreenPopArrivesWithTheCallerId() {
        Channel c = call("104");
        SkypeTestBuddy.Msg m = tfot.nextMessage(T);
        assertThat(m.from()).isEqualTo("lmentinc@skype.example");
        assertThat(m.body()).isEqualTo("Incoming call from \"Alice Jones\" <4165551212>");
        await().atMost(T).until(c::isDestroyed);
        assertThat(varSets(c, "SKYPECHATSTATUS")).containsExactly("SUCCESS");
    }

    @Test
    void extension106RoutesToDialOnReply1() {
        tfot.replyOnce("1");
        Channel c = call("106");
        assertThat(tfot.nextMessage(T).body())
                .isEqualTo("Incoming call from \"Alice Jones\" <4165551212>. Press 1 to route to desk. Press 2 to send to voicemail.");
        await().atMost(T).until(c::isDestroyed);
        assertThat(varSets(c, "SkypeResponse")).containsExactly("1");
        assertThat(t.logLines("== Calling our desk")).hasSize(1);
        // the desk (SIP) is not there yet, so Dial falls through to voicemail as the seed says
        assertThat(t.logLines("Goto (phones,dial,1)").size() + t.logLines("phones,dial,1").size()).isPositive();
    }

    @Test
    void extension106RoutesToVoicemailOnReply2() {
        tfot.replyOnce("2");
        Channel c = call("106");
        await().atMost(T).until(c::isDestroyed);
        assertThat(varSets(c, "SkypeResponse")).containsExactly("2");
        assertThat(t.logLines(" == VoiceMail")).hasSize(1);
        assertThat(t.logLines("== Calling our desk")).isEmpty();
    }

    @Test
    void extension106RoutesToDialAfterSixSecondsOfSilence() {
        long t0 = System.nanoTime();
        Channel c = call("106");
        tfot.nextMessage(T);
        await().atMost(Duration.ofSeconds(15)).until(() -> !t.logLines("== Calling our desk").isEmpty());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ms).isGreaterThanOrEqualTo(5900);
        await().atMost(T).until(c::isDestroyed);
        assertThat(varSets(c, "SkypeResponse")).containsExactly("");
    }

    @Test
    void extension75973ReadsEveryBuddyWithItsStatus() {
        tfot.callMode("reject"); // the dialplan dials the first buddy read out: tfot.madsen is busy, the loop ends
        try (SkypeTestBuddy vuc = net.buddy("vuc.me")) {
            vuc.presence("dnd", "in a conference");
            await().atMost(T).until(() -> SkypeModule.get(t.pbx).account("lmentinc").buddyStatus("vuc.me@skype.example").equals("Do Not Disturb"));
            await().atMost(T).until(() -> SkypeModule.get(t.pbx).account("lmentinc").buddyStatus("tfot.madsen@skype.example").equals("Online"));
            Channel c = call("75973");
            await().atMost(T).until(c::isDestroyed);
            assertThat(varSets(c, "ID")).hasSize(1).allMatch(id -> !id.isEmpty());
            // no festival.conf here: Festival warns and the dialplan goes on, Read hears nothing
            // (this channel has no media) and the first buddy is dialled
            assertThat(varSets(c, "buddy")).containsExactly("tfot.madsen");
            assertThat(varSets(c, "status")).containsExactly("Online");
            assertThat(t.logLines("No such configuration file festival.conf")).hasSize(1);
            assertThat(t.logLines("Skype/tfot.madsen,30")).anyMatch(l -> l.contains("Dial("));
        }
        // the same loop without Festival in the way: every buddy, then no_more_buddies
        t.dialplan("""
                [phones]
                exten => 75973,1,Verbose(2,Read off list of Skype accounts)
                 same => n,Answer()
                 same => n,Set(ID=${SKYPE_BUDDIES(lmentinc)})
                 same => n(new_buddy),Set(ARRAY(buddy,status)=${SKYPE_BUDDY_FETCH(${ID})})
                 same => n,GotoIf($[${ISNULL(${buddy})}]?no_more_buddies)
                 same => n,Verbose(2,${buddy} is ${status})
                 same => n,Goto(new_buddy)
                exten => no_more_buddies,1,Verbose(2,No more buddies to find)
                 same => n,Hangup()
                """);
        Channel c = call("75973");
        await().atMost(T).until(c::isDestroyed);
        assertThat(t.logLines(" is ")).anyMatch(l -> l.endsWith("tfot.madsen is Online"))
                .anyMatch(l -> l.endsWith("vuc.me is Offline"));
        assertThat(t.logLines("== No more buddies to find")).hasSize(1);
    }
}
