package org.switchboard.net.xmpp;

/** Text on its way into a stanza. */
public final class XmlText {
    private XmlText() {}

    /** XML 1.0 cannot carry most control characters or lone surrogates: they are left out (tab, CR, LF stay). */
    public static String xmlSafe(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(ch)) {
                ok = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (ok) {
                    if (sb != null) sb.append(ch).append(text.charAt(i + 1));
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(ch)) {
                ok = false;
            } else {
                ok = ch == '\t' || ch == '\n' || ch == '\r' || (ch >= 0x20 && ch <= 0xD7FF) || (ch >= 0xE000 && ch <= 0xFFFD);
            }
            if (!ok && sb == null) sb = new StringBuilder(text.length()).append(text, 0, i);
            if (ok && sb != null) sb.append(ch);
        }
        return sb == null ? text : sb.toString();
    }
}
