package org.switchboard.apps;

import java.util.List;
import java.util.Locale;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelState;
import org.switchboard.core.HangupException;
import org.switchboard.core.PbxLog;
import org.switchboard.media.sound.SoundPlayer;

/** Playback(filename[&filename2[&...]][,options]): play prompts to the caller (app_playback). */
public final class PlaybackApp implements Application {
    @Override public String name() { return "Playback"; }
    @Override public String synopsis() { return "Play a file."; }
    @Override public String syntax() { return "Playback(filename[&filename2[&...]][,options])"; }

    @Override
    public String description() {
        return """
                Plays back the given files, one after the other, without listening for digits.
                Each name is looked up under the sounds folder in the channel's language, then in
                'en' (silence/1 is sounds/en/silence/1.wav); no extension is given. The channel is
                answered first unless it is up already or 'noanswer' is given.
                A file that does not exist is a warning; the others still play.
                Options:
                  skip      do nothing (and succeed) when the channel is not answered
                  noanswer  play without answering (early media)
                Sets PLAYBACKSTATUS to SUCCESS, or FAILED when a file could not be played.""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        if (data == null || data.isBlank()) {
            PbxLog.warning("app_playback.c", "Playback requires an argument (filename)");
            return Result.HANGUP;
        }
        List<String> args = AppSupport.separate(data, ',', true, 2);
        String files = AppSupport.arg(args, 0);
        String options = AppSupport.arg(args, 1) == null ? "" : AppSupport.arg(args, 1).toLowerCase(Locale.ROOT);
        boolean skip = options.contains("skip");
        boolean noAnswer = options.contains("noanswer");
        boolean failed = false;
        try {
            if (channel.state() != ChannelState.UP) {
                if (skip) {
                    channel.setVar("PLAYBACKSTATUS", "SUCCESS");
                    return Result.CONTINUE;
                }
                if (!noAnswer) channel.answer();
            }
            for (String f : MediaDigits.prompts(files)) {
                if (SoundPlayer.play(channel, f, SoundPlayer.NO_DIGIT) < 0) {
                    PbxLog.warning("app_playback.c", "Playback failed on " + channel.name() + " for " + data);
                    failed = true;
                }
            }
        } catch (HangupException e) {
            channel.setVar("PLAYBACKSTATUS", "FAILED");
            throw e;
        }
        channel.setVar("PLAYBACKSTATUS", failed ? "FAILED" : "SUCCESS");
        return Result.CONTINUE;
    }
}
