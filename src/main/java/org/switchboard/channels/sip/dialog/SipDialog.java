package org.switchboard.channels.sip.dialog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.switchboard.channels.sip.message.CSeq;
import org.switchboard.channels.sip.message.HeaderNames;
import org.switchboard.channels.sip.message.Headers;
import org.switchboard.channels.sip.message.NameAddr;
import org.switchboard.channels.sip.message.SipMessage;
import org.switchboard.channels.sip.message.SipMethod;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.message.SipUri;
import org.switchboard.channels.sip.message.Via;

/**
 * A dialog (RFC 3261 §12): the identity (Call-ID, local and remote tag), the local and remote URI,
 * the sequence numbers, the remote target and the route set. Identity fields never change; the
 * state, sequence numbers, remote target and route set change under the methods below, which are
 * synchronized. Pure logic: no I/O, no timers. The secure flag (§12.1) is taken from a SIPS
 * Request-URI alone; whether the INVITE travelled over TLS is the transport's to check.
 */
public final class SipDialog {

    public enum State { EARLY, CONFIRMED, TERMINATED }

    /** The dialog ID (§12): Call-ID, local tag, remote tag. */
    public record Id(String callId, String localTag, String remoteTag) {}

    /** {@link #acceptRequest} outcome: accepted. */
    public static final int ACCEPTED = 0;

    private static final long EMPTY = -1; // §12.1.1: an empty sequence number

    private final Id id;
    private final NameAddr localUri;   // without tag
    private final NameAddr remoteUri;  // without tag
    private final NameAddr localContact;
    private final boolean secure;
    private final boolean uac;
    private State state;
    private long localSeq;
    private long remoteSeq;
    private long inviteSeq; // CSeq of the last INVITE we sent, for the ACK of its 2xx (§13.2.2.4)
    private SipUri remoteTarget;
    private List<NameAddr> routeSet;

    private SipDialog(Id id, NameAddr localUri, NameAddr remoteUri, NameAddr localContact, boolean secure,
                      boolean uac, State state, long localSeq, long remoteSeq, SipUri remoteTarget,
                      List<NameAddr> routeSet) {
        this.id = id;
        this.localUri = localUri;
        this.remoteUri = remoteUri;
        this.localContact = localContact;
        this.secure = secure;
        this.uac = uac;
        this.state = state;
        this.localSeq = localSeq;
        this.remoteSeq = remoteSeq;
        this.inviteSeq = uac ? localSeq : EMPTY;
        this.remoteTarget = remoteTarget;
        this.routeSet = routeSet;
    }

    /**
     * The UAC side (§12.1.2), from the INVITE we sent and a 1xx with a To tag (EARLY) or a 2xx
     * (CONFIRMED). Route set: Record-Route of the response, reversed; remote target: its Contact.
     */
    public static SipDialog asUac(SipRequest invite, SipResponse response) {
        String remoteTag = response.to() == null ? null : response.to().tag();
        if (remoteTag == null || response.status() <= 100 || response.status() >= 300) {
            throw new IllegalArgumentException("a dialog needs a 101-299 response with a To tag");
        }
        List<NameAddr> routes = new ArrayList<>(response.recordRoutes());
        Collections.reverse(routes);
        SipUri target = contactUri(response);
        if (target == null) {
            if (response.isSuccess()) throw new IllegalArgumentException("2xx without Contact"); // §12.1.2
            target = invite.uri();
        }
        List<NameAddr> contacts = invite.contacts();
        return new SipDialog(new Id(invite.callId(), invite.from().tag(), remoteTag), untagged(invite.from()),
            untagged(invite.to()), contacts.isEmpty() ? null : contacts.get(0), invite.uri().isSecure(), true,
            response.isSuccess() ? State.CONFIRMED : State.EARLY, invite.cseq().seq(), EMPTY, target,
            List.copyOf(routes));
    }

