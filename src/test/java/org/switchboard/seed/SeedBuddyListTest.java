package org.switchboard.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.switchboard.channels.sip.SipPhoneKit.T;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.channels.sip.SipModule;
import org.switchboard.channels.sip.SipPhoneKit;
import org.switchboard.channels.skype.SkypeModule;
import org.switchboard.channels.skype.SkypeTestBuddy;
import org.switchboard.channels.skype.SkypeTestNetwork;
import org.switchboard.media.codec.WavFile;
import org.switchboard.testing.BaresipPhone;
import org.switchboard.testing.FestivalServer;
import org.switchboard.testing.TestPbx;
import org.switchboard.testing.ToneAudio;

/**
 * The seed's 75973 end to end (issue 12): the desk phone (baresip) calls it on the shipped
 * conf/, Festival (a real server) reads the first buddy with its status, the caller presses 1 and
 * is put through Dial(Skype/tfot.madsen,30); the buddy turns the call down, so the caller hears
 * "user is currently unavailable".
 *
 * <p>What was said is checked with Debian's pocketsphinx: it cannot make out Festival's voice at
 * the call's 8 kHz (it hears letters), so it listens to the same phrase from Festival's
 * {@code text2wave} at 16 kHz and must find "madsen is online" in it, and the phone's recording
 * must hold that phrase (its envelope, as the prompts are matched elsewhere).
 */
class SeedBuddyListTest {
    private static final String DESK = "0000FFFF0001";
    private static final Path POCKETSPHINX = Path.of("/usr/bin/pocketsphinx_continuous");
    private static final Path TEXT2WAVE = Path.of("/usr/bin/text2wave");
    /** Words the recogniser may choose from: letters, the buddies' names, the statuses. */
    private static final String GRAMMAR = """
            #JSGF V1.0;
            grammar buddy;
            <letter> = a | b | c | d | e | f | g | h | i | j | k | l | m | n | o | p | q | r | s | t | u | v | w | x | y | z;
            <status> = online | offline | away | not available | do not disturb;
            public <said> = (<letter> | dot | madsen | me | is | <status>)+;
            """;

