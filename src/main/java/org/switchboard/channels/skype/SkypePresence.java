package org.switchboard.channels.skype;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/**
 * What buddies see of the account: its status and status message (chan_skype.conf, or AMI
 * SkypeAccountProperty), or dnd "On the phone" while every license is in use.
 */
final class SkypePresence {
    private final SkypeAccount account;
    private volatile boolean onPhone;

    SkypePresence(SkypeAccount account) { this.account = account; }

    /** Every license is in use (or no longer); shown unless presence_on_call=no (row 12 of the feature table). */
    void setOnPhone(boolean busy) {
        if (onPhone == busy) return;
        onPhone = busy;
        if (account.config().presenceOnCall()) resend();
    }

    /** Sends our presence again when logged in, after a change. */
    boolean resend() {
        XMPPTCPConnection c = account.connection();
        if (c == null || !account.isLoggedIn()) return false;
        send(c);
        return true;
    }

    void send(XMPPTCPConnection c) {
        SkypeConfig.Account cfg = account.config();
        try {
            boolean phone = onPhone && cfg.presenceOnCall();
            Presence p = c.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.available)
                    .setMode(phone ? Presence.Mode.dnd : SkypeStatus.modeFor(cfg.status()))
                    .setStatus(phone ? "On the phone" : cfg.statusMessage().isEmpty() ? null : cfg.statusMessage()).build();
            c.sendStanza(p);
        } catch (SmackException.NotConnectedException | InterruptedException e) {
            // the reconnect loop notices
        }
    }
}
