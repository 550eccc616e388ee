package org.switchboard.net.xmpp;

import java.io.IOException;
import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.packet.ErrorIQ;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * A Smack client connection that no stanza can end. Any user can send us anything the server will
 * route; Smack 4.4 lets a parse failure (an unknown message type, a priority of 128, a Jingle
 * action it has no name for, an iq without a child) or a listener's exception reach its reader,
 * which then closes the stream. Here a stanza that cannot be read is skipped to its end tag,
 * reported once to the {@link Faults} and, when it is a request, answered with {@code bad-request}
 * (RFC 6120 §8.3.3.1); the stream goes on. A request nobody handles is answered with
 * {@code service-unavailable} (RFC 6120 §8.4) by Smack.
 * <p>
 * On the way out, an error reply never echoes the request (RFC 6120 §8.3.1 lets us leave it out):
 * Smack writes an unparsed request back as escaped text inside a half-written tag and a stranger's
 * namespace unescaped, XML the server answers by closing our stream. And a stanza is serialized
 * once before it is queued, so one that cannot be is dropped here instead of ending the writer.
 * <p>
 * Only a stream that is itself broken (the server never sends one) still ends the connection.
 */
public class TolerantXmppConnection extends XMPPTCPConnection {
    /** Where dropped stanzas are reported; the text is the sender's, so rate-limit it. */
    public interface Faults {
        /** An incoming stanza that could not be read (a request among them has had its error reply). */
        void unreadable(StanzaHead head, String why);

        /** An outgoing stanza that could not be written: a bug, ours or Smack's. */
        void unsendable(Stanza stanza, String why);
    }

    private final Faults faults;
    private volatile XmlEnvironment streamEnvironment = XmlEnvironment.EMPTY;

    public TolerantXmppConnection(XMPPTCPConnectionConfiguration config, Faults faults) {
        super(config);
        this.faults = faults;
        BoundedXmlPullParserFactory.install();
        setUnknownIqRequestReplyMode(SmackConfiguration.UnknownIqRequestReplyMode.replyServiceUnavailable);
        // not reached through parseAndProcessStanza below; kept for any other path Smack may take
        setParsingExceptionCallback(u -> faults.unreadable(new StanzaHead("stanza", null, null, null, null), why(u.getParsingException())));
    }

    @Override
    protected void onStreamOpen(XmlPullParser parser) {
        super.onStreamOpen(parser);
        if ("jabber:client".equals(parser.getNamespace(null))) streamEnvironment = XmlEnvironment.from(parser);
    }

    @Override
    protected void parseAndProcessStanza(XmlPullParser parser) throws XmlPullParserException, IOException, InterruptedException {
        int depth = parser.getDepth();
        StanzaHead head = StanzaHead.of(parser);
        Stanza stanza;
        try {
            stanza = PacketParserUtils.parseStanza(parser, streamEnvironment);
        } catch (Exception | AssertionError e) {
            // AssertionError: Smack's parsers assert on input when run with -ea
            skipToEndTag(parser, depth);
            faults.unreadable(head, why(e));
            if (head.isRequest()) answer(head, StanzaError.Condition.bad_request);
            return;
        }
        skipToEndTag(parser, depth);
        try {
            processStanza(stanza);
        } catch (RuntimeException e) {
            // a stanza filter that threw: the listeners after it miss this stanza, the stream goes on
            faults.unreadable(head, why(e));
        }
    }

    @Override
    protected void sendStanzaInternal(Stanza stanza) throws SmackException.NotConnectedException, InterruptedException {
        Stanza out = stanza;
        try {
            if (stanza instanceof ErrorIQ error) out = withoutRequest(error);
            out.toXML(XmlEnvironment.EMPTY);
        } catch (RuntimeException e) {
            faults.unsendable(out, why(e));
            return;
        }
        super.sendStanzaInternal(out);
    }

    /** The same error reply without the request's payload. */
    private static ErrorIQ withoutRequest(ErrorIQ error) {
        return ErrorIQ.builder(error.getError(), StanzaBuilder.buildIqData(error.getStanzaId()).ofType(IQ.Type.error)
                .to(error.getTo()).from(error.getFrom())).build();
    }

    /**
     * Reads on to the stanza's end tag, past any more elements the parser refuses on the way (it
     * has read each to its end already); throws only when the stream itself is broken.
     */
    private static void skipToEndTag(XmlPullParser parser, int depth) throws XmlPullParserException, IOException {
        while (parser.getEventType() != XmlPullParser.Event.END_ELEMENT || parser.getDepth() != depth) {
            try {
                if (parser.next() == XmlPullParser.Event.END_DOCUMENT) throw new XmlPullParserException("the stream ended inside a stanza");
            } catch (BoundedXmlPullParser.RefusedElementException e) {
                // skipped already; the parser stands on the refused element's end tag
            }
        }
    }

    /** An error reply to a request we could not read; none when it has no id to answer to (RFC 6120 §8.1.3 makes one required). */
    private void answer(StanzaHead request, StanzaError.Condition condition) {
        if (request.id() == null || request.id().isEmpty()) return;
        ErrorIQ reply;
        try {
            Jid to = request.from() == null ? null : JidCreate.from(request.from());
            reply = ErrorIQ.builder(StanzaError.getBuilder(condition).build(),
                    StanzaBuilder.buildIqData(request.id()).ofType(IQ.Type.error).to(to)).build();
        } catch (XmppStringprepException | RuntimeException e) {
            return;     // a sender we cannot address: dropped, as reported already
        }
        // not on the reader's thread: a full send queue would stop it reading (Smack does the same)
        asyncGo(() -> {
            try {
                sendStanza(reply);
            } catch (SmackException.NotConnectedException | InterruptedException e) {
                // the connection is going; nothing to answer on
            }
        });
    }

    /** The most telling message in a chain of causes, without class names: the sender's fault, not a bug trace. */
    static String why(Throwable e) {
        String best = null;
        Throwable t = e;
        for (int i = 0; t != null && i < 10; t = t.getCause(), i++) {
            if (t instanceof BoundedXmlPullParser.RefusedElementException) return t.getMessage();
            String m = t.getMessage();
            if (m != null && !m.isBlank()) best = m;
        }
        if (best == null) return "it does not follow the XMPP schema";
        String why = best.replaceAll("\\b(?:[a-z]+\\.)+([A-Z]\\w*(?:Exception|Error))\\b:? ?", "").trim();
        return StanzaHead.clip(why, 200);     // messages quote the sender's values, which can be long
    }
}
