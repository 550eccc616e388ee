package org.switchboard.res.agi.commands;

import java.util.List;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelState;
import org.switchboard.core.Frame;
import org.switchboard.core.HangupCause;
import org.switchboard.dialplan.Dialplan;

/** AGI commands about the channel itself: answer, hang up, its state, caller ID, where the dialplan goes on. */
final class ChannelCommands {
    private ChannelCommands() {}

    static List<AgiCommand> commands() {
        return List.of(
                AgiCommand.of("answer", false, "ANSWER", "Answer channel", """
                        Answers channel if not already in answer state. Returns -1 on channel failure,
                        or 0 if successful.""", ChannelCommands::answer),
                AgiCommand.of("hangup", false, "HANGUP [CHANNELNAME]", "Hangup a channel.", """
                        Hangs up the specified channel. If no channel name is given, hangs up the
                        current channel. Returns 1 on success, -1 when there is no such channel.""", ChannelCommands::hangup),
                AgiCommand.of("channel status", false, "CHANNEL STATUS [CHANNELNAME]", "Returns status of the connected channel.", """
                        Returns the status of the specified channel (the current one if none is named):
                        0 down and available, 1 down but reserved, 2 off hook, 3 digits dialed,
                        4 ringing (incoming), 5 ringing (remote), 6 up, 7 busy; -1 when there is no
                        such channel.""", ChannelCommands::status),
                AgiCommand.of("set autohangup", false, "SET AUTOHANGUP TIME", "Autohangup channel in some time.", """
                        Cause the channel to automatically hangup at TIME seconds in the future (a
                        fraction is allowed). 0 disables the autohangup. Returns 0.""", ChannelCommands::autohangup),
                AgiCommand.of("set callerid", false, "SET CALLERID NUMBER", "Sets callerid for the current channel.", """
                        Changes the callerid of the current channel: "Name" <number>, or a bare number.
                        Returns 1.""", ChannelCommands::callerid),
                AgiCommand.of("set context", false, "SET CONTEXT DESIRED CONTEXT", "Sets channel context.", """
                        Sets the context for continuation upon exiting the application. Returns 0.""",
                        (s, argv) -> argv.size() != 3 ? null : moved(s, argv.get(2), null)),
                AgiCommand.of("set extension", false, "SET EXTENSION NEW EXTENSION", "Changes channel extension.", """
                        Changes the extension for continuation upon exiting the application. Returns 0.""",
                        (s, argv) -> argv.size() != 3 ? null : moved(s, null, argv.get(2))),
                AgiCommand.of("set priority", false, "SET PRIORITY PRIORITY", "Set channel dialplan priority.", """
                        Changes the priority for continuation upon exiting the application: a number or
                        a label of the current extension. Returns 0.""", ChannelCommands::priority),
                AgiCommand.of("set music", false, "SET MUSIC {on|off} [CLASS]", "Enable/Disable Music on hold generator", """
                        Enables (on) or disables (off) music on hold on the channel. Switchboard has no
                        music files of its own: this is the hold indication, as WaitExten's m option
                        gives it. Returns 0.""", ChannelCommands::music));
    }

    private static AgiResult answer(AgiContext s, List<String> argv) {
        Channel c = s.channel();
        if (c.state() != ChannelState.UP) c.answer();
        return AgiResult.result(0);
    }

    private static AgiResult hangup(AgiContext s, List<String> argv) {
        if (argv.size() == 1) {
            s.channel().softHangup(HangupCause.NORMAL_CLEARING);
            return AgiResult.result(1);
        }
        if (argv.size() != 2) return null;
        Channel other = s.pbx().channels().byName(argv.get(1));
        if (other == null) return AgiResult.result(-1);
        other.softHangup(HangupCause.NORMAL_CLEARING);
        return AgiResult.result(1);
    }

    private static AgiResult status(AgiContext s, List<String> argv) {
        if (argv.size() == 2) return AgiResult.result(s.channel().state().code());
        if (argv.size() != 3) return null;
        Channel other = s.pbx().channels().byName(argv.get(2));
        return AgiResult.result(other == null ? -1 : other.state().code());
    }

    private static AgiResult autohangup(AgiContext s, List<String> argv) {
        if (argv.size() != 3) return null;
        Double seconds = AgiNumbers.scanDouble(argv.get(2));
        if (seconds == null) return null;
        s.channel().setAbsoluteTimeout(seconds <= 0 ? 0 : Math.max(1, (long) (seconds * 1000)));
        return AgiResult.result(0);
    }

    private static AgiResult callerid(AgiContext s, List<String> argv) {
        if (argv.size() != 3) return null;
        Channel c = s.channel();
        c.callerId().setAll(argv.get(2));
        // ast_shrink_phone_number: the punctuation people write in numbers goes
        c.callerId().setNumber(c.callerId().number().replaceAll("[\\s().-]", ""));
        s.pbx().events().newCallerid(c);
        return AgiResult.result(1);
    }

    private static AgiResult moved(AgiContext s, String context, String exten) {
        Channel c = s.channel();
        c.setLocation(context, exten, c.priority());
        return AgiResult.result(0);
    }

    private static AgiResult priority(AgiContext s, List<String> argv) {
        if (argv.size() != 3) return null;
        Channel c = s.channel();
        Integer n = AgiNumbers.scanInt(argv.get(2));
        if (n == null) {
            Dialplan.Found f = s.pbx().dialplan().findLabel(c.context(), c.exten(), argv.get(2), c.callerId().number());
            if (f == null) return null;
            n = f.priority().number();
        }
        if (n < 1) return null;
        c.jumpTo(null, null, n);
        return AgiResult.result(0);
    }

    private static AgiResult music(AgiContext s, List<String> argv) {
        if (argv.size() < 3) return null;
        if (argv.get(2).equalsIgnoreCase("on")) s.channel().indicate(Frame.Control.HOLD);
        else if (argv.get(2).equalsIgnoreCase("off")) s.channel().indicate(Frame.Control.UNHOLD);
        return AgiResult.result(0);
    }
}
