package org.switchboard.net.xmpp.upload;

import java.util.Map;
import org.jivesoftware.smack.packet.IQ;

/**
 * XEP-0363 §4: the slot the service grants: where to PUT the file (with the headers to send)
 * and the URL it can then be fetched from. Only Authorization, Cookie and Expires may be sent;
 * the provider drops any other header the service names (§4).
 */
public final class UploadSlot extends IQ {
    private final String putUrl;
    private final Map<String, String> putHeaders;
    private final String getUrl;

    public UploadSlot(String putUrl, Map<String, String> putHeaders, String getUrl) {
        super("slot", UploadSlotRequest.NS);
        this.putUrl = putUrl;
        this.putHeaders = Map.copyOf(putHeaders);
        this.getUrl = getUrl;
        setType(Type.result);
    }

    public String putUrl() { return putUrl; }
    public Map<String, String> putHeaders() { return putHeaders; }
    public String getUrl() { return getUrl; }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.rightAngleBracket();
        xml.halfOpenElement("put").attribute("url", putUrl).rightAngleBracket();
        putHeaders.forEach((k, v) -> xml.halfOpenElement("header").attribute("name", k).rightAngleBracket().escape(v).closeElement("header"));
        xml.closeElement("put");
        xml.halfOpenElement("get").attribute("url", getUrl).closeEmptyElement();
        return xml;
    }
}
