package org.switchboard.res.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelState;
import org.switchboard.core.ManagerEvent;

/**
 * Clients that stop reading: dropped at their byte limit (sendqueuelimit) or when their socket
 * takes nothing for writetimeout, with one log line each, while a client that reads gets every
 * event and a call in progress goes on. What waits for a silent client stays under the limit.
 */
class ManagerSlowClientTest {
    private static final String BODY = "x".repeat(1000);
    private static final long LIMIT = 64 * 1024;

    @Test
    void clientThatNeverReadsIsDroppedAtItsByteLimitWhileACallAndAReaderGoOn() throws Exception {
        String conf = ManagerFixture.GENERAL + "sendqueuelimit = 64K\n" + ManagerFixture.ADMIN + "writetimeout = 3600000\n";
        String from = ManagerFixture.freshLoopback();
        try (ManagerFixture fx = new ManagerFixture(conf); AmiTestClient reader = fx.loggedIn();
             AmiTestClient stalled = new AmiTestClient(fx.port(), 4096, from)) {
            Channel call = callInWait(fx, reader);
            stalled.readBanner();
            assertThat(stalled.login("admin", "s3cret")).containsEntry("Message", "Authentication accepted");
            // the stalled client reads nothing more
            int published = floodUntil(fx, reader, n -> fx.manager.sessions().size() == 1, LIMIT);
            assertThat(published).isGreaterThan(0);
            assertThat(fx.test.logLines("Manager session 'admin' from " + from + " is not reading: disconnecting it with"))
                    .hasSize(1).allSatisfy(l -> assertThat(l).contains("(sendqueuelimit 65,536)"));
            assertThat(call.isHangupRequested()).isFalse();
            assertThat(call.state()).isEqualTo(ChannelState.UP);
            assertThat(fx.test.pbx.channels().count()).isEqualTo(2);
        }
    }

    @Test
    void clientWhoseSocketTakesNothingForWriteTimeoutIsDropped() throws Exception {
        String from = ManagerFixture.freshLoopback();
        // admin's writetimeout is Asterisk's default, 100 ms; the byte limit (8 MB) is far away
        try (ManagerFixture fx = new ManagerFixture(); AmiTestClient reader = fx.loggedIn();
             AmiTestClient stalled = new AmiTestClient(fx.port(), 4096, from)) {
            Channel call = callInWait(fx, reader);
            stalled.readBanner();
            assertThat(stalled.login("admin", "s3cret")).containsEntry("Message", "Authentication accepted");
            floodUntil(fx, reader, n -> fx.manager.sessions().size() == 1, Long.MAX_VALUE);
            assertThat(fx.test.logLines("Manager session 'admin' from " + from + " took no data for 100 ms (writetimeout)"))
                    .hasSize(1);
            assertThat(call.isHangupRequested()).isFalse();
            assertThat(call.state()).isEqualTo(ChannelState.UP);
        }
    }

    @Test
    void whatWaitsForManySilentClientsStaysUnderTheLimit() throws Exception {
        String conf = ManagerFixture.GENERAL + "sendqueuelimit = 64K\nauthlimit = 100\ndisplayconnects = no\n"
                + ManagerFixture.ADMIN + "writetimeout = 3600000\n";
        String from = ManagerFixture.freshLoopback();
        int silentClients = 40;
        try (ManagerFixture fx = new ManagerFixture(conf); AmiTestClient reader = fx.loggedIn()) {
            List<AmiTestClient> silent = new ArrayList<>();
            try {
                for (int i = 0; i < silentClients; i++) {
                    AmiTestClient c = new AmiTestClient(fx.port(), 4096, from);
                    silent.add(c);
                    c.readBanner();
                    assertThat(c.login("admin", "s3cret", "Events: on")).containsEntry("Message", "Authentication accepted");
                }
                floodUntil(fx, reader, n -> fx.manager.sessions().size() == 1, LIMIT);
            } finally {
                for (AmiTestClient c : silent) c.close();
            }
            // one line per client, but at most five per address in a window: the rest are counted
            assertThat(fx.test.logLines("from " + from + " is not reading: disconnecting it")).hasSize(5);
        }
    }

    /** Starts a Local channel in Wait(30) through the reader and returns its first half. */
    private static Channel callInWait(ManagerFixture fx, AmiTestClient reader) throws Exception {
        reader.send("Action: Originate", "Channel: Local/park@test", "Application: Wait", "Data: 30", "Async: true", "ActionID: call");
        assertThat(reader.readResponse()).containsEntry("Message", "Originate successfully queued");
        await().until(() -> fx.test.pbx.channels().count() == 2);
        return fx.test.pbx.channels().all().stream().filter(c -> c.name().endsWith(";1")).findFirst().orElseThrow();
    }

    /**
     * Publishes 1 KB UserEvents in batches at the pace the reader keeps up with, until {@code done};
     * checks after every batch that no client has more than {@code limit} bytes waiting (plus one
     * message and the socket layer's bookkeeping), and at the end that the reader got every event.
     */
    private static int floodUntil(ManagerFixture fx, AmiTestClient reader, IntPredicate done, long limit) throws Exception {
        AtomicInteger seen = new AtomicInteger();
        Thread drain = Thread.ofVirtual().start(() -> {
            try {
                Map<String, String> m;
                while ((m = reader.read()) != null) {
                    if (!"UserEvent".equals(m.get("Event"))) continue;
                    seen.incrementAndGet();
                    if ("last".equals(m.get("UserEvent"))) return;
                }
            } catch (Exception e) {
                // the socket closes at the end of the test
            }
        });
        // a batch well under the limit: the reader, held to the same limit, keeps up with it
        int batch = (int) Math.min(100, limit / 4096);
        int published = 0;
        while (!done.test(published)) {
            for (int i = 0; i < batch; i++) {
                fx.test.pbx.events().publish(ManagerEvent.of("UserEvent", "user").put("UserEvent", "flood").put("Body", BODY).build());
            }
            published += batch;
            int expected = published;
            await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                    .until(() -> seen.get() >= expected);
            assertThat(fx.manager.maxQueuedBytes()).isLessThanOrEqualTo(limit == Long.MAX_VALUE ? limit : limit + 4096);
            if (published > 200_000) throw new AssertionError("the silent client was never disconnected");
        }
        fx.test.pbx.events().publish(ManagerEvent.of("UserEvent", "user").put("UserEvent", "last").build());
        drain.join(Duration.ofSeconds(30));
        assertThat(seen.get()).isEqualTo(published + 1);
        return published;
    }
}
