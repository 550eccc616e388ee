package org.switchboard.res.manager.actions;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.switchboard.core.Channel;
import org.switchboard.core.HangupCause;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;
import org.switchboard.core.PbxLog;
import org.switchboard.res.manager.BoundedMatch;

/** Hangup: one channel by name, or every channel matching {@code /regex/} (as a list). */
public final class HangupAction extends BaseAction {
    public HangupAction() {
        super("Hangup", "system,call", "Hangup channel.", """
                Action: Hangup
                [ActionID: <value>]
                Channel: <channel name or /regex/>
                [Cause: <Q.850 cause code>]""", """
                Hangs up a channel. Channel is the exact name, or a regular expression between slashes
                to hang up every matching channel: the response is then a list of ChannelHungup events
                ending with ChannelsHungupListComplete. Cause sets the hangup cause.""");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        String name = request.get("Channel");
        if (isBlank(name)) {
            reply.error("No channel specified");
            return;
        }
        int cause = HangupCause.NORMAL_CLEARING;
        String causeText = request.get("Cause");
        if (!isBlank(causeText)) {
            try {
                cause = Integer.parseInt(causeText.trim());
            } catch (NumberFormatException e) {
                reply.error("Invalid cause");
                return;
            }
        }
        name = name.trim();
        if (name.length() > 1 && name.startsWith("/") && name.endsWith("/")) {
            Pattern p;
            try {
                p = Pattern.compile(name.substring(1, name.length() - 1));
            } catch (PatternSyntaxException e) {
                reply.error("Invalid regex");
                return;
            }
            reply.listStart("Channels hung up will follow");
            for (Channel c : request.pbx().channels().all()) {
                try {
                    if (!BoundedMatch.find(p, c.name())) continue;
                } catch (BoundedMatch.TooComplex e) {
                    continue;
                }
                c.softHangup(cause);
                reply.listItem("ChannelHungup", fields("Channel", c.name()));
            }
            reply.listComplete("ChannelsHungupListComplete", null);
            return;
        }
        Channel c = request.pbx().channels().byName(name);
        if (c == null) {
            PbxLog.limited(PbxLog.Level.NOTICE, "manager.c", request.remoteAddress(), "Request to hangup non-existent channel: " + name);
            reply.error("No such channel");
            return;
        }
        PbxLog.verbose(3, "Manager '" + request.user() + "' from " + request.remoteAddress() + ", hanging up channel: " + c.name());
        c.softHangup(cause);
        reply.success("Channel Hungup");
    }
}
