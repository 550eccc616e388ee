package org.switchboard.channels.sip;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.switchboard.channels.sip.call.SipCall;
import org.switchboard.channels.sip.config.SipPeer;
import org.switchboard.channels.sip.message.CSeq;
import org.switchboard.channels.sip.message.DigestClient;
import org.switchboard.channels.sip.message.DigestCredentials;
import org.switchboard.channels.sip.message.HeaderNames;
import org.switchboard.channels.sip.message.Headers;
import org.switchboard.channels.sip.message.SipIds;
import org.switchboard.channels.sip.message.SipMethod;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.message.SipUri;
import org.switchboard.channels.sip.transaction.ClientTransaction;
import org.switchboard.channels.sip.transaction.ClientTransactionUser;
import org.switchboard.channels.sip.transport.Endpoint;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;
import org.switchboard.core.message.MessageTech;
import org.switchboard.core.message.TextMessage;

/**
 * MessageSend's {@code sip:} destinations, as chan_sip's sip_msg_send: an out-of-dialog MESSAGE
 * (RFC 3428) with the body as text/plain, to a peer by name ({@code sip:peer}, its registered
 * contact or host) or to {@code sip:user@host[:port]} (a peer when the host names one). Delivery
 * is asynchronous, as in Asterisk: SUCCESS means handed to the transaction layer; a challenge
 * is answered once with the peer's secret; a failure response is one log line.
 */
final class SipMessageTech implements MessageTech {
    private final SipModule module;

    SipMessageTech(SipModule module) { this.module = module; }

    @Override public List<String> schemes() { return List.of("sip"); }

    @Override
    public Status send(Channel c, TextMessage m, String destination, String from) {
        SipStack stack = module.stack();
        if (stack == null) return Status.FAILURE;
        String dest = destination.trim();
        int at = dest.indexOf('@');
        String user = at < 0 ? null : dest.substring(0, at);
        String hostPart = at < 0 ? dest : dest.substring(at + 1);
        SipPeer peer = stack.settings().peer(hostPart);
        Endpoint to;
        if (peer != null) {
            SipBackground bg = module.background();
            to = bg == null ? null : bg.qualifier().address(peer);
            if (to == null) {
                PbxLog.warning("chan_sip.c", "MessageSend: peer '" + peer.name() + "' has no address (not registered)");
                return Status.FAILURE;
            }
            if (user == null) user = peer.defaultUser() != null ? peer.defaultUser() : peer.name();
        } else {
            to = resolve(hostPart);
            if (to == null || user == null || user.isEmpty()) {
                PbxLog.warning("message.c", "MessageSend: invalid SIP destination 'sip:" + dest + "' (a peer, or user@host)");
                return Status.INVALID_URI;
            }
        }
        String host = stack.localHost(to.address().getAddress());
        SipUri uri = SipUri.sip(user, to.address().getAddress().getHostAddress(), to.address().getPort());
        Headers h = Headers.builder()
            .add(HeaderNames.VIA, stack.newVia(to).toString())
            .add(HeaderNames.MAX_FORWARDS, "70")
            .add(HeaderNames.FROM, fromHeader(from.isEmpty() ? m.from : from, host) + ";tag=" + SipIds.tag())
            .add(HeaderNames.TO, "<" + uri + ">")
            .add(HeaderNames.CALL_ID, SipIds.callId(host))
            .add(HeaderNames.CSEQ, new CSeq(SipCall.FIRST_CSEQ, SipMethod.MESSAGE).toString())
            .add(HeaderNames.USER_AGENT, stack.settings().userAgent())
            .add(HeaderNames.CONTENT_TYPE, "text/plain;charset=UTF-8")
            .build();
        byte[] body = (m.body == null ? "" : m.body).getBytes(StandardCharsets.UTF_8);
        stack.layer().sendRequest(new SipRequest(SipMethod.MESSAGE, uri, h, body), to, new Delivery(stack, peer, to, uri.toString()));
        return Status.SUCCESS;
    }

    /**
     * The fate of one MESSAGE: a refusal or silence is one log line; a 401/407 is answered once
     * with the peer's secret through the UAC digest every request uses (RFC 3261 §22.2).
     */
    private static final class Delivery implements ClientTransactionUser {
        private final SipStack stack;
        private final SipPeer peer;
        private final Endpoint to;
        private final String target;
        private boolean authorized;

        Delivery(SipStack stack, SipPeer peer, Endpoint to, String target) {
            this.stack = stack;
            this.peer = peer;
            this.to = to;
            this.target = target;
        }

        @Override public void onResponse(ClientTransaction tx, SipResponse r) {
            if ((r.status() == 401 || r.status() == 407) && retryWithCredentials(tx.request(), r)) return;
            if (r.isFinal() && r.status() >= 300) {
                PbxLog.warning("chan_sip.c", "MESSAGE to " + target + " was refused: " + r.status() + " " + r.reason());
            }
        }

        @Override public void onTimeout(ClientTransaction tx) {
            PbxLog.warning("chan_sip.c", "MESSAGE to " + target + " got no answer");
        }

        private boolean retryWithCredentials(SipRequest sent, SipResponse r) {
            if (authorized || peer == null || peer.secret() == null) return false;
            DigestClient.Choice ch = DigestClient.choose(r);
            if (ch == null) return false;
            authorized = true; // once: a second challenge means the secret was refused
            String user = peer.defaultUser() != null ? peer.defaultUser() : peer.name();
            DigestCredentials cred = DigestClient.answer(ch, user, peer.secret(), SipMethod.MESSAGE, sent.uri().toString(),
                Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()), 1);
            Headers h = sent.headers().toBuilder()
                .set(HeaderNames.VIA, stack.newVia(to).toString())
                .set(HeaderNames.CSEQ, new CSeq(sent.cseq().seq() + 1, SipMethod.MESSAGE).toString())
                .set(ch.answerHeader(), cred.toHeaderValue())
                .build();
            stack.layer().sendRequest(sent.withHeaders(h), to, this);
            return true;
        }
    }

    /** {@code "Name" <sip:user@host>} as given, {@code sip:user@host} in brackets, or a bare user at our address. */
    static String fromHeader(String from, String localHost) {
        String f = from == null ? "" : from.trim();
        if (f.isEmpty()) return "<sip:asterisk@" + localHost + ">";
        if (f.indexOf('<') >= 0 && f.endsWith(">")) return f;
        if (f.startsWith("sip:")) return "<" + f + ">";
        String user = f.replaceAll("[^A-Za-z0-9._~!$&'()*+,;=-]", "");
        return "<sip:" + (user.isEmpty() ? "asterisk" : user) + "@" + localHost + ">";
    }

    private static Endpoint resolve(String hostPort) {
        String host = hostPort;
        int port = 5060;
        int colon = hostPort.lastIndexOf(':');
        if (colon > 0 && hostPort.indexOf(']') < colon) {
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                return null;
            }
            host = hostPort.substring(0, colon);
        }
        if (host.isEmpty() || port <= 0 || port > 65535) return null;
        try {
            return Endpoint.udp(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
