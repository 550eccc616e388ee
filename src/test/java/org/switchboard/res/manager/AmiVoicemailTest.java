package org.switchboard.res.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.MailboxCountAction;
import org.asteriskjava.manager.action.MailboxStatusAction;
import org.asteriskjava.manager.action.VoicemailUsersListAction;
import org.asteriskjava.manager.event.MessageWaitingEvent;
import org.asteriskjava.manager.event.VoicemailUserEntryCompleteEvent;
import org.asteriskjava.manager.event.VoicemailUserEntryEvent;
import org.asteriskjava.manager.response.MailboxCountResponse;
import org.asteriskjava.manager.response.MailboxStatusResponse;
import org.junit.jupiter.api.Test;
import org.switchboard.core.CliCommand;
import org.switchboard.res.voicemail.MessageWaiting;
import org.switchboard.res.voicemail.VoicemailConfig;

/**
 * app_voicemail on the Manager (MailboxStatus, MailboxCount, VoicemailUsersList, the
 * MessageWaiting event) read by asterisk-java's own classes, and its console commands.
 */
class AmiVoicemailTest {
    private static final String VOICEMAIL = """
            [general]
            format=wav
            maxmsg=50
            [zonemessages]
            eastern=America/New_York|'vm-received' Q 'digits/at' IMp
            [lmentinc]
            100 => 4242,Front Desk,desk@example.com,,tz=eastern|attach=yes
            101 => 1111,Back Office
            """;

    private static ManagerFixture fixture() {
        return new ManagerFixture(ManagerFixture.GENERAL + ManagerFixture.ADMIN, ManagerFixture.DIALPLAN,
                Map.of("voicemail.conf", VOICEMAIL, "asterisk.conf", "[directories]\nastspooldir => spool\n"));
    }

    private static void message(ManagerFixture fx, String folder, int n) throws Exception {
        Path dir = Files.createDirectories(fx.dir.resolve("spool/voicemail/lmentinc/100").resolve(folder));
        Files.write(dir.resolve(String.format("msg%04d.wav", n)), new byte[44]);
        Files.writeString(dir.resolve(String.format("msg%04d.txt", n)), "[message]\norigmailbox=100\n");
    }

    @Test
    void asteriskJavaReadsCountsStatusUsersAndMessageWaiting() throws Exception {
        try (ManagerFixture fx = fixture()) {
            message(fx, "INBOX", 0);
            message(fx, "INBOX", 1);
            message(fx, "Old", 0);
            ManagerConnection c = new ManagerConnectionFactory("127.0.0.1", fx.port(), ManagerFixture.USER, ManagerFixture.SECRET)
                    .createManagerConnection();
            List<MessageWaitingEvent> mwi = new CopyOnWriteArrayList<>();
            c.addEventListener(e -> {
                if (e instanceof MessageWaitingEvent m) mwi.add(m);
            });
            c.login();
            try {
                MailboxCountResponse count = (MailboxCountResponse) c.sendAction(new MailboxCountAction("100@lmentinc"), 10_000);
                assertThat(count.getMailbox()).isEqualTo("100@lmentinc");
                assertThat(count.getNewMessages()).isEqualTo(2);
                assertThat(count.getOldMessages()).isEqualTo(1);
                assertThat(count.getUrgMessages()).isZero();
                MailboxCountResponse both = (MailboxCountResponse) c.sendAction(new MailboxCountAction("100@lmentinc&101@lmentinc"), 10_000);
                assertThat(both.getNewMessages()).isEqualTo(2);

                MailboxStatusResponse status = (MailboxStatusResponse) c.sendAction(new MailboxStatusAction("100@lmentinc"), 10_000);
                assertThat(status.getWaiting()).isTrue();
                assertThat(((MailboxStatusResponse) c.sendAction(new MailboxStatusAction("101@lmentinc"), 10_000)).getWaiting()).isFalse();
                assertThat(((MailboxStatusResponse) c.sendAction(new MailboxStatusAction("999@nowhere"), 10_000)).getWaiting()).isFalse();

                ResponseEvents users = c.sendEventGeneratingAction(new VoicemailUsersListAction(), 10_000);
                List<VoicemailUserEntryEvent> entries = users.getEvents().stream().filter(VoicemailUserEntryEvent.class::isInstance)
                        .map(VoicemailUserEntryEvent.class::cast).toList();
                assertThat(entries).extracting(VoicemailUserEntryEvent::getVoicemailbox).containsExactly("100", "101");
                VoicemailUserEntryEvent desk = entries.get(0);
                assertThat(desk.getVmContext()).isEqualTo("lmentinc");
                assertThat(desk.getFullname()).isEqualTo("Front Desk");
                assertThat(desk.getEmail()).isEqualTo("desk@example.com");
                assertThat(desk.getTimezone()).isEqualTo("eastern");
                assertThat(desk.getAttachMessage()).isTrue();
                assertThat(desk.getMaxMessageCount()).isEqualTo(50);
                assertThat(desk.getNewMessageCount()).isEqualTo(2);
                assertThat(desk.getOldMessageCount()).isEqualTo(1);
                assertThat(desk.getMailCommand()).isEqualTo("/usr/sbin/sendmail -t");
                assertThat(entries.get(1).getAttachMessage()).isFalse();
                assertThat(users.getEvents()).filteredOn(VoicemailUserEntryCompleteEvent.class::isInstance).hasSize(1);

                var cfg = VoicemailConfig.of(fx.test.pbx);
                MessageWaiting.publish(fx.test.pbx, cfg.mailbox("100", "lmentinc"));
                await().atMost(Duration.ofSeconds(10)).until(() -> !mwi.isEmpty());
                MessageWaitingEvent e = mwi.get(0);
                assertThat(e.getMailbox()).isEqualTo("100@lmentinc");
                assertThat(e.getWaiting()).isEqualTo(1);
                assertThat(e.getNew()).isEqualTo(2);
                assertThat(e.getOld()).isEqualTo(1);
            } finally {
                c.logoff();
            }
        }
    }

