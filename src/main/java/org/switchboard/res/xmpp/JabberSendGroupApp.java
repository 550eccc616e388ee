package org.switchboard.res.xmpp;

import org.switchboard.core.AppArgs;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;

/** JabberSendGroup(Jabber,RoomJID,Message[,Nickname]): a message to everyone in a XEP-0045 room. */
public final class JabberSendGroupApp implements Application {
    @Override public String name() { return "JabberSendGroup"; }
    @Override public String synopsis() { return "Send a Jabber Message to a specified chat room"; }
    @Override public String syntax() { return "JabberSendGroup(Jabber,RoomJID,Message[,Nickname])"; }

    @Override
    public String description() {
        return """
                Allows user to send a message to a chat room via XMPP. To be able to send messages to a chat room,
                a user must have previously joined it: use JabberJoin to do so.
                Jabber: the client (xmpp.conf). RoomJID: the room. Message: the text (quote it when it holds commas).
                Nickname: the name used in the room (accepted for Asterisk's syntax; the room knows it already).""";
    }

    @Override
    public Result execute(Channel c, String data) {
        JabberRoomArgs a = JabberRoomArgs.of(name(), c, data, 3, "Jabber,RoomJID,Message[,Nickname]");
        if (a != null) a.client().sendToRoom(a.room(), AppArgs.arg(a.args(), 2));
        return Result.CONTINUE;
    }
}
