package org.switchboard.net.ice;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.ice4j.ice.CandidatePair;
import org.switchboard.core.PbxLog;
import org.switchboard.core.PbxLogger;
import org.switchboard.media.rtp.RtpDemux;
import org.switchboard.media.rtp.RtpTransport;
import org.switchboard.net.dtls.DatagramPipe;
import org.switchboard.net.dtls.DtlsCertificate;
import org.switchboard.net.dtls.Srtp;
import org.switchboard.net.ice.MediaTransportException.Reason;

/**
 * ICE (RFC 8445, one component: rtcp-mux, RFC 5761) with DTLS-SRTP (RFC 5764) under an
 * {@code RtpSession}: the media transport of Jingle calls and WebRTC phones. One UDP socket per
 * host address carries STUN, DTLS and SRTP, told apart by their first byte (RFC 7983 §7); ice4j
 * sees only STUN, Bouncy Castle only DTLS, and media never leaves our event loop.
 *
 * <p>Life: {@link #open} binds and gathers; signalling sends {@link #localCredentials},
 * {@link #localCandidates}, {@link #localFingerprint} and {@link #localSetup}; {@link #setRemote}
 * with the peer's starts the checks, and DTLS once a pair is selected (as client when we are
 * {@code active}), or at once as server. {@link #ready} completes when ICE, DTLS and the SRTP keys
 * are all in place, and fails with a {@link MediaTransportException} otherwise; no packet is sent
 * or delivered before it, and never unencrypted. After it, consent freshness (RFC 7675) keeps
 * checking the pair: its loss is reported once to {@link #onFailure} and sending stops.
 *
 * <p>Hot path, on the event loop: copy into a scratch buffer, SRTP in place, no lock of ours.
 * A packet that fails SRTP authentication is dropped and counted ({@link #srtpAuthFailures}).
 */
public final class IceDtlsTransport implements RtpTransport {
    private static final Capabilities CAPABILITIES = new Capabilities("ice-dtls-srtp", true, true, true);
    private static final Capabilities DIRECT = new Capabilities("udp-dtls-srtp", true, true, true);
    private static final Capabilities PLAIN = new Capabilities("udp", false, true, true);

    private final IceSettings settings;
    private final EventLoop loop;
    private final List<NettyIceSocket> sockets;
    private final IceAgent ice;
    private final DtlsCertificate certificate = DtlsCertificate.forProcess();
    private final DatagramPipe dtlsPipe = new DatagramPipe(this::sendDtls);
    private final DtlsSession dtls;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean remoteSet = new AtomicBoolean();
    private final AtomicBoolean failed = new AtomicBoolean();
    private final AtomicReference<MediaTransportException> lateFailure = new AtomicReference<>();
    private final AtomicLong authFailures = new AtomicLong();
    /** The log of the PBX whose call opened this transport: the shared ice-io threads, ice4j's and the DTLS thread write there for it. */
    private final PbxLogger log = PbxLog.current();
    private volatile DtlsSetup localSetup = DtlsSetup.ACTPASS;
    private volatile Srtp srtp;
    private volatile Path path = Path.ICE;
    private volatile NettyIceSocket sendSocket;
    private volatile InetSocketAddress sendTo;
    private volatile NettyIceSocket learnedSocket; // a DTLS server answers where the ClientHello came from
    private volatile InetSocketAddress learnedFrom;
    private volatile PacketHandler rtpHandler, rtcpHandler;
    private volatile Consumer<MediaTransportException> failureListener;
    private volatile long deadlineNanos = Long.MAX_VALUE;
    private volatile long selectedMillis;
    private volatile ScheduledFuture<?> timer;

    private IceDtlsTransport(IceSettings settings, boolean controlling, EventLoop loop, List<NettyIceSocket> sockets,
            InetSocketAddress stun) throws IOException {
        this.settings = settings;
        this.loop = loop;
        this.sockets = sockets;
        this.dtls = new DtlsSession(this);
        this.ice = new IceAgent(sockets, stun, controlling, new IceAgent.Listener() {
            @Override public void selected() { PbxLog.run(log, IceDtlsTransport.this::onSelected); }
            @Override public void failed(String why) {
                // after ready, ice4j fails the pair when its consent checks go unanswered (RFC 7675)
                PbxLog.run(log, () -> fail(ready.isDone() ? Reason.CONSENT_LOST : Reason.ICE_FAILED,
                        (ready.isDone() ? "ICE consent lost: " : "ICE failed: ") + why));
            }
        });
    }

