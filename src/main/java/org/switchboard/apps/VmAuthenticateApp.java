package org.switchboard.apps;

import java.util.List;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelState;
import org.switchboard.media.sound.SoundPlayer;
import org.switchboard.res.voicemail.VoicemailConfig;

/** VMAuthenticate([mailbox][@context][,options]): Authenticate with voicemail.conf's PINs (app_voicemail). */
public final class VmAuthenticateApp implements Application {
    @Override public String name() { return "VMAuthenticate"; }
    @Override public String synopsis() { return "Authenticate with Voicemail passwords."; }
    @Override public String syntax() { return "VMAuthenticate([mailbox][@context][,options])"; }

    @Override
    public String description() {
        return """
                Behaves as Authenticate, but the passwords are voicemail.conf's: with a mailbox only
                its PIN is valid; without one the caller enters mailbox and PIN, and AUTH_MAILBOX
                and AUTH_CONTEXT are set to the mailbox that authenticated. Three wrong attempts
                end the call. * as mailbox or PIN jumps to extension 'a' when it exists.
                Options:
                  s  skip the initial prompt (vm-login)""";
    }

    @Override
    public Result execute(Channel c, String data) {
        List<String> args = AppSupport.separate(data == null ? "" : data, ',', true, 2);
        String spec = AppSupport.arg(args, 0) == null ? "" : AppSupport.arg(args, 0).strip();
        String opts = AppSupport.arg(args, 1) == null ? "" : AppSupport.arg(args, 1);
        String box = spec, context = null;
        int at = spec.indexOf('@');
        if (at >= 0) {
            box = spec.substring(0, at);
            context = spec.substring(at + 1).isEmpty() ? null : spec.substring(at + 1);
        }
        if (c.state() != ChannelState.UP) c.answer();
        VoiceMailLogin.Outcome o = VoiceMailLogin.authenticate(c, VoicemailConfig.of(c.pbx()), box, context, "",
                !box.isEmpty(), 3, opts.indexOf('s') >= 0);
        if (o.jumpToA()) {
            c.jumpTo(c.context(), "a", 1);
            return Result.CONTINUE;
        }
        if (o.mailbox() == null) return Result.HANGUP;
        c.setVar("AUTH_MAILBOX", o.mailbox().box());
        c.setVar("AUTH_CONTEXT", o.mailbox().context());
        SoundPlayer.play(c, "auth-thankyou", SoundPlayer.ANY_DIGIT);
        return Result.CONTINUE;
    }
}
