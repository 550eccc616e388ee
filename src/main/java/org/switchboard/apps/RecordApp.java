package org.switchboard.apps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.switchboard.core.AppArgs;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelState;
import org.switchboard.core.PbxLog;
import org.switchboard.media.sound.SoundFormat;
import org.switchboard.media.sound.SoundLibrary;
import org.switchboard.media.sound.SoundPlayer;
import org.switchboard.media.sound.SoundRecorder;
import org.switchboard.media.sound.SoundWriter;

/** Record(filename.format[,silence[,maxduration[,options]]]): record the caller to a file (app_record). */
public final class RecordApp implements Application {
    @Override public String name() { return "Record"; }
    @Override public String synopsis() { return "Record to a file."; }
    @Override public String syntax() { return "Record(filename.format[,silence[,maxduration[,options]]])"; }

    @Override
    public String description() {
        return """
                Records what the caller says into filename.format: wav (16-bit 8 kHz), sln, ulaw,
                pcm or alaw. A relative filename is under the sounds folder; %d in it is replaced
                by the first number that makes a new file. A beep is played first.
                silence   seconds of silence that end the recording (0: none)
                maxduration  the longest recording in seconds (0: no limit)
                Options:
                  a  append to an existing recording
                  n  do not answer the channel first
                  q  quiet: no beep
                  s  do nothing (RECORD_STATUS SKIP) when the channel is not answered
                  t  * ends the recording instead of #
                  x  no key ends the recording
                  y  any key ends the recording
                  k  keep the recording when the caller hangs up (else it is deleted)
                  o  0 ends the recording with RECORD_STATUS OPERATOR
                Sets RECORDED_FILE (without the format) and RECORD_STATUS: DTMF, SILENCE, SKIP,
                TIMEOUT, HANGUP, OPERATOR or ERROR.""";
    }

    @Override
    public Result execute(Channel c, String data) {
        List<String> args = AppSupport.separate(data, ',', true, 4);
        String target = AppSupport.arg(args, 0);
        int dot = target == null ? -1 : target.lastIndexOf('.');
        if (dot <= 0 || target.indexOf('/', dot) >= 0) {
            PbxLog.warning("app_record.c", "No extension specified to filename!");
            c.setVar("RECORD_STATUS", "ERROR");
            return Result.HANGUP;
        }
        String ext = target.substring(dot + 1);
        SoundFormat format = SoundFormat.of(ext);
        if (format == null || !SoundWriter.canWrite(format)) {
            PbxLog.warning("app_record.c", "No such format '" + ext + "'");
            c.setVar("RECORD_STATUS", "ERROR");
            return Result.CONTINUE;
        }
        long silenceMs = seconds(AppSupport.arg(args, 1));
        long maxMs = seconds(AppSupport.arg(args, 2));
        Map<Character, String> opts = AppArgs.options(AppSupport.isEmpty(AppSupport.arg(args, 3)) ? "" : AppSupport.arg(args, 3));

        SoundLibrary lib = SoundLibrary.of(c.pbx());
        String name = target.substring(0, dot);
        if (name.contains("%d")) {
            String pattern = name;
            for (int n = 0; ; n++) {
                name = pattern.replace("%d", Integer.toString(n));
                if (!Files.exists(lib.resolveForWriting(name, format))) break;
            }
        }
        c.setVar("RECORDED_FILE", name);
        if (c.state() != ChannelState.UP) {
            if (opts.containsKey('s')) {
                c.setVar("RECORD_STATUS", "SKIP");
                return Result.CONTINUE;
            }
            if (!opts.containsKey('n')) c.answer();
        }
        if (!opts.containsKey('q') && SoundPlayer.play(c, "beep", SoundPlayer.NO_DIGIT) < 0) {
            PbxLog.warning("app_record.c", "ast_streamfile failed on " + c.name());
        }
        String terminators = opts.containsKey('t') ? "*" : "#";
        IntPredicate stopOn = opts.containsKey('x') ? d -> false
                : opts.containsKey('y') ? d -> true
                : d -> terminators.indexOf(d) >= 0 || (d == '0' && opts.containsKey('o'));
        Path path = lib.resolveForWriting(name, format);
        PbxLog.verbose(3, "<" + c.name() + "> Recording '" + name + "." + format.extension() + "'");
        SoundRecorder.Result r = SoundRecorder.record(c, new SoundRecorder.Options(path, format, opts.containsKey('a'),
                silenceMs, maxMs, stopOn, opts.containsKey('k')));
        String status = r.status() == SoundRecorder.Status.DTMF && r.digit() == '0' && opts.containsKey('o')
                ? "OPERATOR" : r.status().name();
        c.setVar("RECORD_STATUS", status);
        return r.status() == SoundRecorder.Status.HANGUP ? Result.HANGUP : Result.CONTINUE;
    }

    /** Whole seconds as app_record reads them (atoi); none or negative is 0. */
    private static long seconds(String text) {
        if (AppSupport.isEmpty(text)) return 0;
        return Math.max(0, AppSupport.atoi(text)) * 1000L;
    }
}