    /**
     * Binds one UDP socket per {@code settings.hostAddresses()} in the port range and gathers host
     * candidates on them (and a server-reflexive one from {@code settings.stun()}, waiting for the
     * STUN server's answer). Blocks while binding: not for an event loop.
     */
    public static IceDtlsTransport open(IceSettings settings, boolean controlling) throws IOException {
        EventLoop loop = IceIo.group().next();
        Holder h = new Holder();
        List<NettyIceSocket> sockets = IceSockets.bind(settings, loop, (s, b, from) -> {
            IceDtlsTransport t = h.t;
            if (t != null) t.onDatagramBound(s, b, from);
            else if (RtpDemux.isStun(b)) s.offer(b, from); // the STUN server's answer while gathering, in the constructor
        });
        try {
            h.t = new IceDtlsTransport(settings, controlling, loop, sockets, settings.stun());
            return h.t;
        } catch (IOException | RuntimeException e) {
            for (NettyIceSocket s : sockets) s.channel().close();
            throw e;
        }
    }

    private static final class Holder {
        volatile IceDtlsTransport t;
    }

    public IceCredentials localCredentials() { return ice.localCredentials(); }

    /** Every candidate gathered, host ones first. */
    public List<IceCandidate> localCandidates() { return ice.localCandidates(); }

    public DtlsFingerprint localFingerprint() { return new DtlsFingerprint(certificate.hashFunction(), certificate.fingerprint()); }

    /** {@link DtlsSetup#ACTPASS} until {@link #setRemote}; then what we are: active (DTLS client) or passive. */
    public DtlsSetup localSetup() { return localSetup; }

    /**
     * The peer's ICE credentials, DTLS fingerprint and setup (an offer's {@code actpass} makes us
     * {@code active}, RFC 8842 §5.3); starts the checks once a remote candidate is known, and the
     * {@link IceSettings#failAfter} clock. Without a fingerprint {@link #ready} fails at once
     * (FINGERPRINT_MISMATCH): we never run media without DTLS. Only the first call counts.
     */
    public void setRemote(IceCredentials remote, DtlsFingerprint fingerprint, DtlsSetup remoteSetup) {
        if (closed.get() || !remoteSet.compareAndSet(false, true)) return;
        if (fingerprint == null) {
            fail(Reason.FINGERPRINT_MISMATCH, "the peer announced no DTLS fingerprint");
            return;
        }
        localSetup = remoteSetup == null ? DtlsSetup.ACTIVE : remoteSetup.answerTo();
        deadlineNanos = System.nanoTime() + settings.failAfter().toNanos();
        schedule(this::deadline, settings.failAfter().toMillis());
        ice.setRemote(remote);
        // the server waits for a ClientHello, which may arrive before our side of ICE has selected
        if (localSetup == DtlsSetup.PASSIVE) dtls.start(certificate, false, fingerprint, dtlsPipe);
        else dtls.expect(fingerprint);
    }

    /**
     * DTLS-SRTP without ICE (RFC 5763 §5, as Asterisk's {@code media_encryption=dtls} with
     * {@code ice_support=no}): the handshake and SRTP run on our first socket to {@code peer}, the
     * address and port of the peer's SDP; no connectivity or consent checks. Only the first
     * {@code setRemote*} or {@link #plain} call counts.
     */
    public void setRemoteWithoutIce(InetSocketAddress peer, DtlsFingerprint fingerprint, DtlsSetup remoteSetup) {
        if (closed.get() || !remoteSet.compareAndSet(false, true)) return;
        if (fingerprint == null) {
            fail(Reason.FINGERPRINT_MISMATCH, "the peer announced no DTLS fingerprint");
            return;
        }
        path = Path.DIRECT;
        localSetup = remoteSetup == null ? DtlsSetup.ACTIVE : remoteSetup.answerTo();
        deadlineNanos = System.nanoTime() + settings.failAfter().toNanos();
        schedule(this::deadline, settings.failAfter().toMillis());
        sendSocket = sockets.get(0);
        sendTo = peer;
        selectedMillis = System.currentTimeMillis();
        dtls.start(certificate, localSetup == DtlsSetup.ACTIVE, fingerprint, dtlsPipe);
    }