    @Test
    void aMissingMailboxHeaderIsAnError() throws Exception {
        try (ManagerFixture fx = fixture(); AmiTestClient c = fx.loggedIn()) {
            c.send("Action: MailboxCount");
            assertThat(c.readResponse()).containsEntry("Response", "Error").containsEntry("Message", "Mailbox not specified");
            c.send("Action: MailboxStatus", "Mailbox: ");
            assertThat(c.readResponse()).containsEntry("Response", "Error").containsEntry("Message", "Mailbox not specified");
            c.send("Action: VoicemailUserStatus", "Context: lmentinc", "Mailbox: 999");
            assertThat(c.readResponse()).containsEntry("Response", "Error")
                    .containsEntry("Message", "Unable to find voicemail user 999@lmentinc");
            c.send("Action: VoicemailUserStatus", "Context: lmentinc", "Mailbox: 101");
            assertThat(c.readResponse()).containsEntry("Response", "Success").containsEntry("Fullname", "Back Office");
        }
    }

    @Test
    void consoleShowsUsersAndZonesAndReloadReportsABrokenLine() throws Exception {
        try (ManagerFixture fx = fixture()) {
            message(fx, "INBOX", 0);
            assertThat(cli(fx, "voicemail show users")).isEqualTo("""
                    Context    Mbox  User                      Zone       NewMsg
                    lmentinc   100   Front Desk                eastern         1
                    lmentinc   101   Back Office                               0
                    2 voicemail users configured.
                    """);
            assertThat(cli(fx, "voicemail show users for nosuch")).isEqualTo("No such voicemail context \"nosuch\"\n");
            assertThat(cli(fx, "voicemail show zones")).isEqualTo(
                    "Zone            Timezone             Message Format                               \n"
                    + "eastern         America/New_York     'vm-received' Q 'digits/at' IMp              \n");
            Files.writeString(fx.dir.resolve("voicemail.conf"), VOICEMAIL + "102 => ,No Pin\n103 => 7,New Box\n");
            assertThat(cli(fx, "voicemail reload")).isEqualTo("Reloading voicemail configuration...\n"
                    + "voicemail.conf:9: mailbox 102@lmentinc has no PIN: VoiceMailMain lets anyone in without asking for one\n");
            assertThat(cli(fx, "voicemail show users for lmentinc")).contains("103   New Box").contains("4 voicemail users configured.");
        }
    }

    private static String cli(ManagerFixture fx, String line) {
        for (CliCommand c : fx.test.pbx.modules().cliCommands()) {
            List<String> w = c.words();
            List<String> typed = List.of(line.split(" "));
            if (typed.size() >= w.size() && typed.subList(0, w.size()).equals(w)) {
                StringWriter out = new StringWriter();
                boolean ok = c.execute(fx.test.pbx, typed.subList(w.size(), typed.size()), new PrintWriter(out, true));
                return ok ? out.toString().replace(System.lineSeparator(), "\n") : "USAGE";
            }
        }
        return "NO COMMAND";
    }
}
