package org.switchboard.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.config.ConfigReader;
import org.switchboard.core.Channel;
import org.switchboard.core.Originate;
import org.switchboard.dialplan.DialplanLoader;
import org.switchboard.testing.TestPbx;

/**
 * The seed's dialplans (conf/extensions.conf, a copy of shared/examples) with the Skype, SIP and
 * media modules absent: each extension takes the path Asterisk would take, Dial to a missing
 * technology gives CHANUNAVAIL and the dialplan goes on.
 */
class SeedDialplanTest {
    private static final Path CONF = Path.of("conf");
    private TestPbx t;
    /** The last value each channel set for each variable, from VarSet events. */
    private final Map<String, String> varSets = new ConcurrentHashMap<>();

    @org.junit.jupiter.api.io.TempDir Path confCopy;

    @BeforeEach
    void start() throws Exception {
        // the shipped conf/, with SIP on a free loopback port instead of 0.0.0.0:5060 (tests stay on loopback)
        try (var files = java.nio.file.Files.list(CONF)) {
            for (Path f : files.toList()) java.nio.file.Files.copy(f, confCopy.resolve(f.getFileName()));
        }
        Path sip = confCopy.resolve("sip.conf");
        String text = java.nio.file.Files.readString(sip);
        assertThat(text).contains("udpbindaddr=0.0.0.0:5060");
        java.nio.file.Files.writeString(sip, text.replace("udpbindaddr=0.0.0.0:5060", "udpbindaddr=127.0.0.1:0"));
        t = new TestPbx(confCopy);
        t.pbx.events().subscribe(e -> {
            if (e.name().equals("VarSet")) varSets.put(e.get("Channel") + ":" + e.get("Variable"), e.get("Value"));
        });
    }

    @AfterEach
    void stop() { t.close(); }

    @Test
    void theShippedDialplanIsTheSeedsUnchanged() throws Exception {
        java.nio.file.Path shared = java.nio.file.Path.of("../shared/examples/extensions.conf");
        org.assertj.core.api.Assumptions.assumeThat(java.nio.file.Files.exists(shared)).isTrue();
        assertThat(java.nio.file.Files.readString(CONF.resolve("extensions.conf"))).isEqualTo(java.nio.file.Files.readString(shared));
    }

    @Test
    void sampleDialplanLoadsWithoutProblems() {
        var r = DialplanLoader.load(ConfigReader.read(CONF, "extensions.conf"));
        assertThat(r.problems()).isEmpty();
        assertThat(r.dialplan().context("phones")).isNotNull();
        assertThat(r.dialplan().context("skype-incoming")).isNotNull();
    }

    /** Runs exten@phones on a Local channel originated to Wait, and waits until both halves are gone. */
    private void originate(String exten) throws Exception {
        Channel c = Originate.toApplication(t.pbx, "Local/" + exten + "@phones", "Wait", "30", 5000, Map.of(), "\"Front Desk\" <100>");
        await().atMost(Duration.ofSeconds(20)).until(() -> t.pbx.channels().count() == 0);
        assertThat(c.isDestroyed()).isTrue();
    }

    @Test
    void extension100DialsSkypeWhoseAccountIsNotLoggedInAndGoesOn() throws Exception {
        originate("100");
        // chan_skype loads from the shipped chan_skype.conf, but no XMPP server answers here
        assertThat(t.said("Unable to create channel of type 'Skype'")).hasSize(1);
        assertThat(t.said("Everyone is busy/congested at this time (1:0/0/1)")).hasSize(1);
        // the dialplan went on to priority 3
        assertThat(reached("phones", "100", 3, "Playback")).isTrue();
        assertThat(varSets).containsEntry(halfTwo("100") + ":DIALSTATUS", "CHANUNAVAIL");
    }

    private String halfTwo(String exten) {
        return varSets.keySet().stream().map(k -> k.substring(0, k.lastIndexOf(':')))
                .filter(n -> n.startsWith("Local/" + exten + "@phones-") && n.endsWith(";2")).findFirst().orElse("none");
    }

    @Test
    void skypeNamePatternFiltersASmuggledSecondDestination() throws Exception {
        Channel c = t.channel("SIP/0000FFFF0001");
        c.setLocation("phones", "SKYPE-nobody&SIP/my_itsp/4165551212", 1);
        t.pbx.runPbx(c);
        assertThat(t.said("Dialing via Skype")).hasSize(1);
        assertThat(varSets).containsEntry(c.name() + ":NameToDial", "nobodySIPmyitsp4165551212");
        assertThat(reached("phones", "SKYPE-nobody&SIP/my_itsp/4165551212", 3, "Playback")).isTrue();
    }

    @Test
    void dialExtensionGoesToVoicemailWithUnavailableStatus() throws Exception {
        Channel c = t.channel("SIP/0000FFFF0001");
        c.setLocation("phones", "dial", 1);
        t.pbx.runPbx(c);
        assertThat(t.said("Calling our desk")).hasSize(1);
        assertThat(t.said(" == VoiceMail")).hasSize(1);
        assertThat(varSets).containsEntry(c.name() + ":DIALSTATUS", "CHANUNAVAIL");
        assertThat(varSets).containsEntry(c.name() + ":VoiceMailStatus", "u");
    }

    @Test
    void voicemailAfterABusyDeskUsesTheBusyGreeting() {
        Channel c = t.channel("SIP/0000FFFF0001");
        c.setVar("DIALSTATUS", "BUSY");
        c.setLocation("phones", "voicemail", 1);
        t.pbx.runPbx(c);
        assertThat(t.said(" == VoiceMail")).hasSize(1);
        assertThat(varSets).containsEntry(c.name() + ":VoiceMailStatus", "b");
    }

    @Test
    void noMoreBuddiesSaysSoAndPlaysThePrompt() {
        Channel c = t.channel("SIP/0000FFFF0001");
        c.setLocation("phones", "no_more_buddies", 1);
        t.pbx.runPbx(c);
        assertThat(t.said(" == No more buddies to find")).hasSize(1);
        assertThat(reached("phones", "no_more_buddies", 2, "Playback")).isTrue();
    }

    @Test
    void incomingSkypeCallsRingTheFirstDeskPhone() throws Exception {
        Channel c = Originate.toApplication(t.pbx, "Local/start@skype-incoming", "Wait", "30", 5000, Map.of(), "vuc.me");
        await().atMost(Duration.ofSeconds(20)).until(() -> t.pbx.channels().count() == 0);
        assertThat(c.isDestroyed()).isTrue();
        assertThat(t.said(" == Incoming Skype Call")).hasSize(1);
        assertThat(t.logLines("Executing [start@skype-incoming:3] Dial(")).hasSize(1);
        // chan_sip runs; the desk phone has not registered
        assertThat(t.said("Unable to create channel of type 'SIP' (cause 20 - Subscriber absent)")).hasSize(1);
    }

    /**
     * The channel got to this priority: it ran the application, or (while the module that
     * provides it is not loaded) Asterisk's "No application" warning names that priority.
     */
    private boolean reached(String context, String exten, int priority, String app) {
        return !t.logLines("Executing [" + exten + "@" + context + ":" + priority + "] " + app + "(").isEmpty()
                || !t.said("No application '" + app + "' for extension (" + context + ", " + exten + ", " + priority + ")").isEmpty();
    }
}