    /**
     * Plain RTP to {@code peer} on our first socket: the peer declined encryption we offered
     * optimistically ({@code media_encryption_optimistic}), or offered none. Ready at once.
     */
    public void plain(InetSocketAddress peer) {
        if (closed.get() || !remoteSet.compareAndSet(false, true)) return;
        path = Path.PLAIN;
        sendSocket = sockets.get(0);
        sendTo = peer;
        selectedMillis = System.currentTimeMillis();
        ready.complete(null);
    }

    /** How the media flows: over ICE and DTLS-SRTP, DTLS-SRTP on the SDP's address, or plain RTP. */
    private enum Path { ICE, DIRECT, PLAIN }

    /** A remote candidate, before or after {@link #setRemote} (trickle). Unusable ones are ignored. */
    public void addRemoteCandidate(IceCandidate c) {
        if (c != null && !closed.get() && !ice.addRemoteCandidate(c)) {
            PbxLog.limited(PbxLog.Level.DEBUG, "ice", c.ip(), "ignoring ICE candidate " + c.ip() + ":" + c.port()
                + " (" + c.protocol() + " " + c.type() + "): not a usable UDP address");
        }
    }

    /** ICE has a selected pair, DTLS finished and SRTP keys are installed; or why not. */
    public CompletableFuture<Void> ready() { return ready; }

    /** Told once if the transport fails after {@link #ready} (RFC 7675 consent lost): the call must end. */
    public void onFailure(Consumer<MediaTransportException> listener) {
        failureListener = listener;
        MediaTransportException e = lateFailure.getAndSet(null);
        if (e != null && listener != null) notifyFailure(listener, e);
    }

    /** "127.0.0.1:40000 <-> 127.0.0.1:50000 host/host", or "" before ICE selected a pair. */
    public String selectedPair() {
        CandidatePair p = ice.selectedPair();
        if (p == null) return "";
        var l = p.getLocalCandidate();
        var r = p.getRemoteCandidate();
        return hostPort(l.getTransportAddress()) + " <-> " + hostPort(r.getTransportAddress()) + " " + l.getType() + "/" + r.getType();
    }

    /** Where the peer is: the selected pair's remote address (for {@code RtpSession.setRemote}), or null before. */
    public InetSocketAddress selectedRemote() { return sendTo; }

    /** "new", "connecting", "connected", "failed" or "closed". */
    public String dtlsState() { return closed.get() ? "closed" : dtls.state(); }

    /** SRTP and SRTCP packets dropped because they failed authentication (RFC 3711 §3.3 step 5). */
    public long srtpAuthFailures() { return authFailures.get(); }

    // ---- RtpTransport ----

    @Override
    public void receive(PacketHandler rtp, PacketHandler rtcp) {
        rtpHandler = rtp;
        rtcpHandler = rtcp;
    }

    /** Sent on the selected pair whatever {@code to} says; dropped before {@link #ready} and after a failure. */
    @Override
    public void sendRtp(ByteBuf packet, InetSocketAddress to) { send(packet, false); }

    @Override
    public void sendRtcp(ByteBuf packet, InetSocketAddress to) { send(packet, true); }

    @Override
    public ByteBufAllocator alloc() { return sockets.get(0).channel().alloc(); }

    @Override
    public EventExecutor eventLoop() { return loop; }

    @Override
    public InetSocketAddress localAddress() {
        NettyIceSocket s = sendSocket;
        return (s != null ? s : sockets.get(0)).local();
    }

    @Override
    public Capabilities capabilities() {
        return switch (path) {
            case ICE -> CAPABILITIES;
            case DIRECT -> DIRECT;
            case PLAIN -> PLAIN;
        };
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        ScheduledFuture<?> t = timer;
        if (t != null) t.cancel(false);
        dtls.close();
        dtlsPipe.close();
        ice.close();
        for (NettyIceSocket s : sockets) s.channel().close();
        ready.cancel(false);
        Srtp s = srtp;
        if (s != null) {
            try {
                loop.execute(s::close); // the loop may be inside it right now
            } catch (RejectedExecutionException e) {
                s.close(); // the loop is gone: nobody is inside it
            }
        }
    }