    @TempDir Path dir;
    private TestPbx t;
    private FestivalServer festival;
    private SkypeTestBuddy tfot;
    private final Map<String, String> varSets = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        if (tfot != null) tfot.close();
        if (t != null) t.close();
        if (festival != null) festival.close();
    }

    private Path conf(SkypeTestNetwork net) throws IOException {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        try (var files = Files.list(Path.of("conf"))) {
            for (Path f : files.toList()) Files.copy(f, conf.resolve(f.getFileName()));
        }
        Path sip = conf.resolve("sip.conf");
        Files.writeString(sip, Files.readString(sip).replace("udpbindaddr=0.0.0.0:5060", "udpbindaddr=127.0.0.1:0"));
        Files.writeString(conf.resolve("chan_skype.conf"), net.lmentinc("authpolicy=allow"));
        String fest = Files.readString(conf.resolve("festival.conf"));
        assertThat(fest).contains("port=1314");
        Files.writeString(conf.resolve("festival.conf"), fest.replace("port=1314", "port=" + festival.port)
            .replace("cachedir=../run/festivalcache/", "cachedir=" + dir.resolve("festivalcache") + "/"));
        SipPhoneKit.useSounds(conf);
        return conf;
    }

    private String var(String variable) {
        return varSets.entrySet().stream().filter(e -> e.getKey().startsWith("SIP/" + DESK) && e.getKey().endsWith(":" + variable))
            .map(Map.Entry::getValue).reduce((a, b) -> b).orElse(null);
    }

    @Test
    void theCallerHearsTheBuddyAndItsStatusPressesOneAndIsPutThroughToThatBuddy() throws Exception {
        SipPhoneKit.assumeBaresip();
        assumeTrue(FestivalServer.installed() && Files.isExecutable(TEXT2WAVE), "festival not installed");
        assumeTrue(Files.isExecutable(POCKETSPHINX), "pocketsphinx not installed");
        SkypeTestNetwork net = SkypeTestNetwork.shared();
        festival = FestivalServer.start(dir);
        tfot = net.buddy("tfot.madsen");
        tfot.callMode("reject");
        t = new TestPbx(conf(net));
        t.pbx.events().subscribe(e -> {
            if (e.name().equals("VarSet")) varSets.put(e.get("Channel") + ":" + e.get("Variable"), e.get("Value"));
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> SkypeModule.get(t.pbx).account("lmentinc").isLoggedIn()
            && "Online".equals(SkypeModule.get(t.pbx).account("lmentinc").buddyStatus("tfot.madsen@skype.example")));
        int port = SipModule.get(t.pbx).stack().udpAddress().getPort();

        Path phrase16k = speak("tfot.madsen is Online");
        Path phrase8k = dir.resolve("phrase-8k.wav");
        sox(phrase16k, phrase8k);
        double phraseSeconds = ToneAudio.read(phrase8k).seconds();
        Path heard = dir.resolve("heard.wav");
        try (BaresipPhone phone = BaresipPhone.start(dir, DESK, "change-me-0001", SipPhoneKit.registrar(port), null, heard,
                 List.of("PCMU"))) {
            phone.awaitRegistered(T);
            phone.dial(SipPhoneKit.uri("75973", port));
            phone.awaitEstablished(T);
            // the phrase, then Read's "if this is correct press": 1 answers it
            phone.awaitHeard(ms(phraseSeconds + seconds("if-correct-press") - 0.3), Duration.ofSeconds(30));
            phone.sendDtmf("1");
            assertThat(tfot.awaitReport("jmi-in propose ", Duration.ofSeconds(20))).contains("lmentinc@skype.example");
            phone.awaitClosed(Duration.ofSeconds(40)); // the buddy said no: "user is currently unavailable", Hangup
        }
        assertThat(var("buddy")).isEqualTo("tfot.madsen");
        assertThat(var("status")).isEqualTo("Online");
        assertThat(var("Answer")).isEqualTo("1");
        assertThat(var("DIALSTATUS")).isIn("BUSY", "NOANSWER", "CHANUNAVAIL");
        assertThat(t.logLines("Festival")).noneMatch(l -> l.contains("WARNING"));

        // heard "f a dot madsen a is online a" here: the name's letters vary, the words must be there
        assertThat(recognise(phrase16k)).matches(".*\\bmadsen\\b.* is online\\b.*").doesNotContain("offline");
        assertThat(ToneAudio.similarity(heard, phrase8k)).as(ToneAudio.describe(heard)).isGreaterThan(SipPhoneKit.SAME);
        Path other8k = dir.resolve("other-8k.wav"); // another buddy's phrase does not pass for it (measured 0.62)
        sox(speak("vuc.me is Do Not Disturb"), other8k);
        assertThat(ToneAudio.similarity(heard, other8k)).isLessThan(SipPhoneKit.SAME);
        Path unavailable = SipPhoneKit.prompts(dir.resolve("unavail.wav"), "user", "is-curntly-unavail");
        assertThat(ToneAudio.similarity(heard, unavailable)).isGreaterThan(SipPhoneKit.SAME);
    }

    /** Festival's text2wave (the server's voice) at its own 16 kHz. */
    private Path speak(String text) throws Exception {
        Path out = Files.createTempFile(dir, "phrase", ".wav");
        run(List.of(TEXT2WAVE.toString(), "-o", out.toString(), "-otype", "riff"), text);
        return out;
    }

    private void sox(Path in, Path out) throws Exception {
        run(List.of("sox", in.toString(), "-r", "8000", out.toString()), null);
    }

    /** What pocketsphinx hears in a 16 kHz WAV, words from {@link #GRAMMAR}, lower case. */
    private String recognise(Path wav) throws Exception {
        Path gram = Files.writeString(dir.resolve("buddy.gram"), GRAMMAR);
        return run(List.of(POCKETSPHINX.toString(), "-infile", wav.toString(), "-jsgf", gram.toString(), "-logfn", "/dev/null"),
            null).strip();
    }

    private String run(List<String> cmd, String stdin) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", cmd)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd)).isZero();
        return out;
    }

    private static double seconds(String prompt) throws IOException {
        WavFile w = WavFile.read(SipPhoneKit.SOUNDS.resolve("en/" + prompt + ".wav"));
        return (double) w.samples().length / w.sampleRate();
    }

    private static Duration ms(double seconds) { return Duration.ofMillis(Math.round(seconds * 1000)); }
}
