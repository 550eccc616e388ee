package org.switchboard.res.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Frame;
import org.switchboard.media.sound.SoundFile;

/** The AGI commands that play prompts, read digits and record, with digits sent while they run. */
class AgiMediaCommandsTest {
    @TempDir Path tmp;
    private AgiCall call;

    @BeforeEach
    void setUp() throws Exception {
        call = new AgiCall(tmp, "");
        call.sounds.prompt("beep", 1000, 100);
        call.sounds.prompt("long", 440, 3000);
        for (String p : new String[] {"digits/1", "digits/2", "digits/3", "letters/a", "letters/b", "phonetic/a_p", "phonetic/b_p"}) {
            call.sounds.prompt(p, 600, 20);
        }
    }

    @AfterEach
    void tearDown() { call.close(); }

    private static long endpos(String answer) {
        Matcher m = Pattern.compile("endpos=(-?\\d+)").matcher(answer);
        if (!m.find()) throw new AssertionError("no endpos in " + answer);
        return Long.parseLong(m.group(1));
    }

    @Test
    void streamFilePlaysAndAnEscapeDigitStopsIt() {
        assertThat(call.command("STREAM FILE beep \"\"")).isEqualTo("200 result=0 endpos=800");
        assertThat(call.channel.getVar("PLAYBACKSTATUS")).isEqualTo("SUCCESS");
        assertThat(call.command("STREAM FILE beep \"\" 400")).isEqualTo("200 result=0 endpos=800");
        String stopped = call.commandWith("STREAM FILE long 12", AgiCall.digits("2"));
        assertThat(stopped).startsWith("200 result=50 endpos=");
        assertThat(endpos(stopped)).isBetween(0L, 24_000L - 1);
        assertThat(call.channel.getVar("PLAYBACKSTATUS")).isEqualTo("FAILED");
        assertThat(call.command("STREAM FILE nosuchprompt \"\"")).isEqualTo("200 result=-1 endpos=0");
        assertThat(call.t.logLines("File nosuchprompt does not exist in any format")).hasSize(1);
        assertThat(call.command("STREAM FILE beep")).startsWith("520-");
    }

    @Test
    void getOptionWaitsForAnEscapeDigitAfterThePrompt() {
        assertThat(call.commandWith("GET OPTION long 5 2", AgiCall.digits("5"))).startsWith("200 result=53 endpos=");
        assertThat(call.commandWith("GET OPTION beep 5 1", AgiCall.digits("7"))).isEqualTo("200 result=0 endpos=800");
        assertThat(call.command("GET OPTION nosuchprompt 5")).isEqualTo("200 result=-1 endpos=0");
    }

    @Test
    void getDataReadsDigitsUntilHashOrTheTimeout() {
        assertThat(call.commandWith("GET DATA long 3000 4", AgiCall.digits("12#"))).isEqualTo("200 result=12");
        assertThat(call.commandWith("GET DATA beep 3000 2", AgiCall.digits("345"))).isEqualTo("200 result=34");
        assertThat(call.command("GET DATA beep 200")).isEqualTo("200 result= (timeout)");
        assertThat(call.command("GET DATA nosuchprompt 200")).isEqualTo("200 result=-1");
        assertThat(call.commandWith("WAIT FOR DIGIT 5000", AgiCall.digits("9"))).isEqualTo("200 result=57");
        assertThat(call.command("WAIT FOR DIGIT 50")).isEqualTo("200 result=0");
        assertThat(call.command("WAIT FOR DIGIT soon")).startsWith("520-");
    }

