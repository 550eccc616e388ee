package org.switchboard.res.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.switchboard.core.ManagerEvent;

/** Many clients at once, and one that stops reading. */
class ManagerLoadTest {
    @Test
    void hundredClientsLogInAndOutInALoop() throws Exception {
        try (ManagerFixture fx = new ManagerFixture(ManagerFixture.GENERAL + "displayconnects = no\nauthlimit = 200\n" + ManagerFixture.ADMIN)) {
            AtomicInteger ok = new AtomicInteger();
            List<Throwable> errors = new CopyOnWriteArrayList<>();
            List<Thread> threads = new java.util.ArrayList<>();
            for (int i = 0; i < 100; i++) {
                int n = i;
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        for (int round = 0; round < 5; round++) {
                            try (AmiTestClient c = fx.client()) {
                                c.send("Action: Login", "Username: admin", "Secret: s3cret", "Events: off", "ActionID: " + n + "-" + round);
                                Map<String, String> r = c.readResponse();
                                if (!"Authentication accepted".equals(r.get("Message"))) throw new AssertionError("login: " + r);
                                c.send("Action: Logoff");
                                if (!"Goodbye".equals(c.readResponse().get("Response"))) throw new AssertionError("logoff");
                                if (!c.closedByServer()) throw new AssertionError("still open after Logoff");
                                ok.incrementAndGet();
                            }
                        }
                    } catch (Throwable t) {
                        errors.add(t);
                    }
                }));
            }
            for (Thread t : threads) t.join();
            assertThat(errors).isEmpty();
            assertThat(ok).hasValue(500);
            await().until(() -> fx.manager.sessions().isEmpty());
        }
    }

    @Test
    void authLimitRefusesConnectionsBeyondTheUnauthenticatedLimit() throws Exception {
        try (ManagerFixture fx = new ManagerFixture(ManagerFixture.GENERAL + "authlimit = 2\n" + ManagerFixture.ADMIN);
             AmiTestClient a = fx.client(); AmiTestClient b = fx.client(); AmiTestClient refused = new AmiTestClient(fx.port())) {
            assertThat(b.banner).isEqualTo("Asterisk Call Manager/9.0.0");
            assertThat(refused.closedByServer()).isTrue();
            assertThat(a.login("admin", "s3cret")).containsEntry("Message", "Authentication accepted");
            try (AmiTestClient c = fx.client()) {
                assertThat(c.banner).isEqualTo("Asterisk Call Manager/9.0.0");
            }
        }
    }

    @Test
    void failedAndTimedOutLoginsGiveTheirAuthLimitSlotBack() throws Exception {
        long before = ManagerModule.failedLoginDelayMs;
        ManagerModule.failedLoginDelayMs = 5;
        try (ManagerFixture fx = new ManagerFixture(ManagerFixture.GENERAL + "authlimit = 2\n" + ManagerFixture.ADMIN)) {
            for (int i = 0; i < 5; i++) {
                try (AmiTestClient c = fx.client()) {
                    assertThat(c.banner).isEqualTo("Asterisk Call Manager/9.0.0");
                    assertThat(c.login("admin", "wrong")).containsEntry("Message", "Authentication failed");
                    assertThat(c.closedByServer()).isTrue();
                }
                try (AmiTestClient c = fx.client()) {
                    c.send("Action: Logoff");
                    assertThat(c.readResponse()).containsEntry("Response", "Goodbye");
                    assertThat(c.closedByServer()).isTrue();
                }
                await().until(() -> fx.manager.sessions().isEmpty());
            }
            try (AmiTestClient a = fx.client(); AmiTestClient b = fx.client()) {
                assertThat(a.banner).isNotNull();
                assertThat(b.banner).isNotNull();
            }
        } finally {
            ManagerModule.failedLoginDelayMs = before;
        }
    }

    @Test
    void clientThatStopsReadingIsDisconnectedWithoutSlowingOthers() throws Exception {
        int before = ManagerModule.queueLimit;
        ManagerModule.queueLimit = 500;
        try (ManagerFixture fx = new ManagerFixture(); AmiTestClient stalled = new AmiTestClient(fx.port(), 4096);
             AmiTestClient reader = fx.loggedIn()) {
            stalled.readBanner();
            assertThat(stalled.login("admin", "s3cret")).containsEntry("Message", "Authentication accepted");
            // the stalled client reads nothing more; the reader drains on its own thread
            AtomicInteger seen = new AtomicInteger();
            Thread drain = Thread.ofVirtual().start(() -> {
                try {
                    Map<String, String> m;
                    while ((m = reader.read()) != null) {
                        if ("UserEvent".equals(m.get("Event"))) {
                            seen.incrementAndGet();
                            if ("last".equals(m.get("UserEvent"))) return;
                        }
                    }
                } catch (Exception e) {
                    // socket closed at the end of the test
                }
            });
            String body = "x".repeat(400);
            int published = 0;
            while (fx.manager.sessions().size() > 1) {
                // at a pace the reading client keeps up with; the stalled one only piles up
                for (int i = 0; i < 100; i++) {
                    fx.test.pbx.events().publish(ManagerEvent.of("UserEvent", "user").put("UserEvent", "flood").put("Body", body).build());
                }
                published += 100;
                int expected = published;
                await().atMost(Duration.ofSeconds(10)).until(() -> seen.get() >= expected);
                if (published > 1_000_000) throw new AssertionError("the stalled client was never disconnected");
            }
            fx.test.pbx.events().publish(ManagerEvent.of("UserEvent", "user").put("UserEvent", "last").build());
            drain.join(Duration.ofSeconds(30));
            assertThat(seen.get()).isEqualTo(published + 1);
            assertThat(fx.test.logLines("is not reading: disconnecting it with 500 messages queued")).hasSize(1);
        } finally {
            ManagerModule.queueLimit = before;
        }
    }
}
