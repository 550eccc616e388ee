package org.switchboard.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.switchboard.channels.sip.SipPhoneKit.T;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.channels.sip.SipModule;
import org.switchboard.channels.sip.SipPhoneKit;
import org.switchboard.core.Channel;
import org.switchboard.core.Originate;
import org.switchboard.testing.BaresipPhone;
import org.switchboard.testing.TestPbx;
import org.switchboard.testing.ToneAudio;

/**
 * The shipped conf/ (SIP moved to a free loopback port) with real baresip desk phones registered
 * as the seed's 0000FFFF0001 and 0000FFFF0002: what a caller hears and where the calls go.
 */
class SeedPhoneTest {
    private static final String DESK1 = "0000FFFF0001", DESK2 = "0000FFFF0002";
    private TestPbx t;
    private int port;
    /** The last value each channel set for each variable, from VarSet events. */
    private final Map<String, String> varSets = new ConcurrentHashMap<>();

    @TempDir Path dir;

    @BeforeEach
    void start() throws Exception {
        SipPhoneKit.assumeBaresip();
        Path conf = Files.createDirectories(dir.resolve("conf"));
        try (var files = Files.list(Path.of("conf"))) {
            for (Path f : files.toList()) Files.copy(f, conf.resolve(f.getFileName()));
        }
        Path sip = conf.resolve("sip.conf");
        String text = Files.readString(sip);
        assertThat(text).contains("udpbindaddr=0.0.0.0:5060");
        Files.writeString(sip, text.replace("udpbindaddr=0.0.0.0:5060", "udpbindaddr=127.0.0.1:0"));
        SipPhoneKit.useSounds(conf);
        t = new TestPbx(conf);
        t.pbx.events().subscribe(e -> {
            if (e.name().equals("VarSet")) varSets.put(e.get("Channel") + ":" + e.get("Variable"), e.get("Value"));
        });
        port = SipModule.get(t.pbx).stack().udpAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (t != null) t.close();
    }

    private BaresipPhone desk(String name, Path rec) throws Exception {
        BaresipPhone p = BaresipPhone.start(dir, name, "change-me-" + name.substring(8), SipPhoneKit.registrar(port), null, rec);
        p.awaitRegistered(T);
        return p;
    }

    /** The value a channel whose name starts with {@code channel} last set {@code var} to. */
    private String var(String channel, String var) {
        return varSets.entrySet().stream().filter(e -> e.getKey().startsWith(channel) && e.getKey().endsWith(":" + var))
            .map(Map.Entry::getValue).reduce((a, b) -> b).orElse(null);
    }

    private long sipChannels() {
        return t.pbx.channels().all().stream().map(Channel::name).filter(n -> n.startsWith("SIP/")).count();
    }

    @Test
    void extension100CannotReachSkypeAndTheCallerHearsUnavailable() throws Exception {
        Path rec = dir.resolve("heard-100.wav");
        try (BaresipPhone p = desk(DESK1, rec)) {
            p.dial(SipPhoneKit.uri("100", port));
            p.awaitEstablished(T);
            p.awaitClosed(Duration.ofSeconds(20)); // Playback, then Hangup()
        }
        await().atMost(T).until(() -> sipChannels() == 0);
        assertThat(var("SIP/" + DESK1, "DIALSTATUS")).isEqualTo("CHANUNAVAIL");
        assertThat(t.said("Unable to create channel of type 'Skype'")).hasSize(1);
        Path expected = SipPhoneKit.prompts(dir.resolve("unavail.wav"), "user", "is-curntly-unavail");
        Path other = SipPhoneKit.prompts(dir.resolve("other.wav"), "pls-wait-connect-call");
        assertThat(ToneAudio.similarity(rec, expected)).as(ToneAudio.describe(rec)).isGreaterThan(SipPhoneKit.SAME);
        assertThat(ToneAudio.similarity(rec, other)).isLessThan(SipPhoneKit.DIFFERENT);
    }

