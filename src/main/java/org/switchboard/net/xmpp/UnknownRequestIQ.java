package org.switchboard.net.xmpp;

import org.jivesoftware.smack.packet.IQ;

/**
 * An iq get or set whose child nobody here understands, stripped to the child's name and
 * namespace. Smack keeps such a request as an UnparsedIQ holding the child as raw text, and its
 * error reply echoes that text inside a half-written start tag ({@code <x xmlns='urn:a'&lt;x…}):
 * XML that is not well-formed, for which the server ends our stream. This child is written by
 * Smack's XML builder as an empty element, so the service-unavailable reply (RFC 6120 §8.4) is well-formed.
 */
final class UnknownRequestIQ extends IQ {

    UnknownRequestIQ(IQ request) {
        super(request.getChildElementName(), request.getChildElementNamespace());
        setStanzaId(request.getStanzaId());
        setTo(request.getTo());
        setFrom(request.getFrom());
        setType(request.getType());
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.setEmptyElement();
        return xml;
    }
}
