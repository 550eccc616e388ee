package org.switchboard.res.agi.commands;

import java.util.List;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;
import org.switchboard.media.sound.SoundFormat;
import org.switchboard.media.sound.SoundLibrary;
import org.switchboard.media.sound.SoundPlayer;
import org.switchboard.media.sound.SoundRecorder;
import org.switchboard.media.sound.SoundWriter;

/** RECORD FILE: what the caller says into a file, ended by a digit, silence, the time limit or a hangup. */
final class RecordCommands {
    private RecordCommands() {}

    static List<AgiCommand> commands() {
        return List.of(AgiCommand.of("record file", false,
                "RECORD FILE FILENAME FORMAT ESCAPE_DIGITS TIMEOUT [OFFSET SAMPLES] [BEEP] [s=SILENCE]",
                "Records to a given file.", """
                Record to a file until a given dtmf digit in the sequence is received. Returns -1 on
                hangup or error. The format will specify what kind of file will be recorded (wav,
                sln, ulaw, alaw, pcm). The TIMEOUT is the maximum record time in milliseconds, or -1
                for no timeout. OFFSET SAMPLES is optional, and, if provided, appends to the file.
                BEEP plays a beep first. s=SILENCE is the number of seconds of silence allowed before
                the function returns despite the lack of dtmf digits or reaching TIMEOUT. Answers
                with endpos, the samples in the file.""", RecordCommands::record));
    }

    private static AgiResult record(AgiContext s, List<String> argv) {
        if (argv.size() < 6) return null;
        Integer timeout = AgiNumbers.scanInt(argv.get(5));
        if (timeout == null) return null;
        Channel c = s.channel();
        String escape = argv.get(4);
        long offset = 0;
        boolean beep = false;
        if (argv.size() > 6) {
            Long o = AgiNumbers.scanLong(argv.get(6));
            if (o != null) offset = Math.max(0, o);
            else if (argv.get(6).indexOf('=') < 0) beep = true;
        }
        if (argv.size() > 7 && argv.get(7).indexOf('=') < 0) beep = true;
        long silenceMs = silence(argv);

        SoundFormat format = SoundFormat.of(argv.get(3));
        if (format == null || !SoundWriter.canWrite(format)) {
            PbxLog.warning("res_agi.c", "Unable to create '" + argv.get(2) + "' in format '" + argv.get(3) + "'");
            return AgiResult.failed("200 result=-1 (writefile)");
        }
        if (beep && SoundPlayer.play(c, "beep", SoundPlayer.NO_DIGIT) < 0) {
            PbxLog.warning("res_agi.c", "Unable to play beep on " + c.name());
        }
        var path = SoundLibrary.of(s.pbx()).resolveForWriting(argv.get(2), format);
        PbxLog.verbose(3, "<" + c.name() + "> Recording '" + argv.get(2) + "." + format.extension() + "'");
        // TIMEOUT 0 records nothing (Asterisk's loop never runs); -1 has no limit
        long maxMs = timeout == 0 ? 1 : Math.max(0, timeout);
        SoundRecorder.Result r = SoundRecorder.record(c, new SoundRecorder.Options(path, format, offset > 0, silenceMs, maxMs,
                d -> escape.indexOf(d) >= 0, true));
        long endpos = r.durationMs() * AgiPlayback.SAMPLES_PER_MS;
        return switch (r.status()) {
            case DTMF -> AgiResult.ok("200 result=" + (int) r.digit() + " (dtmf) endpos=" + endpos);
            case SILENCE, TIMEOUT -> AgiResult.ok("200 result=0 (timeout) endpos=" + endpos);
            case HANGUP -> AgiResult.failed("200 result=-1 (hangup) endpos=" + endpos);
            case ERROR -> AgiResult.failed("200 result=-1 (writefile)");
        };
    }

    /** {@code s=N} among the last three words: N seconds of silence end the recording (0: never). */
    private static long silence(List<String> argv) {
        for (int i = argv.size() - 1; i >= Math.max(6, argv.size() - 3); i--) {
            String w = argv.get(i);
            if (w.startsWith("s=") && w.length() > 2) return Math.max(0, AgiNumbers.atoi(w.substring(2))) * 1000L;
        }
        return 0;
    }
}
