package org.switchboard.bench.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.switchboard.channels.skype.SkypeTestNetwork;

/** A short seeded pass of the XMPP fuzzer: a few thousand hostile stanzas and the account is still logged in and chatting. */
class XmppFuzzTest {

    @Test
    void threeThousandHostileStanzasLeaveTheAccountLoggedInAndAnswering() {
        XmppFuzz.Summary s = XmppFuzz.run(SkypeTestNetwork.shared(), 3000, 20251207L, 250);
        System.out.println(s.text());
        assertThat(s.problems()).isEmpty();
        assertThat(s.checks()).isEqualTo(12);
        assertThat(s.livenessFailures()).isZero();
        assertThat(s.accountDrops()).isZero();
        assertThat(s.crashes()).as("lines logged above DEBUG with an exception, warnings and errors").isZero();
        assertThat(s.unansweredRequests()).isZero();
        assertThat(s.senderDisconnects()).isZero();
        assertThat(s.requests()).as("iq get and set, each owed a reply").isGreaterThan(400);
        // bounded: held messages expire and nothing keeps what a stranger sent (RSS also counts heap the JVM grew and kept)
        assertThat(s.rssAfterKb() - s.rssBeforeKb()).isLessThan(768 * 1024);
        assertThat(s.heapAfterKb() - s.heapBeforeKb()).isLessThan(64 * 1024);
    }
}
