package org.switchboard.apps;

import java.io.IOException;
import java.util.List;
import java.util.function.IntPredicate;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelState;
import org.switchboard.core.PbxLog;
import org.switchboard.media.sound.SoundFile;
import org.switchboard.media.sound.SoundFormat;
import org.switchboard.media.sound.SoundPlayer;
import org.switchboard.res.festival.FestivalCache;
import org.switchboard.res.festival.FestivalClient;
import org.switchboard.res.festival.FestivalConfig;
import org.switchboard.res.festival.FestivalReply;
import org.switchboard.res.festival.FestivalWaveform;

/** Festival(text[,intkeys]): speaks text with a Festival server (app_festival, festival.conf). */
public final class FestivalApp implements Application {
    private static final String SOURCE = "app_festival.c";

    @Override public String name() { return "Festival"; }
    @Override public String synopsis() { return "Say text to the user."; }
    @Override public String syntax() { return "Festival(text[,intkeys])"; }

    @Override
    public String description() {
        return """
                Sends the text to the Festival server festival.conf names (host, port 1314 by
                default), plays the waveform it answers to the caller (answering the channel first),
                and lets any of intkeys - or any key with 'any' - stop it: the key then starts an
                extension as with Background. With usecache=yes the answer is kept in cachedir
                under the MD5 of the text (Asterisk's cache format), so a phrase is synthesised once.
                The server needs Asterisk's tts_textasterisk function (contrib/README.festival);
                festivalcommand changes what is sent (%s is the text, \\n a newline). A server that is
                down, slow or answers garbage costs a warning; the dialplan goes on.""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        List<String> args = AppSupport.separate(data, ',', true, 2);
        String text = AppSupport.arg(args, 0);
        String keys = AppSupport.arg(args, 1);
        if (AppSupport.isEmpty(text)) {
            PbxLog.warning(SOURCE, "festival requires an argument (text)");
            return Result.CONTINUE;
        }
        if (!channel.pbx().hasConfig(FestivalConfig.FILE)) {
            PbxLog.warning(SOURCE, "No such configuration file " + FestivalConfig.FILE);
            return Result.CONTINUE;
        }
        FestivalConfig cfg = FestivalConfig.from(channel.pbx().config(FestivalConfig.FILE), channel.pbx().configDir());
        byte[] waveform = waveform(cfg, text, channel);
        if (waveform == null) return Result.CONTINUE;
        byte[] slin;
        try {
            slin = FestivalWaveform.toSlin8k(waveform);
        } catch (IllegalArgumentException e) {
            PbxLog.warning(SOURCE, "Festival sent a waveform that cannot be played: " + e.getMessage());
            return Result.CONTINUE;
        }
        if (channel.state() != ChannelState.UP) channel.answer();
        IntPredicate breakOn = AppSupport.isEmpty(keys) ? SoundPlayer.NO_DIGIT
                : keys.equalsIgnoreCase("any") ? SoundPlayer.ANY_DIGIT : SoundPlayer.digits(keys);
        int digit = SoundPlayer.play(channel, new SoundFile(null, SoundFormat.SLN, slin), breakOn);
        if (digit <= 0) return Result.CONTINUE;
        // a key returned to the PBX starts an extension, as with Background
        String d = String.valueOf((char) digit);
        if (AppSupport.exists(channel, channel.context(), d, 1)
                && !channel.pbx().dialplan().matchMore(channel.context(), d, channel.callerId().number())) {
            channel.jumpTo(channel.context(), d, 1);
            return Result.CONTINUE;
        }
        return MediaDigits.collect(channel, (char) digit);
    }

    /** The waveform for the text, from the cache or the server; null after a warning. */
    private static byte[] waveform(FestivalConfig cfg, String text, Channel channel) {
        FestivalCache cache = cfg.useCache() ? new FestivalCache(cfg.cacheDir()) : null;
        byte[] answer = null;
        if (cache != null) {
            try {
                answer = cache.get(text);
                if (answer != null) PbxLog.debug(SOURCE, "Reading from cache...");
            } catch (IOException e) {
                PbxLog.warning(SOURCE, "Festival cache in " + cfg.cacheDir() + " cannot be read: " + e.getMessage());
            }
        }
        boolean fromServer = answer == null;
        if (fromServer) {
            PbxLog.debug(SOURCE, "Text passed to festival server : " + text);
            try {
                answer = FestivalClient.ask(cfg, cfg.commandFor(text), channel);
            } catch (IOException e) {
                channel.checkHangup();
                PbxLog.warning(SOURCE, "festival_client: connect to server " + cfg.host() + ":" + cfg.port()
                        + " failed: " + e.getMessage());
                return null;
            }
        }
        FestivalReply reply = FestivalReply.parse(answer);
        for (String l : reply.lisp()) PbxLog.warning(SOURCE, "Festival returned LP : " + l);
        if (reply.error() != null) {
            PbxLog.warning(SOURCE, reply.error());
            return null;
        }
        if (fromServer && cache != null) {
            try {
                cache.put(text, answer);
            } catch (IOException e) {
                PbxLog.warning(SOURCE, "Festival cache in " + cfg.cacheDir() + " cannot be written: " + e.getMessage());
            }
        }
        return reply.waveform();
    }
}
