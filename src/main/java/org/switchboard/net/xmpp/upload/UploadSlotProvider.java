package org.switchboard.net.xmpp.upload;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Reads a XEP-0363 {@code <slot/>}. A slot without both URLs, or with URLs that are not http(s),
 * is a parsing error (the iq becomes an error to the waiting request, never a crash).
 */
public final class UploadSlotProvider extends IQProvider<UploadSlot> {
    /** XEP-0363 §4: the only headers a client sends with its PUT. */
    static final Set<String> ALLOWED_HEADERS = Set.of("authorization", "cookie", "expires");
    private static volatile boolean installed;

    public static synchronized void install() {
        if (installed) return;
        ProviderManager.addIQProvider("slot", UploadSlotRequest.NS, new UploadSlotProvider());
        installed = true;
    }

    @Override
    public UploadSlot parse(XmlPullParser p, int depth, XmlEnvironment env) throws XmlPullParserException, IOException, SmackParsingException {
        String put = null, get = null;
        Map<String, String> headers = new LinkedHashMap<>();
        while (true) {
            XmlPullParser.Event e = p.next();
            if (e == XmlPullParser.Event.START_ELEMENT) {
                switch (p.getName()) {
                    case "put" -> put = p.getAttributeValue("", "url");
                    case "get" -> get = p.getAttributeValue("", "url");
                    case "header" -> {
                        String name = p.getAttributeValue("", "name");
                        String value = p.nextText();
                        // §4: newlines stripped; other headers ignored
                        if (name != null && ALLOWED_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                            headers.put(name, value.replace("\r", "").replace("\n", ""));
                        }
                    }
                    default -> { }
                }
            } else if (e == XmlPullParser.Event.END_ELEMENT && p.getDepth() == depth) {
                break;
            } else if (e == XmlPullParser.Event.END_DOCUMENT) {
                throw new SmackParsingException("truncated upload slot");
            }
        }
        if (!isHttp(put) || !isHttp(get)) throw new SmackParsingException("upload slot without http(s) put and get URLs");
        return new UploadSlot(put, headers, get);
    }

    static boolean isHttp(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://"));
    }
}
