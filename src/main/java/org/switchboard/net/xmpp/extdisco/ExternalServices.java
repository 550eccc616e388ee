package org.switchboard.net.xmpp.extdisco;

import java.util.List;
import org.jivesoftware.smack.packet.IQ;
import org.jxmpp.jid.Jid;

/**
 * XEP-0215 (External Service Discovery) §3: the request {@code <services xmlns='urn:xmpp:extdisco:2'
 * type='stun'/>} in an iq get to the account's server, and the services of its result.
 */
public final class ExternalServices extends IQ {
    public static final String NS = "urn:xmpp:extdisco:2";

    /** One {@code <service/>}: where it is and what it speaks. */
    public record Service(String type, String host, int port, String transport) {}

    private final String type;
    private final List<Service> services;

    /** A request for the services of {@code type} ({@code stun}). */
    public static ExternalServices request(Jid server, String type) {
        ExternalServices iq = new ExternalServices(type, List.of());
        iq.setType(Type.get);
        iq.setTo(server);
        return iq;
    }

    ExternalServices(String type, List<Service> services) {
        super("services", NS);
        this.type = type;
        this.services = List.copyOf(services);
    }

    public List<Service> services() { return services; }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.optAttribute("type", type);
        xml.setEmptyElement();
        return xml;
    }
}
