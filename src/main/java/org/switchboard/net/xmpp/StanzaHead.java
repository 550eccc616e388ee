package org.switchboard.net.xmpp;

import org.jivesoftware.smack.xml.XmlPullParser;

/**
 * What a stanza's start tag says, read before the stanza is parsed, so that a stanza that cannot
 * be parsed can still be named in a log line and, when it is a request, answered (RFC 6120 §8.2.3:
 * every iq get or set gets a reply). The values are the sender's text, unchecked.
 */
public record StanzaHead(String element, String type, String id, String from, String to) {

    /** The head of the stanza whose start tag the parser stands on. */
    public static StanzaHead of(XmlPullParser parser) {
        return new StanzaHead(parser.getName(), parser.getAttributeValue("", "type"), parser.getAttributeValue("", "id"),
                parser.getAttributeValue("", "from"), parser.getAttributeValue("", "to"));
    }

    /** An iq of type get or set: it must be answered, with an error if nothing else. */
    public boolean isRequest() { return "iq".equals(element) && ("get".equals(type) || "set".equals(type)); }

    /** Who sent it, for log lines and their rate limits; the server when there is no from. */
    public String sender() { return from == null || from.isEmpty() ? "the server" : from; }

    /** {@code <message type='bogus'>}, as short as a log line wants it. */
    public String describe() { return "<" + element + (type == null ? "" : " type='" + clip(type, 40) + "'") + ">"; }

    /** At most {@code max} characters of a sender's text, marked when cut. */
    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "... (" + text.length() + " characters)";
    }
}
