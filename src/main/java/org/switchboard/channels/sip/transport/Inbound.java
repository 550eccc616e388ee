package org.switchboard.channels.sip.transport;

import java.net.InetSocketAddress;
import java.util.function.Consumer;
import org.switchboard.channels.sip.message.ParseResult;
import org.switchboard.channels.sip.message.SipIds;
import org.switchboard.channels.sip.message.SipMessage;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.message.SipResponses;
import org.switchboard.channels.sip.message.SipWriter;
import org.switchboard.core.PbxLog;

/** What UDP and TCP do alike with a parse result: stamp and deliver it, or answer or log a failure. */
final class Inbound {
    private Inbound() {}

    /**
     * Delivers {@code result} read from {@code source}; a failure is answered through {@code reply}
     * (bytes back to the source) when §8.2.6.1 allows, else logged and dropped (§18.1.2, §18.2.1).
     */
    static void handle(ParseResult result, Endpoint source, SipTransportListener listener, Consumer<byte[]> reply) {
        try {
            switch (result) {
                case ParseResult.Ok ok -> deliver(ok.message(), source, listener);
                case ParseResult.Failure f -> {
                    SipResponse answer = SipResponses.reject(f, SipIds.tag());
                    if (answer != null) reply.accept(SipWriter.write(answer));
                    PeerLog.log(PbxLog.Level.NOTICE, PeerLog.SIP, source, "malformed message from " + source + (answer != null
                        ? " answered " + answer.status() : " dropped") + ": " + f.reason());
                }
            }
        } catch (RuntimeException e) { // never let the TU or a bad header kill the reader
            PeerLog.log(PbxLog.Level.ERROR, PeerLog.SIP, source, "error handling message from " + source + ": " + e);
        }
    }

    private static void deliver(SipMessage m, Endpoint source, SipTransportListener listener) {
        if (m instanceof SipRequest r) {
            InetSocketAddress a = source.address();
            try {
                m = ViaStamp.stamp(r, a);
            } catch (IllegalArgumentException e) {
                PeerLog.log(PbxLog.Level.NOTICE, PeerLog.SIP, source, "request with a bad Via from " + source + " dropped: " + e.getMessage());
                return;
            }
        }
        listener.onMessage(m, source);
    }
}
