package org.switchboard.res.agi.commands;

import java.util.List;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;
import org.switchboard.media.sound.SoundFile;
import org.switchboard.media.sound.SoundPlayer;

/** AGI commands that play prompts and read digits: STREAM FILE, GET OPTION, GET DATA, WAIT FOR DIGIT. */
final class MediaCommands {
    private MediaCommands() {}

    static List<AgiCommand> commands() {
        return List.of(
                AgiCommand.of("stream file", false, "STREAM FILE FILENAME ESCAPE_DIGITS [SAMPLE OFFSET]",
                        "Sends audio file on channel.", """
                        Send the given file, allowing playback to be interrupted by the given digits, if
                        any. Use double quotes for the digits if you wish none to be permitted. If sample
                        offset is provided then the audio will seek to sample offset before play starts.
                        Returns 0 if playback completes without a digit being pressed, or the ASCII
                        numerical value of the digit if one was pressed, or -1 on error or if the channel
                        was disconnected, with endpos, the sample where playback stopped. Sets
                        PLAYBACKSTATUS to SUCCESS, or FAILED when it did not play to its end.""",
                        MediaCommands::streamFile),
                AgiCommand.of("get option", false, "GET OPTION FILENAME ESCAPE_DIGITS [TIMEOUT]",
                        "Stream file, prompt for DTMF, with timeout.", """
                        Behaves similar to STREAM FILE but used with a timeout option: when no escape
                        digit was pressed during the prompt, waits TIMEOUT seconds (default
                        TIMEOUT(digit)) for one.""", MediaCommands::getOption),
                AgiCommand.of("get data", false, "GET DATA FILE [TIMEOUT [MAXDIGITS]]", "Prompts for DTMF on a channel", """
                        Stream the given file, and receive DTMF data (a digit stops the prompt). Input
                        ends at MAXDIGITS (default 1024), at # (not kept) or after TIMEOUT ms without a
                        digit (default 6000 for the first, 2000 between digits). Returns the digits
                        received from the channel at the other end, with (timeout) when the time ran
                        out, or -1 when the file does not exist or the channel hung up.""", MediaCommands::getData),
                AgiCommand.of("wait for digit", false, "WAIT FOR DIGIT TIMEOUT", "Waits for a digit to be pressed.", """
                        Waits up to TIMEOUT milliseconds for channel to receive a DTMF digit (-1 waits
                        for ever). Returns -1 on channel failure, 0 if no digit is received in the
                        timeout, or the numerical value of the ascii of the digit if one is
                        received.""", MediaCommands::waitForDigit),
                AgiCommand.of("control stream file", false,
                        "CONTROL STREAM FILE FILENAME ESCAPE_DIGITS [SKIPMS [FFCHAR [REWCHR [PAUSECHR [OFFSETMS]]]]]",
                        "Sends audio file on channel and allows the listener to control the stream.", """
                        Send the given file, allowing playback to be controlled by the given digits, if
                        any: FFCHAR (default #) skips SKIPMS (default 3000) ms forward, REWCHR (default
                        *) as far back, PAUSECHR pauses until pressed again, ESCAPE_DIGITS stop. If
                        OFFSETMS is provided then the audio will seek to offsetms before play starts.
                        Returns 0 if playback completes without a digit being pressed, or the ASCII
                        numerical value of the digit if one was pressed, or -1 on error or if the channel
                        was disconnected. Returns the position where playback was terminated as endpos
                        (ms; -1 at the end of the file). Sets CPLAYBACKSTATUS (SUCCESS, USERSTOPPED,
                        ERROR), CPLAYBACKOFFSET and CPLAYBACKSTOPKEY.""", ControlPlayback::run));
    }

    private static AgiResult streamFile(AgiContext s, List<String> argv) {
        if (argv.size() < 4 || argv.size() > 5) return null;
        long offset = 0;
        if (argv.size() == 5) {
            Long o = AgiNumbers.scanLong(argv.get(4));
            if (o == null) return null;
            offset = Math.max(0, o);
        }
        Channel c = s.channel();
        SoundFile file = AgiPlayback.load(c, argv.get(2));
        if (file == null) return AgiResult.ok("200 result=-1 endpos=" + offset);
        PbxLog.verbose(3, "Playing '" + argv.get(2) + "' (escape_digits=" + argv.get(3) + ") (sample_offset " + offset
                + ") (language '" + c.language() + "')");
        AgiPlayback.Stopped st = AgiPlayback.play(c, file, offset, AgiPlayback.digits(argv.get(3)));
        c.setVar("PLAYBACKSTATUS", st.digit() != 0 ? "FAILED" : "SUCCESS");
        return AgiResult.byCode(st.digit(), "200 result=" + st.digit() + " endpos=" + st.sample());
    }

    private static AgiResult getOption(AgiContext s, List<String> argv) {
        if (argv.size() < 4 || argv.size() > 5) return null;
        Channel c = s.channel();
        String escape = argv.get(3);
        long timeoutMs = argv.size() == 5 ? 1000L * AgiNumbers.atoi(argv.get(4)) : c.digitTimeoutMs();
        SoundFile file = AgiPlayback.load(c, argv.get(2));
        if (file == null) {
            PbxLog.warning("res_agi.c", "Unable to open " + argv.get(2));
            return AgiResult.failed("200 result=-1 endpos=0");
        }
        PbxLog.verbose(3, "Playing '" + argv.get(2) + "' (escape_digits=" + escape + ") (timeout " + timeoutMs
                + ") (language '" + c.language() + "')");
        AgiPlayback.Stopped st = AgiPlayback.play(c, file, 0, AgiPlayback.digits(escape));
        int res = st.digit();
        if (res == 0 && timeoutMs > 0) {
            char d = AgiPlayback.waitForDigit(c, timeoutMs);
            res = d != 0 && escape.indexOf(d) >= 0 ? d : 0;   // only an escape digit counts
        }
        return AgiResult.byCode(res, "200 result=" + res + " endpos=" + st.sample());
    }

    private static AgiResult getData(AgiContext s, List<String> argv) {
        if (argv.size() < 3) return null;
        Channel c = s.channel();
        int timeout = argv.size() >= 4 ? AgiNumbers.atoi(argv.get(3)) : 0;
        int max = argv.size() >= 5 ? AgiNumbers.atoi(argv.get(4)) : 1024;
        if (max < 1 || max > 1024) max = 1024;
        int first = 0;
        if (!argv.get(2).isEmpty()) {
            first = SoundPlayer.play(c, argv.get(2), SoundPlayer.ANY_DIGIT);
            if (first < 0) return AgiResult.ok("200 result=-1");
        }
        // ast_app_getdata_full: 6 s for the first digit and 2 s between, unless a timeout is given
        // (a negative timeout waits for ever)
        long fto = timeout != 0 ? timeout : 6000;
        long to = timeout != 0 ? timeout : 2000;
        StringBuilder digits = new StringBuilder();
        long wait = fto;
        for (;;) {
            char d = first != 0 ? (char) first : AgiPlayback.waitForDigit(c, wait);
            first = 0;
            if (d == 0) return AgiResult.ok("200 result=" + digits + " (timeout)");
            if (d == '#') break;
            digits.append(d);
            if (digits.length() >= max) break;
            wait = to;
        }
        return AgiResult.ok("200 result=" + digits);
    }

    private static AgiResult waitForDigit(AgiContext s, List<String> argv) {
        if (argv.size() != 4) return null;
        Integer to = AgiNumbers.scanInt(argv.get(3));
        if (to == null) return null;
        return AgiResult.result(AgiPlayback.waitForDigit(s.channel(), to));
    }
}
