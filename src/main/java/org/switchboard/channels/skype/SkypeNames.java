package org.switchboard.channels.skype;

import java.util.Locale;

/**
 * Buddy names as the dialplan writes them: a bare name ({@code vuc.me}) gets the account's domain,
 * a full JID is used as is (its resource dropped). No I/O.
 */
public final class SkypeNames {
    private SkypeNames() {}

    /**
     * The bare JID for a buddy name, or null when the name cannot be a buddy (empty, spaces,
     * {@code &}, control characters, more than one {@code @}, too long).
     */
    public static String bareJid(String buddy, String domain) {
        if (buddy == null) return null;
        String b = buddy.trim();
        if (b.startsWith("skype:")) b = b.substring(6);
        else if (b.startsWith("xmpp:")) b = b.substring(5);
        int slash = b.indexOf('/');
        if (slash >= 0) b = b.substring(0, slash);
        if (b.isEmpty() || b.length() > 1023) return null;
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '&' || c == '"' || c == '\'' || c == '<'
                    || c == '>' || c == ',' || c == '|' || c == ':') {
                return null;
            }
        }
        int at = b.indexOf('@');
        if (at < 0) return domain == null ? null : b + "@" + domain;
        if (at == 0 || at == b.length() - 1 || b.indexOf('@', at + 1) >= 0) return null;
        return b.substring(0, at) + "@" + b.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** How the dialplan sees a buddy: the bare name when it is in the account's domain, else the bare JID. */
    public static String display(String bareJid, String domain) {
        int at = bareJid.indexOf('@');
        if (at > 0 && domain != null && bareJid.substring(at + 1).equalsIgnoreCase(domain)) return bareJid.substring(0, at);
        return bareJid;
    }
}
