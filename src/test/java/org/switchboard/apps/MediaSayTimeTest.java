package org.switchboard.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Channel;
import org.switchboard.media.sound.SoundFixture;
import org.switchboard.testing.TestPbx;

/** SayUnixTime, DateTime and SayPhonetic: which prompts, in which order (English rules of main/say.c). */
class MediaSayTimeTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Tuesday 5 March 2024, 14:07:09 in New York. */
    private static final long TUESDAY = ZonedDateTime.of(2024, 3, 5, 14, 7, 9, 0, NEW_YORK).toEpochSecond();

    @TempDir Path tmp;
    private TestPbx t;
    private Channel caller;

    @AfterEach
    void stop() {
        if (caller != null) caller.hangup();
        if (t != null) t.close();
    }

    private static List<String> say(long when, String format) {
        return DateSayer.prompts(when, NEW_YORK, format, Instant.ofEpochSecond(TUESDAY)).stream().map(DateSayer.Prompt::file).toList();
    }

    private static long at(int y, int mo, int d, int h, int mi, int s) {
        return ZonedDateTime.of(y, mo, d, h, mi, s, 0, NEW_YORK).toEpochSecond();
    }

    @Test
    void theDefaultFormatSaysWeekdayMonthDayYearAtTime() {
        assertThat(say(TUESDAY, null)).containsExactly("digits/day-2", "digits/mon-2", "digits/h-5", "digits/2", "digits/thousand",
                "digits/20", "digits/4", "digits/at", "digits/2", "digits/oh", "digits/7", "digits/p-m");
    }

    @Test
    void eachFormatLetterFollowsTheEnglishRules() {
        assertThat(say(at(2024, 3, 5, 0, 0, 0), "IMp")).containsExactly("digits/12", "digits/oclock", "digits/a-m");
        assertThat(say(at(2024, 3, 5, 0, 0, 0), "HN")).containsExactly("digits/oh", "digits/hundred");
        assertThat(say(at(2024, 3, 5, 0, 30, 0), "kM")).containsExactly("digits/oh", "digits/30");
        assertThat(say(at(2024, 3, 5, 8, 45, 0), "H M")).containsExactly("digits/oh", "digits/8", "digits/40", "digits/5");
        assertThat(say(at(2024, 3, 5, 23, 15, 5), "T")).containsExactly("digits/20", "digits/3", "digits/15", "digits/oh", "digits/5");
        assertThat(say(at(2024, 3, 5, 20, 10, 0), "RS")).containsExactly("digits/20", "digits/10", "digits/0");
        assertThat(say(at(2024, 12, 21, 12, 0, 0), "m e")).containsExactly("digits/h-12", "digits/20", "digits/h-1");
        assertThat(say(at(2024, 11, 30, 12, 0, 0), "d")).containsExactly("digits/h-30");
        assertThat(say(at(1999, 7, 4, 12, 0, 0), "Y")).containsExactly("digits/19", "digits/90", "digits/9");
        assertThat(say(at(1905, 7, 4, 12, 0, 0), "Y")).containsExactly("digits/19", "digits/oh", "digits/5");
        assertThat(say(TUESDAY, "'beep'A")).containsExactly("beep", "digits/day-2");
    }

    @Test
    void relativeDatesDependOnToday() {
        assertThat(say(TUESDAY + 60, "Q")).containsExactly("digits/today");
        assertThat(say(TUESDAY + 86_400, "q")).containsExactly("digits/tomorrow");
        assertThat(say(TUESDAY - 86_400, "Q")).containsExactly("digits/yesterday");
        assertThat(say(TUESDAY - 3 * 86_400, "Q")).containsExactly("digits/day-6");
        assertThat(say(TUESDAY + 20 * 86_400, "Q")).containsExactly("digits/day-1", "digits/mon-2", "digits/20", "digits/h-5");
    }

    @Test
    void unknownLettersAreWarnedAndSkippedAndUnknownZonesAreGmt() {
        t = new TestPbx();
        assertThat(say(TUESDAY, "Az")).containsExactly("digits/day-2");
        assertThat(t.said("Unknown character in datetime format Az: z at pos 1")).hasSize(1);
        assertThat(DateSayer.prompts(TUESDAY, DateSayer.zone("No/Such_Zone"), "H", Instant.now()).get(0).file()).isEqualTo("digits/19");
    }

    private List<String> played(String app, List<String> prompts) throws IOException {
        SoundFixture fx = new SoundFixture(tmp);
        for (String p : prompts) fx.prompt(p, 600, 20);
        t = fx.pbx("""
                [ctx]
                exten => s,1,%s
                 same => n,Verbose(1,@done ${CHANNEL(state)})
                exten => 5,1,Verbose(1,@five)
                exten => h,1,Verbose(1,@h)
                """.formatted(app));
        caller = SoundFixture.call(t, "s", "ctx");
        SoundFixture.voiceUntilHangup(caller, 5000);
        return t.logLines("> Playing '").stream().map(l -> l.substring(l.indexOf("Playing '") + 9, l.indexOf(".wav'"))).toList();
    }

    private static final List<String> TUESDAY_FILES = List.of("digits/day-2", "digits/mon-2", "digits/h-5", "digits/2",
            "digits/thousand", "digits/20", "digits/4", "digits/at", "digits/oh", "digits/7", "digits/p-m");

    @Test
    void sayUnixTimeAnswersAndPlaysTheSequence() throws IOException {
        assertThat(played("SayUnixTime(" + TUESDAY + ",America/New_York)", TUESDAY_FILES)).containsExactly("digits/day-2",
                "digits/mon-2", "digits/h-5", "digits/2", "digits/thousand", "digits/20", "digits/4", "digits/at", "digits/2",
                "digits/oh", "digits/7", "digits/p-m");
        assertThat(t.path()).containsExactly("@done Up", "@h");
    }

    @Test
    void dateTimeIsTheSameApplication() throws IOException {
        assertThat(played("DateTime(" + TUESDAY + ".75,America/New_York,BdY)", TUESDAY_FILES)).containsExactly("digits/mon-2",
                "digits/h-5", "digits/2", "digits/thousand", "digits/20", "digits/4");
    }

    @Test
    void aMissingPromptSaidOnItsOwnEndsTheCallButOneOfANumberIsSkipped() throws IOException {
        List<String> files = new ArrayList<>(TUESDAY_FILES);
        files.remove("digits/thousand");
        files.remove("digits/at");
        assertThat(played("SayUnixTime(" + TUESDAY + ",America/New_York)", files)).containsExactly("digits/day-2", "digits/mon-2",
                "digits/h-5", "digits/2", "digits/20", "digits/4");
        assertThat(t.said("Unable to play message digits/at")).hasSize(1);
        assertThat(t.path()).containsExactly("@h");
    }

    @Test
    void theJOptionLetsADigitGoToItsExtension() throws IOException {
        SoundFixture fx = new SoundFixture(tmp);
        for (String p : TUESDAY_FILES) fx.prompt(p, 600, 400);
        t = fx.pbx("""
                [ctx]
                exten => s,1,SayUnixTime(%d,America/New_York,,j)
                 same => n,Verbose(1,@done)
                exten => 5,1,Verbose(1,@five)
                """.formatted(TUESDAY));
        caller = SoundFixture.call(t, "s", "ctx");
        SoundFixture.firstVoice(caller, 5000);
        SoundFixture.dtmf(caller, '5');
        SoundFixture.voiceUntilHangup(caller, 5000);
        assertThat(t.path()).containsExactly("@five");
    }

    @Test
    void sayPhoneticSpellsWithTheAlphabetAndSkipsWhatHasNoPrompt() throws IOException {
        assertThat(SayPhoneticApp.phonetic("Ab9-x1*")).containsExactly("phonetic/a_p", "phonetic/b_p", "phonetic/9_p", "letters/dash",
                "phonetic/x_p", "digits/1", "digits/star");
        assertThat(played("SayPhonetic(Ab9-x1)", List.of("phonetic/a_p", "phonetic/b_p", "phonetic/9_p", "letters/dash", "digits/1")))
                .containsExactly("phonetic/a_p", "phonetic/b_p", "phonetic/9_p", "letters/dash", "digits/1");
    }

    @Test
    void thePromptListHasEveryFileTheseApplicationsSay() throws IOException {
        Set<String> listed = Files.readAllLines(Path.of("sounds/prompts.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t")[0]).collect(Collectors.toSet());
        List<String> needed = new ArrayList<>(List.of("digits/oh", "digits/oclock", "digits/a-m", "digits/p-m", "digits/at",
                "digits/today", "digits/tomorrow", "digits/yesterday", "digits/h-30", "phonetic/9_p", "agent-pass", "auth-incorrect",
                "auth-thankyou", "vm-goodbye"));
        for (int i = 0; i < 7; i++) needed.add("digits/day-" + i);
        for (int i = 0; i < 12; i++) needed.add("digits/mon-" + i);
        for (int i = 1; i <= 20; i++) needed.add("digits/h-" + i);
        for (char ch = 'a'; ch <= 'z'; ch++) needed.add("phonetic/" + ch + "_p");
        assertThat(listed).containsAll(needed);
    }

    @Test
    void theGeneratedPromptsSayTheTimeWhole() throws IOException {
        Path sounds = Path.of("sounds").toAbsolutePath();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(sounds.resolve("en/digits/day-2.wav")), "run bin/make-sounds.sh first");
        Files.writeString(tmp.resolve("asterisk.conf"), "[directories]\nastdatadir => " + sounds.getParent() + "\n");
        t = new TestPbx(tmp);
        t.dialplan("[ctx]\nexten => s,1,SayUnixTime(" + TUESDAY + ",America/New_York)\n");
        caller = SoundFixture.call(t, "s", "ctx");
        int heard = SoundFixture.voiceUntilHangup(caller, 5000).size();
        int expected = 0;
        for (String p : say(TUESDAY, null)) {
            int samples = org.switchboard.media.sound.SoundFile.read(sounds.resolve("en/" + p + ".wav"),
                    org.switchboard.media.sound.SoundFormat.WAV).samples();
            expected += (samples + 159) / 160;
        }
        assertThat(heard).isEqualTo(expected);
        assertThat(t.logLines("Unable to play message")).isEmpty();
    }
}
