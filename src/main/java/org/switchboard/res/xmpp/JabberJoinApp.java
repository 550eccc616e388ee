package org.switchboard.res.xmpp;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;

/** JabberJoin(Jabber,RoomJID[,Nickname]): the client enters a XEP-0045 chat room. */
public final class JabberJoinApp implements Application {
    @Override public String name() { return "JabberJoin"; }
    @Override public String synopsis() { return "Join a chat room"; }
    @Override public String syntax() { return "JabberJoin(Jabber,RoomJID[,Nickname])"; }

    @Override
    public String description() {
        return """
                Allows Asterisk to join a chat room (XEP-0045 multi-user chat); a room that does not exist yet is
                created as an instant room.
                Jabber: the client (xmpp.conf) that joins. RoomJID: the room, room@conference.domain.
                Nickname: the name used in the room; default the client's user name (the part of its JID before @).
                A client that is not connected or a room that refuses is a log line; the call goes on.""";
    }

    @Override
    public Result execute(Channel c, String data) {
        JabberRoomArgs a = JabberRoomArgs.of(name(), c, data, 2, "Jabber,RoomJID[,Nickname]");
        if (a != null) a.client().joinRoom(a.room(), a.nick());
        return Result.CONTINUE;
    }
}
