package org.switchboard.channels.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.PbxLog;

/** The unauthenticated-connection caps: per address and in all, and one log line each time a cap starts to bite. */
class TcpAdmissionTest {
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Consumer<PbxLog.Line> sink = l -> log.add(l.text());
    private final TcpAdmission admission = new TcpAdmission(new TcpLimits(Duration.ofSeconds(30), 5, 2, Duration.ofMinutes(5)));

    @BeforeEach void listen() { PbxLog.addSink(sink); }

    @AfterEach void stop() { PbxLog.removeSink(sink); }

    private static InetAddress address(int last) throws Exception {
        return InetAddress.getByAddress(new byte[] {(byte) 198, 51, 100, (byte) last}); // TEST-NET-2, its own per test
    }

    private long lines(String fragment) { return log.stream().filter(l -> l.contains(fragment)).count(); }

    @Test void theThirdFromOneAddressIsRefusedWithOneLineUntilAPlaceFreesUp() throws Exception {
        InetAddress a = address(11);
        assertThat(admission.admit(a)).isTrue();
        assertThat(admission.admit(a)).isTrue();
        assertThat(admission.admit(a)).isFalse();
        assertThat(admission.admit(a)).isFalse();
        assertThat(lines("Refusing TCP connections from 198.51.100.11:")).isEqualTo(1);
        assertThat(admission.admit(address(12))).as("another address").isTrue();
        admission.release(a); // one authenticated or left
        assertThat(admission.admit(a)).isTrue();
        assertThat(admission.admit(a)).isFalse(); // biting again: a new episode, a new line
        assertThat(lines("Refusing TCP connections from 198.51.100.11:")).isEqualTo(2);
        assertThat(admission.unauthenticated()).isEqualTo(3);
    }

    @Test void theTotalCapCountsEveryAddress() throws Exception {
        for (int i = 0; i < 5; i++) assertThat(admission.admit(address(20 + i))).isTrue();
        assertThat(admission.admit(address(30))).isFalse();
        assertThat(admission.admit(address(31))).isFalse();
        assertThat(lines("(tcpauthlimit)")).isEqualTo(1);
        assertThat(lines("first from 198.51.100.30")).isEqualTo(1);
        assertThat(admission.unauthenticated()).isEqualTo(5);
        admission.release(address(20));
        assertThat(admission.admit(address(31))).isTrue(); // its refused attempt left no count behind
        assertThat(admission.unauthenticated()).isEqualTo(5);
    }
}