    @Test
    void aSkypeNameHearsPleaseWaitThenUnavailable() throws Exception {
        Path rec = dir.resolve("heard-skype.wav");
        try (BaresipPhone p = desk(DESK1, rec)) {
            p.dial(SipPhoneKit.uri("SKYPE-someone", port));
            p.awaitEstablished(T);
            p.awaitClosed(Duration.ofSeconds(20));
        }
        assertThat(t.said("Dialing via Skype")).hasSize(1);
        assertThat(var("SIP/" + DESK1, "NameToDial")).isEqualTo("someone");
        assertThat(var("SIP/" + DESK1, "DIALSTATUS")).isEqualTo("CHANUNAVAIL");
        Path expected = SipPhoneKit.prompts(dir.resolve("expected.wav"), "pls-wait-connect-call", "user", "is-curntly-unavail");
        Path wait = SipPhoneKit.prompts(dir.resolve("wait.wav"), "pls-wait-connect-call");
        Path unavail = SipPhoneKit.prompts(dir.resolve("unavail.wav"), "user", "is-curntly-unavail");
        assertThat(ToneAudio.similarity(rec, expected)).as(ToneAudio.describe(rec)).isGreaterThan(SipPhoneKit.SAME);
        // and in that order: each part is in the recording, the whole only as pls-wait first
        assertThat(ToneAudio.similarity(rec, wait)).isGreaterThan(SipPhoneKit.SAME);
        assertThat(ToneAudio.similarity(rec, unavail)).isGreaterThan(SipPhoneKit.SAME);
        Path reversed = SipPhoneKit.prompts(dir.resolve("reversed.wav"), "user", "is-curntly-unavail", "pls-wait-connect-call");
        assertThat(ToneAudio.similarity(rec, reversed)).isLessThan(SipPhoneKit.DIFFERENT);
    }

    @Test
    void dialRingsTheSecondDeskAndUnansweredGoesToVoicemail() throws Exception {
        try (BaresipPhone caller = desk(DESK1, null); BaresipPhone callee = desk(DESK2, null)) {
            caller.dial(SipPhoneKit.uri("dial", port));
            assertThat(callee.awaitIncoming(T)).contains(DESK1);
            // nobody answers: after Dial's 6 s the PBX cancels the ring and goes to voicemail
            callee.awaitClosed(Duration.ofSeconds(12));
            await().atMost(T).until(() -> var("SIP/" + DESK1, "VoiceMailStatus") != null);
            assertThat(var("SIP/" + DESK1, "DIALSTATUS")).isEqualTo("NOANSWER");
            assertThat(var("SIP/" + DESK1, "VoiceMailStatus")).isEqualTo("u");
            assertThat(t.said(" == Calling our desk")).hasSize(1);
            assertThat(t.said(" == VoiceMail")).hasSize(1);
            caller.hangup();
            caller.awaitClosed(T);
        }
        await().atMost(T).until(() -> sipChannels() == 0);
    }

    @Test
    void dialWithTheSecondDeskUnregisteredIsChanunavail() throws Exception {
        try (BaresipPhone caller = desk(DESK1, null)) {
            caller.dial(SipPhoneKit.uri("dial", port));
            await().atMost(T).until(() -> var("SIP/" + DESK1, "VoiceMailStatus") != null);
            assertThat(var("SIP/" + DESK1, "DIALSTATUS")).isEqualTo("CHANUNAVAIL");
            assertThat(var("SIP/" + DESK1, "VoiceMailStatus")).isEqualTo("u");
            assertThat(t.said("Unable to create channel of type 'SIP' (cause 20 - Subscriber absent)")).hasSize(1);
            caller.hangup();
            caller.awaitClosed(T);
        }
        await().atMost(T).until(() -> sipChannels() == 0);
    }

    @Test
    void anIncomingSkypeCallRingsTheFirstDeskWhichAnswers() throws Exception {
        try (BaresipPhone desk = desk(DESK1, null)) {
            SipModule.get(t.pbx).stack().debug().on(); // the INVITE to the desk shows in the log
            Channel c = Originate.toApplication(t.pbx, "Local/start@skype-incoming", "Wait", "30", 5000, Map.of(), "vuc.me");
            // the caller ID has a name and no number: chan_sip's default user, the name as display name
            assertThat(desk.awaitIncoming(T)).isEqualTo("sip:asterisk@127.0.0.1");
            assertThat(t.log).anyMatch(l -> l.contains("From: \"vuc.me\" <sip:asterisk@127.0.0.1"));
            desk.answer();
            desk.awaitEstablished(T);
            assertThat(t.said(" == Incoming Skype Call")).hasSize(1);
            await().atMost(T).until(() -> sipChannels() == 1);
            desk.hangup();
            desk.awaitClosed(T);
            await().atMost(Duration.ofSeconds(15)).until(() -> t.pbx.channels().count() == 0);
            assertThat(c.isDestroyed()).isTrue();
            assertThat(var("Local/start@skype-incoming-", "DIALSTATUS")).isEqualTo("ANSWER");
        }
    }
}
