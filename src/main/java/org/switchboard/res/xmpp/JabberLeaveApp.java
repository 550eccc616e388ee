package org.switchboard.res.xmpp;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;

/** JabberLeave(Jabber,RoomJID[,Nickname]): the client leaves a XEP-0045 chat room. */
public final class JabberLeaveApp implements Application {
    @Override public String name() { return "JabberLeave"; }
    @Override public String synopsis() { return "Leave a chat room"; }
    @Override public String syntax() { return "JabberLeave(Jabber,RoomJID[,Nickname])"; }

    @Override
    public String description() {
        return """
                Allows Asterisk to leave a chat room it joined with JabberJoin.
                Jabber: the client (xmpp.conf). RoomJID: the room. Nickname: the name it used there (accepted for
                Asterisk's syntax; the room knows it already).""";
    }

    @Override
    public Result execute(Channel c, String data) {
        JabberRoomArgs a = JabberRoomArgs.of(name(), c, data, 2, "Jabber,RoomJID[,Nickname]");
        if (a != null) a.client().leaveRoom(a.room());
        return Result.CONTINUE;
    }
}
