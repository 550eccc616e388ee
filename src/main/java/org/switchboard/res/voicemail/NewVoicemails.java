package org.switchboard.res.voicemail;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;

/**
 * Where VoiceMail announces each message it has put in a box, for whoever delivers notices
 * elsewhere (chan_skype's chat notices, {@code skype=} in voicemail.conf). A listener runs on the
 * caller's thread once the message is safely in INBOX; it should only queue work. One per PBX.
 */
public final class NewVoicemails {
    /** A message now in {@code box}'s INBOX: its path without extension, the audio's extension, its .txt keys. */
    public record Message(Mailbox box, Path base, String extension, Map<String, String> info) {
        public Path audio() { return base.resolveSibling(base.getFileName() + "." + extension); }

        /** The one line a pager (or a chat) gets about it, as app_voicemail's default pager body says it. */
        public String line() { return VoicemailChatLine.of(this); }
    }

    private final List<Consumer<Message>> listeners = new CopyOnWriteArrayList<>();

    public static NewVoicemails of(Pbx pbx) { return pbx.service(NewVoicemails.class, p -> new NewVoicemails()); }

    public void listen(Consumer<Message> l) { listeners.add(l); }

    public void unlisten(Consumer<Message> l) { listeners.remove(l); }

    public void announce(Message m) {
        for (Consumer<Message> l : listeners) {
            try {
                l.accept(m);
            } catch (RuntimeException e) {
                PbxLog.warning(VoicemailSpool.SOURCE, "Notice about the new message in " + m.box().id() + " failed: " + e);
            }
        }
    }
}
