package org.switchboard.channels.skype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;
import org.switchboard.core.ManagerEvent;

/** Buddy list, presence → Skype status strings, SKYPE_BUDDIES/FETCH, authpolicy. */
class SkypeBuddiesTest {
    static final Duration T = Duration.ofSeconds(10);
    SkypeTestNetwork net = SkypeTestNetwork.shared();
    SkypeTestPbx pbx;

    void up(String extra, String extensions) {
        pbx = new SkypeTestPbx(net.confDir("chan_skype.conf", net.lmentinc(extra), "extensions.conf", extensions));
        pbx.loggedIn("lmentinc");
    }

    @AfterEach
    void down() {
        if (pbx != null) pbx.close();
    }

    String status(String buddy) { return pbx.pbx.substitute(pbx.channel(), "${SKYPE_BUDDY_STATUS(lmentinc," + buddy + ")}"); }

    List<String> buddyEvents(String buddy) {
        return pbx.events("SkypeBuddyStatus", e -> ("Skype/lmentinc@" + buddy).equals(e.get("Buddy")))
                .stream().map(e -> e.get("BuddyStatus")).toList();
    }

    @Test
    void presenceChangesGiveSkypeStatusStringsAndEvents() {
        up("", "[general]\n");
        await().atMost(T).until(() -> status("tfot.madsen").equals("Offline"));
        try (SkypeTestBuddy tfot = net.buddy("tfot.madsen")) {
            await().atMost(T).until(() -> status("tfot.madsen").equals("Online"));
            String[][] steps = {{"away", "Away"}, {"xa", "Not Available"}, {"dnd", "Do Not Disturb"}, {"chat", "Online"},
                    {"away", "Away"}, {"available", "Online"}};
            for (String[] s : steps) {
                tfot.presence(s[0], "status " + s[0]);
                await().atMost(T).until(() -> status("tfot.madsen").equals(s[1]));
            }
            tfot.presence("unavailable", null);
            await().atMost(T).until(() -> status("tfot.madsen").equals("Offline"));
        }
        assertThat(buddyEvents("tfot.madsen")).containsSubsequence("Offline", "Online", "Away", "Not Available", "Do Not Disturb",
                "Online", "Away", "Online", "Offline");
        assertThat(pbx.logLines("Skype buddy lmentinc@tfot.madsen is now Do Not Disturb")).isNotEmpty();
        assertThat(status("nobody")).isEqualTo("Unknown");
    }

    @Test
    void buddiesSeeTheAccountsStatus() {
        up("status=dnd\nstatusmessage=On a call", "[general]\n");
        try (SkypeTestBuddy tfot = net.buddy("tfot.madsen")) {
            tfot.awaitLine(l -> l.equals("presence lmentinc@skype.example available dnd"), T);
        }
    }

    @Test
    void buddiesAndFetchLoopReadsEveryBuddyThenEmpty() {
        up("", """
                [general]
                [list]
                exten => s,1,Set(ID=${SKYPE_BUDDIES(lmentinc)})
                 same => n(next),Set(ARRAY(buddy,status)=${SKYPE_BUDDY_FETCH(${ID})})
                 same => n,GotoIf($[${ISNULL(${buddy})}]?done)
                 same => n,Set(SEEN=${buddy}=${status})
                 same => n,Goto(next)
                 same => n(done),Set(END=yes)
                """);
        try (SkypeTestBuddy vuc = net.buddy("vuc.me")) {
            vuc.presence("away", null);
            await().atMost(T).until(() -> status("vuc.me").equals("Away"));
            Channel c = pbx.run("list", "s");
            await().atMost(T).until(c::isDestroyed);
            assertThat(pbx.varSets("SEEN")).containsExactly("tfot.madsen=Offline", "vuc.me=Away");
            assertThat(pbx.varSets("END")).containsExactly("yes");
            assertThat(pbx.skype().snapshots().size()).isZero();   // freed at hangup
        }
    }

    @Test
    void authpolicyAllowAddsAStrangerWhoSubscribes() {
        up("authpolicy=allow", "[general]\n");
        try (SkypeTestBuddy stranger = net.buddy("stranger")) {
            stranger.subscribe("lmentinc@skype.example");
            stranger.awaitLine(l -> l.equals("subscribed lmentinc@skype.example"), T);
            await().atMost(T).until(() -> status("stranger").equals("Online"));
            assertThat(pbx.skype().buddies("lmentinc")).extracting(SkypeAccount.Buddy::name).contains("stranger");
            assertThat(buddyEvents("stranger")).contains("Online");
            // clean the shared server's rosters for the other tests
            pbx.skype().removeBuddy("lmentinc", "stranger");
            await().atMost(T).until(() -> status("stranger").equals("Unknown"));
        }
    }

    @Test
    void authpolicyDenyRefusesTheStranger() {
        up("authpolicy=deny", "[general]\n");
        try (SkypeTestBuddy stranger = net.buddy("stranger2")) {
            stranger.subscribe("lmentinc@skype.example");
            stranger.awaitLine(l -> l.equals("unsubscribed lmentinc@skype.example"), T);
            assertThat(pbx.skype().buddies("lmentinc")).extracting(SkypeAccount.Buddy::name).doesNotContain("stranger2");
            assertThat(status("stranger2")).isEqualTo("Unknown");
            assertThat(pbx.logLines("refused (authpolicy=deny)")).isNotEmpty();
        }
    }

    @Test
    void addBuddyWaitsForAuthorizationUntilApproved() {
        up("", "[general]\n");
        try (SkypeTestBuddy helpdesk = net.buddy("helpdesk")) {
            helpdesk.ignoreSubscriptions();
            helpdesk.awaitLine(l -> l.equals("ok approve"), T);
            assertThat(pbx.skype().addBuddy("lmentinc", "helpdesk", "please add me")).isTrue();
            helpdesk.awaitLine(l -> l.equals("subscribe lmentinc@skype.example"), T);
            await().atMost(T).until(() -> status("helpdesk").equals("Waiting for Authorization"));
            assertThat(pbx.skype().buddies("lmentinc")).filteredOn(b -> b.name().equals("helpdesk"))
                    .extracting(SkypeAccount.Buddy::subscription).containsExactly("none+pending");
            // the buddy approves: both ways subscribed, the status is the buddy's presence
            helpdesk.command("approve on");
            helpdesk.awaitLine(l -> l.equals("ok approve") && helpdesk.count(x -> x.equals("ok approve")) == 2, T);
            helpdesk.command("subscribed-to lmentinc@skype.example");
            await().atMost(T).until(() -> status("helpdesk").equals("Online"));
            pbx.skype().removeBuddy("lmentinc", "helpdesk");
            await().atMost(T).until(() -> status("helpdesk").equals("Unknown"));
        }
        List<ManagerEvent> ev = pbx.events("SkypeBuddyStatus", e -> "Skype/lmentinc@helpdesk".equals(e.get("Buddy")));
        assertThat(ev).extracting(e -> e.get("BuddyStatus")).contains("Waiting for Authorization");
    }
}
