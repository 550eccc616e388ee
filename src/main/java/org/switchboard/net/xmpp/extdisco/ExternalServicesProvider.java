package org.switchboard.net.xmpp.extdisco;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Reads a XEP-0215 {@code <services/>} result. A {@code <service/>} without a host, with a port
 * that is not 1-65535 or with a type we cannot name is left out, never an error for the rest.
 */
public final class ExternalServicesProvider extends IQProvider<ExternalServices> {
    private static volatile boolean installed;

    public static synchronized void install() {
        if (installed) return;
        ProviderManager.addIQProvider("services", ExternalServices.NS, new ExternalServicesProvider());
        installed = true;
    }

    @Override
    public ExternalServices parse(XmlPullParser p, int depth, XmlEnvironment env) throws XmlPullParserException, IOException {
        String type = p.getAttributeValue("", "type");
        List<ExternalServices.Service> out = new ArrayList<>();
        while (true) {
            XmlPullParser.Event e = p.next();
            if (e == XmlPullParser.Event.START_ELEMENT && p.getName().equals("service")) {
                ExternalServices.Service s = service(p.getAttributeValue("", "type"), p.getAttributeValue("", "host"),
                        p.getAttributeValue("", "port"), p.getAttributeValue("", "transport"));
                if (s != null) out.add(s);
            } else if (e == XmlPullParser.Event.END_ELEMENT && p.getDepth() == depth) {
                break;
            } else if (e == XmlPullParser.Event.END_DOCUMENT) {
                break;
            }
        }
        return new ExternalServices(type, out);
    }

    /** The service, or null when it cannot be used (§3.2: type and host are required; port defaults per type). */
    static ExternalServices.Service service(String type, String host, String port, String transport) {
        if (type == null || !type.matches("[a-z]{1,16}") || host == null || host.isBlank() || host.length() > 255) return null;
        int n = type.startsWith("stun") || type.startsWith("turn") ? 3478 : 0;
        if (port != null) {
            try {
                n = Integer.parseInt(port.strip());
            } catch (NumberFormatException ex) {
                return null;
            }
        }
        if (n < 1 || n > 65535) return null;
        return new ExternalServices.Service(type, host.strip(), n, transport == null ? "udp" : transport.strip());
    }
}
