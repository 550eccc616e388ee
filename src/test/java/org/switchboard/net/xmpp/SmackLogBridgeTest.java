package org.switchboard.net.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.PbxLog;

/** Smack's java.util.logging reaches the PBX's log through jul-to-slf4j and logback, rate-limited. */
class SmackLogBridgeTest {
    private final List<PbxLog.Line> lines = new CopyOnWriteArrayList<>();
    private final Consumer<PbxLog.Line> sink = lines::add;

    @BeforeEach
    void listen() {
        SmackLogBridge.install();
        PbxLog.process().addSink(sink);   // Smack's threads work for no PBX
    }

    @AfterEach
    void stop() { PbxLog.process().removeSink(sink); }

    @Test
    void aListenerThatThrewIsAWarningAndSmacksOpinionOfAPeerIsADebugLine() {
        Logger smack = Logger.getLogger("org.jivesoftware.smack.BridgeTestA");
        smack.log(Level.SEVERE, "Exception in packet listener", new IllegalStateException("boom"));
        smack.log(Level.SEVERE, "Found invalid amp status {0}", "bogus");
        smack.log(Level.WARNING, "below severe: not worth a line");

        assertThat(lines).extracting(PbxLog.Line::level).containsExactly(PbxLog.Level.WARNING, PbxLog.Level.DEBUG);
        assertThat(lines.get(0).text()).matches("\\[.+\\] WARNING\\[\\d+\\]: smack: Exception in packet listener: java.lang.IllegalStateException: boom");
        assertThat(lines.get(1).text()).endsWith("]: smack: Found invalid amp status bogus");
    }

    @Test
    void aFloodFromOneLoggerIsCutToTheFirstFewLines() {
        Logger smack = Logger.getLogger("org.jivesoftware.smack.BridgeTestFlood");
        for (int i = 0; i < 50; i++) smack.log(Level.SEVERE, "bad stanza " + i, new IllegalArgumentException("x"));
        assertThat(lines).hasSize(5);
        assertThat(lines.get(4).text()).contains("bad stanza 4");
    }

    @Test
    void otherLibrariesJulLoggersAreLeftAlone() {
        Logger other = Logger.getLogger("com.example.not.smack");
        boolean before = other.getUseParentHandlers();
        Logger.getLogger("org.jivesoftware.smack.BridgeTestB").log(Level.SEVERE, "from smack");
        assertThat(lines).hasSize(1);
        assertThat(other.getUseParentHandlers()).isEqualTo(before);
        assertThat(Logger.getLogger("").getHandlers()).noneMatch(h -> h instanceof org.slf4j.bridge.SLF4JBridgeHandler);
    }
}
