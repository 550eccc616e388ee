package org.switchboard.channels.skype;

import java.io.IOException;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.jxmpp.jid.impl.JidCreate;
import org.switchboard.core.PbxLog;
import org.switchboard.net.xmpp.upload.HttpFileUpload;
import org.switchboard.net.xmpp.upload.OobData;

/**
 * Delivers one queued notice from a logged-in account, step by step, saving each step to the
 * queue before the next: the text line; then for a voicemail the Ogg Opus upload (XEP-0363) and
 * the voice message, its URL as the body with the same URL as out-of-band data (XEP-0066), which
 * is how Conversations, Dino and Monal show a playable voice message.
 *
 * <p>A step counts as done only once the server has answered a ping sent after it: the server
 * handles a client's stanzas in order (RFC 6120 §10.1), so the answer means the message reached
 * it. A connection lost before that leaves the step to be done again at the next login; a
 * notice is repeated only when the PBX dies between that answer and the queue file's update.
 */
final class SkypeNoticeSender {
    /** What became of a notice. */
    enum Outcome { DELIVERED, LATER }

    static final String CONTENT_TYPE = "audio/ogg";     // RFC 7845 §9
    private static final long CONFIRM_MS = 10_000;

    private SkypeNoticeSender() {}

    static Outcome deliver(SkypeAccount a, SkypeNotice n, SkypeNoticeQueue q) throws IOException {
        XMPPTCPConnection c = a.connection();
        if (c == null || !a.isLoggedIn()) return Outcome.LATER;
        String jid = SkypeNames.bareJid(n.buddy(), a.domain());
        if (jid == null) {
            PbxLog.warning(SkypeAccount.LOG, "Chat notice to '" + n.buddy() + "' dropped: not a buddy name");
            q.remove(n);
            return Outcome.DELIVERED;
        }
        try {
            if (!n.textSent()) {
                if (!a.sendChat(jid, n.text()) || !confirmed(c)) return Outcome.LATER;
                n = n.withTextSent();
                q.save(n);
            }
            if (n.hasAudio() && n.url().isEmpty()) {
                try {
                    HttpFileUpload.Service s = HttpFileUpload.discover(c);
                    n = n.withUrl(HttpFileUpload.upload(c, s, "voicemail-" + n.id() + ".opus", q.audio(n), CONTENT_TYPE));
                    q.save(n);
                } catch (HttpFileUpload.Refused r) {
                    PbxLog.notice(SkypeAccount.LOG, "Skype account '" + a.name() + "': voice message for " + a.display(jid)
                            + " not uploaded: " + r.getMessage() + "; the text line went alone");
                    q.remove(n);
                    return Outcome.DELIVERED;
                }
            }
            if (!n.url().isEmpty()) {
                Message m = c.getStanzaFactory().buildMessageStanza().to(JidCreate.entityBareFrom(jid)).ofType(Message.Type.chat)
                        .addExtension(new org.switchboard.net.xmpp.XmppChatBody(n.url())).addExtension(new OobData(n.url())).build();
                c.sendStanza(m);
                if (!confirmed(c)) return Outcome.LATER;
            }
        } catch (SmackException | InterruptedException e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            return Outcome.LATER;
        }
        q.remove(n);
        PbxLog.verbose(3, "Skype account '" + a.name() + "': notice sent to " + a.display(jid)
                + (n.url().isEmpty() ? "" : " with the voice message " + n.url()));
        return Outcome.DELIVERED;
    }

    /** The server answered a ping sent after what we sent: it has what we sent (RFC 6120 §10.1). */
    private static boolean confirmed(XMPPTCPConnection c) throws SmackException.NotConnectedException, InterruptedException {
        return PingManager.getInstanceFor(c).pingMyServer(false, CONFIRM_MS);
    }
}
