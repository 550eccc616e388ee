package org.switchboard.core.message;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.switchboard.core.Channel;
import org.switchboard.core.Pbx;

/**
 * The message technologies a PBX has loaded, by URI scheme. Two may share a scheme (chan_skype's
 * accounts and res_xmpp's clients both send to {@code xmpp:}): the one that
 * {@linkplain MessageTech#claims claims} the sender sends, else the one loaded first.
 */
public final class MessageTechs {
    private final Map<String, List<MessageTech>> byScheme = new ConcurrentHashMap<>();

    public static MessageTechs of(Pbx pbx) { return pbx.service(MessageTechs.class, p -> new MessageTechs()); }

    public void register(MessageTech tech) {
        for (String s : tech.schemes()) byScheme.computeIfAbsent(s.toLowerCase(Locale.ROOT), k -> new CopyOnWriteArrayList<>()).add(tech);
    }

    public void unregister(MessageTech tech) {
        for (String s : tech.schemes()) {
            List<MessageTech> l = byScheme.get(s.toLowerCase(Locale.ROOT));
            if (l != null) l.remove(tech);
        }
    }

    /** The technology loaded first for a URI scheme, or null. */
    public MessageTech forScheme(String scheme) {
        List<MessageTech> l = byScheme.get(scheme.toLowerCase(Locale.ROOT));
        return l == null || l.isEmpty() ? null : l.get(0);
    }

    /** The technology that sends {@code m} from {@code from} to a URI of {@code scheme}, or null when none is loaded. */
    public MessageTech forSend(Channel c, String scheme, TextMessage m, String from) {
        List<MessageTech> l = byScheme.get(scheme.toLowerCase(Locale.ROOT));
        if (l == null || l.isEmpty()) return null;
        for (MessageTech t : l) if (t.claims(c, m, from)) return t;
        return l.get(0);
    }
}
