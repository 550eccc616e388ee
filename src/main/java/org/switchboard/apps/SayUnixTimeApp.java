package org.switchboard.apps;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.switchboard.core.AppArgs;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelState;
import org.switchboard.core.PbxLog;
import org.switchboard.media.sound.SoundLibrary;
import org.switchboard.media.sound.SoundPlayer;

/** SayUnixTime([unixtime[,timezone[,format[,options]]]]): say a time (app_sayunixtime). */
public class SayUnixTimeApp implements Application {
    private static final Pattern LEADING_LONG = Pattern.compile("\\s*([+-]?\\d{1,19})");

    @Override public String name() { return "SayUnixTime"; }
    @Override public String synopsis() { return "Says a specified time in a custom format."; }
    @Override public String syntax() { return "SayUnixTime([unixtime[,timezone[,format[,options]]]])"; }

    @Override
    public String description() {
        return """
                Answers the channel and says the time from the digits/ prompts (English rules).
                  unixtime  seconds since 1970-01-01 UTC, may be negative; default now
                  timezone  a tz database name (Europe/Paris); default the machine's; a name
                            it does not know is GMT
                  format    default ABdY 'digits/at' IMp; see voicemail.conf:
                            A/a weekday, B/b/h month, m month as ordinal, d/e day as ordinal,
                            Y year, I/l hour (12 h), H hour (24 h, "oh eight"), k hour (24 h),
                            M minute ("o'clock" at 0), N minute ("hundred" at 0), P/p AM or PM,
                            S seconds, R = HM, T = HMS, Q today/yesterday/weekday/date,
                            q the same, 'file' a prompt of its own; blanks are ignored
                Options:
                  j  a digit stops it and goes to that extension, as after Background (also
                     when SAY_DTMF_INTERRUPT is true)
                A prompt that is said on its own (a weekday, a month, an hour, AM/PM, a 'file')
                and cannot be played ends the call with a warning, as in Asterisk; a missing
                prompt of a number is skipped.""";
    }

    @Override
    public Result execute(Channel c, String data) {
        if (data == null) return Result.CONTINUE;
        List<String> args = AppSupport.separate(data, ',', true, 4);
        String options = AppSupport.arg(args, 3);
        boolean jump = !AppSupport.isEmpty(options) && AppArgs.options(options).containsKey('j') || sayDtmfInterrupt(c);
        long when = epoch(AppSupport.arg(args, 0));
        String format = AppSupport.isEmpty(AppSupport.arg(args, 2)) ? null : AppSupport.arg(args, 2);
        List<DateSayer.Prompt> prompts = DateSayer.prompts(when, DateSayer.zone(AppSupport.arg(args, 1)), format, Instant.now());
        if (c.state() != ChannelState.UP) c.answer();
        SoundLibrary lib = SoundLibrary.of(c.pbx());
        for (DateSayer.Prompt p : prompts) {
            if (p.required() && !lib.exists(p.file(), c.language())) {
                PbxLog.warning("file.c", "File " + p.file() + " does not exist in any format");
                PbxLog.warning("say.c", "Unable to play message " + p.file());
                return Result.HANGUP;
            }
            int r = SoundPlayer.play(c, p.file(), c.language(), jump ? SoundPlayer.ANY_DIGIT : SoundPlayer.NO_DIGIT);
            if (r > 0) return MediaDigits.collect(c, (char) r);
        }
        return Result.CONTINUE;
    }

    /** ast_get_time_t: the leading integer, else now. */
    static long epoch(String text) {
        long now = System.currentTimeMillis() / 1000;
        if (AppSupport.isEmpty(text)) return now;
        Matcher m = LEADING_LONG.matcher(text);
        if (!m.lookingAt()) return now;
        try {
            return Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return now;
        }
    }

    private static boolean sayDtmfInterrupt(Channel c) {
        String v = c.getVar("SAY_DTMF_INTERRUPT");
        return SayFiles.isTrue(v != null ? v : c.pbx().globals().get("SAY_DTMF_INTERRUPT"));
    }
}
