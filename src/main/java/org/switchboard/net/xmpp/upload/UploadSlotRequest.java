package org.switchboard.net.xmpp.upload;

import org.jivesoftware.smack.packet.IQ;
import org.jxmpp.jid.Jid;

/** XEP-0363 §4: {@code <request xmlns='urn:xmpp:http:upload:0' filename size content-type/>} in an iq get. */
public final class UploadSlotRequest extends IQ {
    public static final String NS = "urn:xmpp:http:upload:0";

    private final String filename;
    private final long size;
    private final String contentType;

    public UploadSlotRequest(Jid service, String filename, long size, String contentType) {
        super("request", NS);
        this.filename = filename;
        this.size = size;
        this.contentType = contentType;
        setType(Type.get);
        setTo(service);
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.attribute("filename", filename);
        xml.attribute("size", Long.toString(size));
        xml.optAttribute("content-type", contentType);
        xml.setEmptyElement();
        return xml;
    }
}
