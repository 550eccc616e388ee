package org.switchboard.res.xmpp;

import java.util.List;
import org.switchboard.core.AppArgs;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;

/** What JabberJoin, JabberLeave and JabberSendGroup share: their client, room and nickname (default: the client's user name). */
record JabberRoomArgs(XmppClient client, String room, String nick, List<String> args) {
    /** The arguments, or null after res_xmpp's log line when they are missing or name no client. */
    static JabberRoomArgs of(String app, Channel c, String data, int nickIndex, String usage) {
        List<String> a = AppArgs.split(data);
        String room = AppArgs.arg(a, 1).trim();
        if (AppArgs.arg(a, 0).isBlank() || room.isEmpty() || (nickIndex == 3 && a.size() < 3)) {
            PbxLog.warning(XmppModule.NAME, app + " requires arguments (" + usage + ")");
            return null;
        }
        XmppClient client = XmppModule.client(app, c, AppArgs.arg(a, 0));
        if (client == null) return null;
        String nick = AppArgs.arg(a, nickIndex).trim();
        if (nick.isEmpty()) nick = client.config().localpart();
        return new JabberRoomArgs(client, room, nick, a);
    }
}