    @Test
    void controlStreamFileSkipsPausesAndStops() {
        assertThat(call.command("CONTROL STREAM FILE beep \"\"")).isEqualTo("200 result=0 endpos=-1");
        assertThat(call.channel.getVar("CPLAYBACKSTATUS")).isEqualTo("SUCCESS");
        assertThat(call.channel.getVar("CPLAYBACKOFFSET")).isEqualTo("-1");
        String skipped = call.commandWith("CONTROL STREAM FILE long 5 1000 # * 0", AgiCall.digits("#5"));
        assertThat(skipped).startsWith("200 result=53 endpos=");
        assertThat(endpos(skipped)).as("one skip forward of 1000 ms").isBetween(1000L, 2999L);
        assertThat(call.channel.getVar("CPLAYBACKSTATUS")).isEqualTo("USERSTOPPED");
        assertThat(call.channel.getVar("CPLAYBACKSTOPKEY")).isEqualTo("5");
        String paused = call.commandWith("CONTROL STREAM FILE long 5 1000 # * 0 2500", AgiCall.digits("05"));
        assertThat(paused).startsWith("200 result=53 endpos=");
        assertThat(endpos(paused)).as("stopped while paused, past the offset").isBetween(2500L, 2999L);
        assertThat(call.command("CONTROL STREAM FILE nosuchprompt \"\" 1000 # * 0 700")).isEqualTo("200 result=-1 endpos=700");
        assertThat(call.channel.getVar("CPLAYBACKSTATUS")).isEqualTo("ERROR");
    }

    @Test
    void recordFileRecordsUntilADigitOrTheTimeout() throws Exception {
        byte[] tone = new byte[320];
        for (int i = 0; i < 160; i++) {
            short v = (short) (8000 * Math.sin(2 * Math.PI * 400 * i / 8000.0));
            tone[2 * i] = (byte) v;
            tone[2 * i + 1] = (byte) (v >> 8);
        }
        Frame[] input = new Frame[12];
        for (int i = 0; i < 10; i++) input[i] = new Frame.VoiceFrame("slin", tone.clone(), 160);
        System.arraycopy(AgiCall.digits("#"), 0, input, 10, 2);
        String answer = call.commandWith("RECORD FILE agi-rec wav # 10000", input);
        assertThat(answer).isEqualTo("200 result=35 (dtmf) endpos=1600");
        Path file = call.sounds.sounds.resolve("agi-rec.wav");
        assertThat(SoundFile.read(file, org.switchboard.media.sound.SoundFormat.WAV).samples()).isEqualTo(1600);
        assertThat(call.command("RECORD FILE agi-quiet wav # 200 BEEP")).startsWith("200 result=0 (timeout) endpos=");
        assertThat(Files.exists(call.sounds.sounds.resolve("agi-quiet.wav"))).isTrue();
        assertThat(call.command("RECORD FILE agi-bad nosuchformat # 200")).isEqualTo("200 result=-1 (writefile)");
        assertThat(call.command("RECORD FILE agi-rec wav #")).startsWith("520-");
    }

    @Test
    void sayCommandsPlayTheirPromptsAndStopOnAnEscapeDigit() {
        assertThat(call.command("SAY DIGITS 123 \"\"")).isEqualTo("200 result=0");
        assertThat(call.command("SAY ALPHA ab \"\"")).isEqualTo("200 result=0");
        assertThat(call.command("SAY PHONETIC ab \"\"")).isEqualTo("200 result=0");
        assertThat(call.command("SAY NUMBER 3 \"\"")).isEqualTo("200 result=0");
        assertThat(call.command("SAY DATETIME 0 \"\" \"'long'\" UTC")).isEqualTo("200 result=0");
        assertThat(call.played()).containsExactly("digits/1.wav", "digits/2.wav", "digits/3.wav", "letters/a.wav",
                "letters/b.wav", "phonetic/a_p.wav", "phonetic/b_p.wav", "digits/3.wav", "long.wav");
        assertThat(call.commandWith("SAY DATETIME 0 5 \"'long'\"", AgiCall.digits("5"))).isEqualTo("200 result=53");
        assertThat(call.command("SAY DIGITS 9 \"\"")).isEqualTo("200 result=-1");   // no digits/9 here
        assertThat(call.command("SAY NUMBER 1000000000 \"\"")).isEqualTo("200 result=-1");
        assertThat(call.command("SAY NUMBER many \"\"")).startsWith("520-");
        assertThat(call.command("SAY DATE soon \"\"")).startsWith("520-");
    }
}
