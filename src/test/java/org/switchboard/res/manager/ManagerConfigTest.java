package org.switchboard.res.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.switchboard.config.ConfigReader;

/** manager.conf options that bound what a client can cost: sendqueuelimit and writetimeout. */
class ManagerConfigTest {
    private static ManagerConfig parse(String text) {
        return ManagerConfig.from(ConfigReader.parse("manager.conf", text, Path.of(".")));
    }

    @Test
    void sendQueueLimitTakesBytesOrKOrMAndDefaultsToEightMegabytes() {
        assertThat(parse("[general]\nenabled = yes\n").sendQueueLimit()).isEqualTo(8L << 20);
        assertThat(parse("[general]\nsendqueuelimit = 65536\n").sendQueueLimit()).isEqualTo(65536);
        assertThat(parse("[general]\nsendqueuelimit = 512k\n").sendQueueLimit()).isEqualTo(512L << 10);
        assertThat(parse("[general]\nsendqueuelimit = 2M\n").sendQueueLimit()).isEqualTo(2L << 20);
    }

    @Test
    void badOrTinySendQueueLimitsAreReportedWithTheirLineAndTheDefaultUsed() {
        ManagerConfig tiny = parse("[general]\nsendqueuelimit = 1K\n");
        assertThat(tiny.sendQueueLimit()).isEqualTo(ManagerConfig.DEFAULT_SEND_QUEUE_LIMIT);
        assertThat(tiny.problems()).singleElement().asString().contains("manager.conf:2: sendqueuelimit=1K is out of range");
        ManagerConfig bad = parse("[general]\nsendqueuelimit = lots\n");
        assertThat(bad.sendQueueLimit()).isEqualTo(ManagerConfig.DEFAULT_SEND_QUEUE_LIMIT);
        assertThat(bad.problems()).singleElement().asString().contains("invalid sendqueuelimit 'lots'");
        assertThat(parse("[general]\nsendqueuelimit = 99999999999M\n").problems()).hasSize(1);
    }

    @Test
    void writeTimeoutIsPerUserInMillisecondsAtLeastOneHundred() {
        ManagerConfig c = parse("[general]\n[a]\nsecret = x\n[b]\nsecret = y\nwritetimeout = 2500\n[c]\nsecret = z\nwritetimeout = 50\n");
        assertThat(c.user("a").writeTimeoutMs()).isEqualTo(100);
        assertThat(c.user("b").writeTimeoutMs()).isEqualTo(2500);
        assertThat(c.user("c").writeTimeoutMs()).isEqualTo(100);
        assertThat(c.problems()).singleElement().asString().contains("writetimeout=50 is out of range");
    }
}