    @Override
    public String toString() { return "ice-dtls-srtp:" + localAddress().getPort(); }

    // ---- the wire ----

    /** The ice-io threads serve every PBX's calls: each datagram is handled for the PBX of its call. */
    private void onDatagramBound(NettyIceSocket socket, ByteBuf b, InetSocketAddress from) {
        PbxLogger outer = PbxLog.enter(log);
        try {
            onDatagram(socket, b, from);
        } finally {
            PbxLog.leave(outer);
        }
    }

    /** The log this transport's work writes to, whatever thread runs it. */
    PbxLogger log() { return log; }

    /** RFC 7983 §7: 0-3 STUN, 20-63 DTLS, 128-191 RTP/RTCP; anything else is dropped. */
    private void onDatagram(NettyIceSocket socket, ByteBuf b, InetSocketAddress from) {
        int first = b.getUnsignedByte(b.readerIndex());
        if (first <= 3) {
            if (RtpDemux.isStun(b)) socket.offer(b, from);
        } else if (first >= 20 && first <= 63) {
            if (sendTo == null) {
                learnedSocket = socket;
                learnedFrom = from;
            }
            byte[] record = new byte[b.readableBytes()];
            b.getBytes(b.readerIndex(), record);
            dtlsPipe.offer(record);
        } else if (first >= 128 && first <= 191) {
            srtpIn(b, from);
        }
    }

    private void srtpIn(ByteBuf b, InetSocketAddress from) {
        if (path == Path.PLAIN) {
            PacketHandler h = RtpDemux.isRtcp(b) ? rtcpHandler : rtpHandler;
            if (h != null) h.onPacket(b, from);
            return;
        }
        Srtp s = srtp;
        if (s == null || failed.get()) return; // no media before the keys, none after a failure
        boolean rtcp = RtpDemux.isRtcp(b); // RFC 5761 §4: the header stays in the clear under SRTP
        int n = s.unprotectInPlace(b, rtcp); // plain RTP in the datagram's own buffer
        if (n < 0) {
            if (Srtp.rejected(n)) authFailures.incrementAndGet(); // dropped, never delivered
            return;
        }
        PacketHandler h = rtcp ? rtcpHandler : rtpHandler;
        // SRTP authentication, not the source address, says who sent it: the stream sees the
        // selected pair's address, so strict RTP keeps accepting the peer if it moves to another pair
        InetSocketAddress peer = sendTo;
        if (h != null) h.onPacket(b, peer != null ? peer : from);
    }

    private void send(ByteBuf packet, boolean rtcp) {
        if (!loop.inEventLoop()) {
            try {
                loop.execute(() -> send(packet, rtcp));
            } catch (RejectedExecutionException e) {
                packet.release();
            }
            return;
        }
        Srtp s = srtp;
        NettyIceSocket socket = sendSocket;
        InetSocketAddress to = sendTo;
        if (path == Path.PLAIN && socket != null && to != null && !closed.get()) {
            socket.channel().writeAndFlush(new DatagramPacket(packet, to), socket.channel().voidPromise());
            return;
        }
        if (s == null || socket == null || to == null || closed.get() || failed.get()) {
            packet.release(); // never plain RTP on this transport
            return;
        }
        Channel ch = socket.channel();
        io.netty.buffer.ByteBuf wire = s.protect(packet, rtcp, ch.alloc());
        if (wire != null) ch.writeAndFlush(new DatagramPacket(wire, to), ch.voidPromise());
    }

    /** DTLS records, from the handshake thread: on the selected pair, or back where the peer's came from. */
    private void sendDtls(byte[] buf, int off, int len) {
        NettyIceSocket socket = sendSocket != null ? sendSocket : learnedSocket;
        InetSocketAddress to = sendTo != null ? sendTo : learnedFrom;
        if (socket == null || to == null || closed.get()) return; // DTLS retransmits once there is a path
        Channel ch = socket.channel();
        ch.writeAndFlush(new DatagramPacket(Unpooled.copiedBuffer(buf, off, len), to), ch.voidPromise());
    }

    // ---- state ----

