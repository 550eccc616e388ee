package org.switchboard.res.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.asteriskjava.AsteriskVersion;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.CommandAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewExtenEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.asteriskjava.manager.response.CommandResponse;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.Test;

/** asterisk-java, an AMI client nobody here wrote, against our Manager interface. */
class AmiAsteriskJavaTest {
    @Test
    void logsInWithChallengeOriginatesALocalCallAndReceivesItsEventsTyped() throws Exception {
        try (ManagerFixture fx = new ManagerFixture()) {
            ManagerConnection c = new ManagerConnectionFactory("127.0.0.1", fx.port(), ManagerFixture.USER, ManagerFixture.SECRET)
                    .createManagerConnection();
            List<ManagerEvent> events = new CopyOnWriteArrayList<>();
            c.addEventListener(events::add);
            c.login();
            try {
                assertThat(c.getVersion()).isEqualTo(AsteriskVersion.ASTERISK_20);
                assertThat(c.getProtocolIdentifier()).isEqualTo("Asterisk Call Manager/9.0.0");
                assertThat(c.sendAction(new PingAction()).getResponse()).isEqualTo("Success");

                OriginateAction o = new OriginateAction();
                o.setChannel("Local/100@test");
                o.setContext("test");
                // ;1 waits for ;2 (extension 100) to set GREETING and hang up: with 'quick' it could hang ;2 up first
                o.setExten("listen");
                o.setPriority(1);
                o.setCallerId("\"Alice\" <1001>");
                o.setVariable("ORIGINATED", "yes");
                o.setAsync(true);
                o.setTimeout(10_000L);
                ManagerResponse r = c.sendAction(o, 10_000);
                assertThat(r.getResponse()).isEqualTo("Success");

                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    assertThat(events).filteredOn(OriginateResponseEvent.class::isInstance)
                            .singleElement().satisfies(e -> {
                                OriginateResponseEvent ore = (OriginateResponseEvent) e;
                                assertThat(ore.getResponse()).isEqualTo("Success");
                                assertThat(ore.getReason()).isEqualTo(4);
                                assertThat(ore.getChannel()).startsWith("Local/100@test-");
                            });
                    assertThat(events).filteredOn(NewChannelEvent.class::isInstance).hasSizeGreaterThanOrEqualTo(2);
                    assertThat(events).filteredOn(NewStateEvent.class::isInstance).isNotEmpty();
                    assertThat(events).filteredOn(NewExtenEvent.class::isInstance)
                            .anySatisfy(e -> assertThat(((NewExtenEvent) e).getApplication()).isEqualTo("Set"));
                    assertThat(events).filteredOn(VarSetEvent.class::isInstance)
                            .anySatisfy(e -> assertThat(((VarSetEvent) e).getVariable()).isEqualTo("GREETING"));
                    assertThat(events).filteredOn(HangupEvent.class::isInstance).hasSize(2)
                            .allSatisfy(e -> assertThat(((HangupEvent) e).getCause()).isNotNull());
                });
                NewChannelEvent first = (NewChannelEvent) events.stream().filter(NewChannelEvent.class::isInstance).findFirst().orElseThrow();
                assertThat(first.getChannel()).endsWith(";1");
                assertThat(first.getUniqueId()).isNotBlank();
                assertThat(first.getContext()).isNotBlank();

                ManagerResponse cmd = c.sendAction(new CommandAction("manager show users"));
                assertThat(cmd).isInstanceOf(CommandResponse.class);
                assertThat(((CommandResponse) cmd).getResult()).contains("admin");
            } finally {
                c.logoff();
            }
        }
    }
}
