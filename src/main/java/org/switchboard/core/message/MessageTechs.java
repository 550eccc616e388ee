package org.switchboard.core.message;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.core.Pbx;

/** The message technologies a PBX has loaded, by URI scheme. */
public final class MessageTechs {
    private final Map<String, MessageTech> byScheme = new ConcurrentHashMap<>();

    public static MessageTechs of(Pbx pbx) { return pbx.service(MessageTechs.class, p -> new MessageTechs()); }

    public void register(MessageTech tech) {
        for (String s : tech.schemes()) byScheme.put(s.toLowerCase(Locale.ROOT), tech);
    }

    public void unregister(MessageTech tech) {
        for (String s : tech.schemes()) byScheme.remove(s.toLowerCase(Locale.ROOT), tech);
    }

    /** The technology for a URI scheme, or null. */
    public MessageTech forScheme(String scheme) { return byScheme.get(scheme.toLowerCase(Locale.ROOT)); }
}