    private void onSelected() {
        CandidatePair p = ice.selectedPair();
        NettyIceSocket socket = ice.selectedSocket();
        if (p == null || socket == null) {
            fail(Reason.ICE_FAILED, "ICE completed without a usable pair");
            return;
        }
        var remote = p.getRemoteCandidate().getTransportAddress();
        sendTo = new InetSocketAddress(remote.getAddress(), remote.getPort());
        sendSocket = socket;
        selectedMillis = System.currentTimeMillis();
        if (localSetup == DtlsSetup.ACTIVE) dtls.start(certificate, true, null, dtlsPipe);
        maybeReady();
    }

    /** From the handshake thread once the SRTP keys are known. */
    void dtlsDone(Srtp keys) {
        if (closed.get()) {
            keys.close();
            return;
        }
        srtp = keys;
        maybeReady();
    }

    /** From the handshake thread: the handshake failed (or timed out). */
    void dtlsFailed(Reason reason, String message) { fail(reason, message); }

    long remainingNanos() { return deadlineNanos - System.nanoTime(); }

    private void maybeReady() {
        if (srtp == null || sendTo == null || closed.get()) return;
        if (ready.complete(null)) {
            ScheduledFuture<?> t = timer;
            if (t != null) t.cancel(false);
            timer = loop.scheduleAtFixedRate(PbxLog.bound(log, this::checkConsent), 1, 1, TimeUnit.SECONDS);
        }
    }

    private void deadline() {
        if (ready.isDone() || closed.get()) return;
        Duration d = settings.failAfter();
        if (sendTo == null) fail(Reason.ICE_FAILED, "no ICE candidate pair worked within " + d.toMillis() + " ms");
        else fail(Reason.TIMEOUT, "no DTLS handshake within " + d.toMillis() + " ms");
    }

    /**
     * Every second after ready: follows the selected pair if it changed, and RFC 7675 §5.1: consent
     * expires when no check on the pair was answered for the consent timeout.
     */
    private void checkConsent() {
        if (closed.get() || failed.get() || path != Path.ICE) return; // consent is ICE's (RFC 7675 §1)
        CandidatePair p = ice.selectedPair();
        NettyIceSocket socket = ice.selectedSocket();
        if (p != null && socket != null) { // the controlling peer may nominate another pair later (RFC 8445 §8.1.1)
            var r = p.getRemoteCandidate().getTransportAddress();
            InetSocketAddress now = sendTo;
            if (socket != sendSocket || now == null || !now.equals(r)) {
                sendTo = new InetSocketAddress(r.getAddress(), r.getPort());
                sendSocket = socket;
            }
        }
        long last = Math.max(selectedMillis, p == null ? 0 : p.getConsentFreshness());
        long silent = System.currentTimeMillis() - last;
        if (silent > settings.consentTimeout().toMillis()) {
            fail(Reason.CONSENT_LOST, "ICE consent lost: no answer to consent checks for " + silent / 1000 + " s");
        }
    }

    private void fail(Reason reason, String message) {
        if (closed.get()) return;
        MediaTransportException e = new MediaTransportException(reason, message);
        if (!ready.isDone() && ready.completeExceptionally(e)) {
            failed.set(true);
            dtls.failed();
            dtlsPipe.close();
            ScheduledFuture<?> t = timer;
            if (t != null) t.cancel(false);
            return;
        }
        if (ready.isCompletedExceptionally() || !failed.compareAndSet(false, true)) return;
        ScheduledFuture<?> t = timer;
        if (t != null) t.cancel(false);
        Consumer<MediaTransportException> l = failureListener;
        if (l != null) notifyFailure(l, e);
        else lateFailure.set(e);
    }

    private void notifyFailure(Consumer<MediaTransportException> l, MediaTransportException e) {
        try {
            l.accept(e);
        } catch (RuntimeException x) {
            PbxLog.limited(PbxLog.Level.WARNING, "ice", "listener", "media transport failure listener failed: " + x);
        }
    }

    private void schedule(Runnable task, long millis) {
        try {
            timer = loop.schedule(PbxLog.bound(log, task), millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the process is shutting down
        }
    }

    private static String hostPort(InetSocketAddress a) { return a.getAddress().getHostAddress() + ":" + a.getPort(); }
}