    /**
     * The UAS side (§12.1.1), EARLY until {@link #confirm()} (call it when sending the 2xx).
     * Route set: Record-Route of the INVITE in order; remote target: its Contact.
     */
    public static SipDialog asUas(SipRequest invite, String localTag, NameAddr localContact) {
        SipUri target = contactUri(invite);
        if (target == null) throw new IllegalArgumentException("INVITE without Contact"); // §8.1.1.8
        return new SipDialog(new Id(invite.callId(), localTag, invite.from().tag()), untagged(invite.to()),
            untagged(invite.from()), localContact, invite.uri().isSecure(), false, State.EARLY, EMPTY,
            invite.cseq().seq(), target, List.copyOf(invite.recordRoutes()));
    }

    public Id id() { return id; }
    public String callId() { return id.callId(); }
    public String localTag() { return id.localTag(); }
    public String remoteTag() { return id.remoteTag(); }
    public NameAddr localUri() { return localUri; }
    public NameAddr remoteUri() { return remoteUri; }
    public NameAddr localContact() { return localContact; }
    public boolean isSecure() { return secure; }
    public boolean isUac() { return uac; }
    public synchronized State state() { return state; }
    /** The local CSeq number, -1 while empty. */
    public synchronized long localSeq() { return localSeq; }
    /** The remote CSeq number, -1 while empty. */
    public synchronized long remoteSeq() { return remoteSeq; }
    public synchronized SipUri remoteTarget() { return remoteTarget; }
    public synchronized List<NameAddr> routeSet() { return routeSet; }

    public synchronized void confirm() { if (state == State.EARLY) state = State.CONFIRMED; }
    public synchronized void terminate() { state = State.TERMINATED; }

    /** An in-dialog request without Via: the caller adds one with a fresh branch. */
    public SipRequest createRequest(String method) { return createRequest(method, null); }

    /**
     * An in-dialog request (§12.2.1.1): To/From with the remote/local URI and tags, Call-ID, a new
     * CSeq (the last INVITE's number for ACK, §13.2.2.4), Request-URI and Route from the remote
     * target and route set, Contact on target refresh requests, Max-Forwards 70. {@code via}
     * (e.g. {@code Via.of(transport, host, port, SipIds.branch())}) may be null.
     */
    public synchronized SipRequest createRequest(String method, Via via) {
        if (method.equals(SipMethod.CANCEL)) throw new IllegalArgumentException("CANCEL is not in-dialog (§9.1)");
        if (state == State.TERMINATED) throw new IllegalStateException("dialog terminated");
        long seq;
        if (method.equals(SipMethod.ACK)) {
            if (inviteSeq == EMPTY) throw new IllegalStateException("no INVITE to acknowledge");
            seq = inviteSeq;
        } else {
            seq = localSeq == EMPTY ? 1 : localSeq + 1; // §12.2.1.1: empty → any value below 2^31
            localSeq = seq;
            if (method.equals(SipMethod.INVITE)) inviteSeq = seq;
        }
        Headers.Builder b = Headers.builder();
        if (via != null) b.add(HeaderNames.VIA, via.toString());
        b.add(HeaderNames.MAX_FORWARDS, "70");
        SipUri ruri = remoteTarget;
        if (!routeSet.isEmpty() && !routeSet.get(0).uri().looseRouting()) {
            // §12.2.1.1 strict routing: first route becomes the Request-URI, remote target the last Route
            SipUri first = routeSet.get(0).uri();
            ruri = new SipUri(first.scheme(), first.user(), first.password(), first.host(), first.port(),
                first.params().without("method"), null); // §19.1.1: no method param nor headers in a Request-URI
            for (int i = 1; i < routeSet.size(); i++) b.add(HeaderNames.ROUTE, routeSet.get(i).toString());
            b.add(HeaderNames.ROUTE, NameAddr.of(remoteTarget).toString());
        } else {
            for (NameAddr r : routeSet) b.add(HeaderNames.ROUTE, r.toString()); // §12.2.1.1 loose routing
        }
        b.add(HeaderNames.FROM, localUri.withTag(id.localTag()).toString());
        b.add(HeaderNames.TO, id.remoteTag() == null ? remoteUri.toString() : remoteUri.withTag(id.remoteTag()).toString());
        b.add(HeaderNames.CALL_ID, id.callId());
        b.add(HeaderNames.CSEQ, new CSeq(seq, method).toString());
        if (localContact != null && isTargetRefresh(method)) b.add(HeaderNames.CONTACT, localContact.toString());
        return new SipRequest(method, ruri, b.build(), null);
    }

