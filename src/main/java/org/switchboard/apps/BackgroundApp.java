package org.switchboard.apps;

import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.switchboard.core.AppArgs;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelState;
import org.switchboard.core.PbxLog;
import org.switchboard.media.sound.SoundPlayer;

/** Background(filename[&...][,options[,langoverride[,context]]]): play prompts while taking an extension. */
public final class BackgroundApp implements Application {
    @Override public String name() { return "Background"; }
    @Override public String synopsis() { return "Play an audio file while waiting for digits of an extension to go to."; }
    @Override public String syntax() { return "Background(filename[&filename2[&...]][,options[,langoverride[,context]]])"; }

    @Override
    public String description() {
        return """
                Plays the given files while listening for digits. A digit stops the prompts and
                starts an extension: when that one digit is an extension of the context (and no
                longer one could match) the dialplan goes there at once; otherwise more digits are
                read, each within TIMEOUT(digit), and the dialplan goes to the extension dialed,
                or to 'i' when it does not exist. When the prompts end without a digit the
                dialplan goes on (usually with WaitExten).
                Options:
                  s  do nothing when the channel is not answered
                  n  do not answer the channel first
                  m  only stop for a digit that is a one-digit extension of the context
                langoverride plays the prompts in that language; context takes the extension
                from that context instead of the current one.
                Sets BACKGROUNDSTATUS to SUCCESS, or FAILED when a file could not be played.""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        List<String> args = AppSupport.separate(data, ',', true, 4);
        String files = AppSupport.arg(args, 0);
        Map<Character, String> opts = AppArgs.options(AppSupport.isEmpty(AppSupport.arg(args, 1)) ? "" : AppSupport.arg(args, 1));
        String lang = AppSupport.arg(args, 2);
        String context = AppSupport.isEmpty(AppSupport.arg(args, 3)) ? channel.context() : AppSupport.arg(args, 3);
        if (AppSupport.isEmpty(files)) {
            PbxLog.warning("pbx_builtins.c", "Background requires an argument (filename)");
            return Result.HANGUP;
        }
        if (channel.state() != ChannelState.UP) {
            if (opts.containsKey('s')) {
                channel.setVar("BACKGROUNDSTATUS", "SUCCESS");
                return Result.CONTINUE;
            }
            if (!opts.containsKey('n')) channel.answer();
        }
        String cid = channel.callerId().number();
        IntPredicate breakOn = opts.containsKey('m')
                ? d -> channel.pbx().dialplan().exists(context, String.valueOf((char) d), 1, cid)
                : SoundPlayer.ANY_DIGIT;
        String language = AppSupport.isEmpty(lang) ? channel.language() : lang;
        int res = MediaDigits.playAll(channel, MediaDigits.prompts(files), language, breakOn);
        if (res < 0) {
            PbxLog.warning("pbx_builtins.c", "ast_streamfile failed on " + channel.name() + " for " + data);
            channel.setVar("BACKGROUNDSTATUS", "FAILED");
            return Result.CONTINUE;
        }
        channel.setVar("BACKGROUNDSTATUS", "SUCCESS");
        if (res == 0) return Result.CONTINUE;
        String digit = String.valueOf((char) res);
        if (AppSupport.exists(channel, context, digit, 1) && !channel.pbx().dialplan().matchMore(context, digit, cid)) {
            channel.jumpTo(context, digit, 1);
            return Result.CONTINUE;
        }
        return MediaDigits.collect(channel, (char) res);
    }
}
