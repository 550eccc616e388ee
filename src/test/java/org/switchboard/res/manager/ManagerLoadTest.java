package org.switchboard.res.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many clients at once (clients that stop reading: ManagerSlowClientTest). */
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
}
