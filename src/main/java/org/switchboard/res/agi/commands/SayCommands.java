package org.switchboard.res.agi.commands;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.function.IntPredicate;
import org.switchboard.apps.SayFiles;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;
import org.switchboard.media.sound.SoundPlayer;

/** The SAY commands: letters, digits, numbers, NATO words, dates and times, each stoppable by an escape digit. */
final class SayCommands {
    private static final String RETURNS = """
            Returns 0 if playback completes without a digit being pressed, the ASCII numerical
            value of the digit if one was pressed, or -1 on error (a missing prompt) or hangup.""";

    private SayCommands() {}

    static List<AgiCommand> commands() {
        return List.of(
                AgiCommand.of("say alpha", false, "SAY ALPHA NUMBER ESCAPE_DIGITS", "Says a given character string.",
                        "Say a given character string, returning early if any of the given DTMF digits are received on the channel. "
                                + RETURNS, (s, argv) -> argv.size() != 4 ? null : say(s, SayFiles.alpha(argv.get(2)), argv.get(3))),
                AgiCommand.of("say digits", false, "SAY DIGITS NUMBER ESCAPE_DIGITS", "Says a given digit string.",
                        "Say a given digit string, returning early if any of the given DTMF digits are received on the channel. "
                                + RETURNS, SayCommands::digits),
                AgiCommand.of("say number", false, "SAY NUMBER NUMBER ESCAPE_DIGITS [GENDER]", "Says a given number.",
                        "Say a given number, returning early if any of the given DTMF digits are received on the channel. "
                                + RETURNS, SayCommands::number),
                AgiCommand.of("say phonetic", false, "SAY PHONETIC STRING ESCAPE_DIGITS", "Says a given character string with phonetics.",
                        "Say a given character string with phonetics (phonetic/a_p is alpha), returning early if any of the given "
                                + "DTMF digits are received on the channel. " + RETURNS,
                        (s, argv) -> argv.size() != 4 ? null : say(s, SayPrompts.phonetic(argv.get(2)), argv.get(3))),
                AgiCommand.of("say date", false, "SAY DATE DATE ESCAPE_DIGITS", "Says a given date.",
                        "Say a given date (seconds since 1970-01-01 00:00:00 UTC), returning early if any of the given DTMF "
                                + "digits are received on the channel. " + RETURNS, (s, argv) -> when(s, argv, false)),
                AgiCommand.of("say time", false, "SAY TIME TIME ESCAPE_DIGITS", "Says a given time.",
                        "Say a given time (seconds since 1970-01-01 00:00:00 UTC), returning early if any of the given DTMF "
                                + "digits are received on the channel. " + RETURNS, (s, argv) -> when(s, argv, true)),
                AgiCommand.of("say datetime", false, "SAY DATETIME TIME ESCAPE_DIGITS [FORMAT] [TIMEZONE]",
                        "Says a given time as specified by the format given.", """
                        Say a given time (seconds since 1970-01-01 00:00:00 UTC) as FORMAT says (default
                        ABdY 'digits/at' IMp: A weekday, B month, d day, Y year, I hour, M minutes,
                        p a.m./p.m., H 24-hour, 'prompt' as written), in TIMEZONE (default the system's),
                        returning early if any of the given DTMF digits are received on the channel. """
                                + RETURNS, SayCommands::dateTime));
    }

    private static AgiResult digits(AgiContext s, List<String> argv) {
        if (argv.size() != 4 || AgiNumbers.scanInt(argv.get(2)) == null) return null;
        return say(s, SayFiles.digits(argv.get(2)), argv.get(3));
    }

    private static AgiResult number(AgiContext s, List<String> argv) {
        if (argv.size() < 4 || argv.size() > 5) return null;
        Integer n = AgiNumbers.scanInt(argv.get(2));
        if (n == null) return null;
        List<String> files = SayFiles.number(n);
        if (files == null) {
            PbxLog.warning("say.c", "Number '" + n + "' is too big for me");
            return AgiResult.failed("200 result=-1");
        }
        return say(s, files, argv.get(3));
    }

    private static AgiResult when(AgiContext s, List<String> argv, boolean time) {
        if (argv.size() != 4) return null;
        Long t = AgiNumbers.scanLong(argv.get(2));
        if (t == null) return null;
        ZoneId zone = ZoneId.systemDefault();
        return say(s, time ? SayPrompts.time(t, zone) : SayPrompts.date(t, zone), argv.get(3));
    }

    private static AgiResult dateTime(AgiContext s, List<String> argv) {
        if (argv.size() < 4) return null;
        Long t = AgiNumbers.scanLong(argv.get(2));
        if (t == null) return null;
        String format = argv.size() > 4 && !argv.get(4).isEmpty() ? argv.get(4) : SayPrompts.DEFAULT_DATETIME_FORMAT;
        ZoneId zone = ZoneId.systemDefault();
        if (argv.size() > 5 && !argv.get(5).isEmpty()) {
            try {
                zone = ZoneId.of(argv.get(5));
            } catch (DateTimeException e) {
                PbxLog.warning("res_agi.c", "Unknown timezone '" + argv.get(5) + "': using " + zone);
            }
        }
        return say(s, SayPrompts.dateWithFormat(t, zone, format), argv.get(3));
    }

    /** Plays the prompts until an escape digit; a missing prompt stops there with -1. */
    private static AgiResult say(AgiContext s, List<String> files, String escape) {
        Channel c = s.channel();
        IntPredicate breakOn = AgiPlayback.digits(escape);
        int r = 0;
        for (String f : files) {
            r = SoundPlayer.play(c, f, breakOn);
            if (r != 0) break;
        }
        return AgiResult.byCode(r, "200 result=" + r);
    }
}
