package org.switchboard.channels.skype;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;

/** SkypeChatSend(user,buddy,message): a chat message from an account to a buddy. */
public final class SkypeChatSendApp implements Application {
    @Override public String name() { return "SkypeChatSend"; }
    @Override public String synopsis() { return "Send a chat message to a Skype buddy"; }
    @Override public String syntax() { return "SkypeChatSend(user,buddy,message)"; }

    @Override
    public String description() {
        return """
                Sends message as a chat message from the Skype account user (a section of chan_skype.conf; empty: the
                default_user account) to buddy. A bare buddy name gets the account's domain (vuc.me becomes
                vuc.me@domain); a full name (name@domain) is used as is. Everything after the second comma is the
                message, commas included.
                Sets SKYPECHATSTATUS to SUCCESS when the message went out, FAILURE when the account is unknown or
                not logged in or the buddy name is invalid (no spaces or '&'). Never hangs up the channel.""";
    }

    @Override
    public Result execute(Channel c, String data) {
        String d = data == null ? "" : data;
        int first = d.indexOf(',');
        int second = first < 0 ? -1 : d.indexOf(',', first + 1);
        String user = (first < 0 ? d : d.substring(0, first)).trim();
        String buddy = (first < 0 ? "" : second < 0 ? d.substring(first + 1) : d.substring(first + 1, second)).trim();
        String message = second < 0 ? "" : d.substring(second + 1);
        boolean ok = false;
        SkypeAccount a = SkypeDialplan.account(name(), c, user);
        if (a != null) {
            String jid = SkypeDialplan.buddy(name(), a, buddy);
            if (jid != null) ok = a.sendChat(jid, message);
        }
        c.setVar("SKYPECHATSTATUS", ok ? "SUCCESS" : "FAILURE");
        return Result.CONTINUE;
    }
}
