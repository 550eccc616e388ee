package org.switchboard.channels.skype;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.switchboard.core.PbxLog;
import org.switchboard.media.rtp.RtpConfig;
import org.switchboard.media.rtp.RtpSession;
import org.switchboard.net.ice.DtlsFingerprint;
import org.switchboard.net.ice.DtlsSetup;
import org.switchboard.net.ice.IceCandidate;
import org.switchboard.net.ice.IceCredentials;
import org.switchboard.net.ice.IceDtlsTransport;
import org.switchboard.net.ice.IceSettings;
import org.switchboard.net.ice.MediaTransportException;
import org.switchboard.net.xmpp.jingle.Jingle;

/**
 * A call's media over {@link IceDtlsTransport} (ICE, DTLS-SRTP) with an {@link RtpSession} of the
 * module's RTP engine on top: XEP-0176/XEP-0320 records mapped to the transport's and back.
 * Host candidates are gathered on the address that reaches the account's XMPP server (on
 * loopback in tests), and a server-reflexive one when {@code [general] stunaddr} is set.
 */
final class SkypeIceMedia implements SkypeMedia {
    static final Factory FACTORY = SkypeIceMedia::open;
    /** ICE must select a pair and DTLS finish within this of the remote description (then CONGESTION). */
    static final Duration FAIL_AFTER = Duration.ofSeconds(15);

    private final IceDtlsTransport transport;
    private final RtpSession rtp;
    private final CompletableFuture<Void> ready;

    private SkypeIceMedia(IceDtlsTransport transport, RtpSession rtp) {
        this.transport = transport;
        this.rtp = rtp;
        this.ready = transport.ready().thenRun(() -> rtp.setRemote(transport.selectedRemote()));
    }

    static SkypeMedia open(SkypeModule module, SkypeAccount account, boolean controlling, RtpSession.Listener listener) throws IOException {
        RtpConfig ports = module.rtpEngine().config();   // rtp.conf's range, as for plain RTP
        IceSettings settings = new IceSettings(List.of(hostAddress(account)), stun(module), ports.rtpStart(), ports.rtpEnd(), FAIL_AFTER);
        IceDtlsTransport t = IceDtlsTransport.open(settings, controlling);
        try {
            return new SkypeIceMedia(t, module.rtpEngine().open(t, listener));
        } catch (IOException | RuntimeException e) {
            t.close();
            throw e;
        }
    }

    /** The local address a packet to the XMPP server would leave from (a connected UDP socket sends nothing). */
    static InetAddress hostAddress(SkypeAccount account) throws IOException {
        String server = account.config().server() != null ? account.config().server() : account.domain();
        try (DatagramSocket s = new DatagramSocket()) {
            s.connect(new InetSocketAddress(InetAddress.getByName(server), account.config().port()));
            InetAddress a = s.getLocalAddress();
            return a.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : a;
        }
    }

    private static InetSocketAddress stun(SkypeModule module) {
        String s = module.config() == null ? null : module.config().general().stunAddr();
        if (s == null) return null;
        int colon = s.lastIndexOf(':');
        try {
            return colon > 0 ? new InetSocketAddress(s.substring(0, colon), Integer.parseInt(s.substring(colon + 1)))
                : new InetSocketAddress(s, 3478);
        } catch (IllegalArgumentException e) {
            PbxLog.limited(PbxLog.Level.WARNING, SkypeAccount.LOG, "stunaddr", "Skype calls: stunaddr '" + s + "' is unusable: " + e.getMessage());
            return null;
        }
    }

    @Override
    public Jingle.IceUdpTransport local() {
        List<Jingle.Candidate> cands = new ArrayList<>();
        for (IceCandidate c : transport.localCandidates()) {
            cands.add(new Jingle.Candidate(c.foundation(), c.component(), c.protocol(), c.priority(), c.ip(), c.port(), c.type(),
                c.relAddr(), c.relPort(), c.generation(), c.id(), 0));
        }
        DtlsFingerprint f = transport.localFingerprint();
        return new Jingle.IceUdpTransport(transport.localCredentials().ufrag(), transport.localCredentials().pwd(), cands,
            new Jingle.Fingerprint(f.hash(), transport.localSetup().xmlValue(), f.value()));
    }

    @Override
    public void remote(Jingle.IceUdpTransport t) {
        addCandidates(t.candidates());
        Jingle.Fingerprint f = t.fingerprint();
        transport.setRemote(new IceCredentials(t.ufrag(), t.pwd()), f == null ? null : new DtlsFingerprint(f.hash(), f.value()),
            f == null ? null : DtlsSetup.parse(f.setup()));
    }

    @Override
    public void addCandidates(List<Jingle.Candidate> candidates) {
        for (Jingle.Candidate c : candidates) {
            try {
                transport.addRemoteCandidate(new IceCandidate(c.foundation(), c.component(), c.protocol(), c.priority(), c.ip(), c.port(),
                    c.type(), c.relAddr(), c.relPort(), c.generation(), c.id() == null ? c.foundation() : c.id()));
            } catch (IllegalArgumentException e) {
                // a candidate the transport cannot use: the others may do
            }
        }
    }

    @Override
    public CompletableFuture<Void> ready() {
        return ready.exceptionallyCompose(e -> CompletableFuture.failedFuture(failure(e)));
    }

    private static Throwable failure(Throwable e) {
        Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (t instanceof MediaTransportException m) return new SkypeMediaFailure(map(m.reason()), m.getMessage());
        return new SkypeMediaFailure(Failure.ICE_FAILED, String.valueOf(t));
    }

    private static Failure map(MediaTransportException.Reason r) {
        return switch (r) {
            case ICE_FAILED -> Failure.ICE_FAILED;
            case DTLS_FAILED -> Failure.DTLS_FAILED;
            case FINGERPRINT_MISMATCH -> Failure.FINGERPRINT_MISMATCH;
            case TIMEOUT -> Failure.TIMEOUT;
            case CONSENT_LOST -> Failure.CONSENT_LOST;
        };
    }

    @Override
    public void onFailure(Consumer<Failure> listener) { transport.onFailure(e -> listener.accept(map(e.reason()))); }

    @Override public RtpSession rtp() { return rtp; }

    @Override
    public String pair() { String p = transport.selectedPair(); return p == null ? "-" : p; }

    @Override public String dtlsState() { return transport.dtlsState(); }

    @Override
    public void close() { rtp.close(); } // closes the transport too
}