    /**
     * Checks an incoming in-dialog request (§12.2.2): returns {@link #ACCEPTED}, 481 when it is
     * not this dialog's, or 500 when its CSeq is lower than the remote sequence number. When
     * accepted the remote sequence number is updated, a target refresh updates the remote target,
     * and a BYE terminates the dialog (§15.1.2).
     */
    public synchronized int acceptRequest(SipRequest request) {
        NameAddr from = request.from(), to = request.to();
        if (!id.callId().equals(request.callId()) || from == null || to == null
                || !Objects.equals(id.remoteTag(), from.tag()) || !Objects.equals(id.localTag(), to.tag())) {
            return 481;
        }
        if (state == State.TERMINATED) return 481;
        long seq = request.cseq().seq();
        if (request.isAck() || request.method().equals(SipMethod.CANCEL)) return ACCEPTED; // INVITE's number
        if (remoteSeq != EMPTY && seq < remoteSeq) return 500; // §12.2.2 out of order
        remoteSeq = seq;
        if (isTargetRefresh(request.method())) {
            SipUri c = contactUri(request);
            if (c != null) remoteTarget = c;
        }
        if (request.method().equals(SipMethod.BYE)) state = State.TERMINATED;
        return ACCEPTED;
    }

    /**
     * A response to a request we sent in (or to create) this dialog. A 2xx to INVITE confirms an
     * early dialog and recomputes its route set (§13.2.2.4); a 2xx to a target refresh updates the
     * remote target (§12.2.1.2); a non-2xx final to the INVITE ends an early dialog (§12.3);
     * 481 and 408 end the dialog (§12.2.1.2).
     */
    public synchronized void acceptResponse(SipResponse response) {
        CSeq cseq = response.cseq();
        if (!id.callId().equals(response.callId())) return;
        int status = response.status();
        if (status == 481 || status == 408) { state = State.TERMINATED; return; }
        if (cseq == null || state == State.TERMINATED) return;
        String toTag = response.to() == null ? null : response.to().tag();
        if (toTag != null && !toTag.equals(id.remoteTag())) return; // another (forked) dialog
        boolean invite = cseq.method().equals(SipMethod.INVITE);
        if (invite && state == State.EARLY && uac) {
            if (response.isSuccess()) {
                List<NameAddr> routes = new ArrayList<>(response.recordRoutes());
                Collections.reverse(routes);
                routeSet = List.copyOf(routes);
                state = State.CONFIRMED;
            } else if (response.isFinal()) {
                state = State.TERMINATED;
                return;
            }
        }
        if (status > 100 && status < 300 && isTargetRefresh(cseq.method())) {
            SipUri c = contactUri(response);
            if (c != null) remoteTarget = c;
        }
    }

    /** INVITE (§12.2) and UPDATE (RFC 3311 §5.1) refresh the remote target. */
    static boolean isTargetRefresh(String method) {
        return method.equals(SipMethod.INVITE) || method.equals(SipMethod.UPDATE);
    }

    private static SipUri contactUri(SipMessage m) {
        List<NameAddr> c = m.contacts();
        return c.isEmpty() || c.get(0).isWildcard() ? null : c.get(0).uri();
    }

    private static NameAddr untagged(NameAddr a) {
        return new NameAddr(a.displayName(), a.uri(), a.params().without("tag"));
    }

    @Override public synchronized String toString() {
        return "SipDialog[" + id + " " + state + " target=" + remoteTarget + " routes=" + routeSet + "]";
    }
}
