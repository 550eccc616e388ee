package org.switchboard.net.dtls;

import java.security.GeneralSecurityException;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.SrtpPolicy;
import org.jitsi.utils.logging2.Logger;
import org.jitsi.utils.logging2.LoggerImpl;

/**
 * SRTP and SRTCP (RFC 3711) for one DTLS-SRTP association, on jitsi-srtp's crypto contexts:
 * protect what we send with our side's keys, unprotect what arrives with the peer's (RFC 5764
 * §4.2). A crypto context is kept per SSRC (§3.2.3), made when its first packet authenticates;
 * a packet that fails authentication or the replay check is reported, and nothing of it is kept.
 *
 * <p>Not thread-safe, by design: the transport calls it from its one event loop, so the hot
 * path needs no lock of ours (jitsi-srtp's own methods are {@code synchronized}, never contended
 * here). Each direction works in place in its own scratch {@link #txBuffer}/{@link #rxBuffer}.
 */
public final class Srtp implements AutoCloseable {
    /** Results of unprotect besides a length. */
    public static final int AUTH_FAILED = -1, REPLAYED = -2, INVALID = -3;
    private static final int MAX_CONTEXTS = 16; // remote SSRCs kept (a peer has one or two)
    private static final Logger LOG = logger();

    private final SrtpContextFactory sendFactory, receiveFactory;
    private final PacketBuffer tx = new PacketBuffer(2048), rx = new PacketBuffer(2048);
    private final SsrcMap<SrtpCryptoContext> sendRtp = new SsrcMap<>(MAX_CONTEXTS), recvRtp = new SsrcMap<>(MAX_CONTEXTS);
    private final int rtpTagLength;
    private final SsrcMap<SrtcpCryptoContext> sendRtcp = new SsrcMap<>(MAX_CONTEXTS), recvRtcp = new SsrcMap<>(MAX_CONTEXTS);

    /** {@code client}: we were the DTLS client, so we send with the client's keys. */
    public Srtp(SrtpKeys keys, boolean client) {
        this(checked(keys).clientKey(), keys.clientSalt(), keys.serverKey(), keys.serverSalt(), client, 10);
        prepareCiphers();
    }

    /**
     * With keys exchanged another way (SDES, RFC 4568): we protect with {@code ourKey}/{@code ourSalt}
     * and unprotect with the peer's. {@code rtpTagLength} is 10 for AES_CM_128_HMAC_SHA1_80, 4 for
     * _32; SRTCP keeps the 80-bit tag either way (RFC 4568 §6.2.2).
     */
    public static Srtp sdes(byte[] ourKey, byte[] ourSalt, byte[] theirKey, byte[] theirSalt, int rtpTagLength) {
        prepareCiphers();
        return new Srtp(ourKey, ourSalt, theirKey, theirSalt, true, rtpTagLength);
    }

    /**
     * jitsi-srtp picks its AES implementation when the first crypto context of each cipher mode is
     * made, by instantiating every provider it knows (a new Bouncy Castle provider among them) and
     * benchmarking them, under one global lock: seconds on a busy machine. Made lazily, that is on
     * the event loop at a call's first packet, where it stalls every transport of the loop (a
     * Skype call recorded nothing for its first 4 s). So it happens once per process here, on the
     * thread that makes the keys (the DTLS handshake's, or signalling's for SDES), or at load.
     */
    public static void prepareCiphers() { CipherChoice.MADE.hashCode(); }

    /** The round trip whose class initialisation makes jitsi-srtp choose its ciphers, once. */
    private static final class CipherChoice {
        static final Object MADE = roundTrip();

        private static Object roundTrip() {
            byte[] k1 = new byte[16], s1 = new byte[14], k2 = new byte[16], s2 = new byte[14];
            k2[0] = 1;
            try (Srtp a = new Srtp(k1, s1, k2, s2, true, 10); Srtp b = new Srtp(k2, s2, k1, s1, true, 10)) {
                byte[] rtp = new byte[32];
                rtp[0] = (byte) 0x80;
                rtp[11] = 1; // SSRC 1
                byte[] rtcp = {(byte) 0x80, (byte) 201, 0, 1, 0, 0, 0, 1}; // an empty receiver report (RFC 3550 §6.4.2)
                System.arraycopy(rtp, 0, a.txReset(rtp.length), 0, rtp.length);
                int n = a.protectRtp();
                if (n > 0) System.arraycopy(a.txBuffer(), 0, b.rxReset(n), 0, n);
                if (n > 0) b.unprotectRtp();
                System.arraycopy(rtcp, 0, a.txReset(rtcp.length), 0, rtcp.length);
                n = a.protectRtcp();
                if (n > 0) System.arraycopy(a.txBuffer(), 0, b.rxReset(n), 0, n);
                if (n > 0) b.unprotectRtcp();
            } catch (RuntimeException e) {
                // a provider failed: jitsi-srtp falls back to another when a call makes its contexts
            }
            return Boolean.TRUE;
        }
    }

    private Srtp(byte[] a, byte[] aSalt, byte[] b, byte[] bSalt, boolean aIsOurs, int rtpTagLength) {
        // RFC 3711 §8.2 / RFC 5764 §4.1.2: AES-128 counter mode, HMAC-SHA1, 112-bit salt
        SrtpPolicy srtp = new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, 16, SrtpPolicy.HMACSHA1_AUTHENTICATION, 20, rtpTagLength, 14);
        SrtpPolicy srtcp = new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, 16, SrtpPolicy.HMACSHA1_AUTHENTICATION, 20, 10, 14);
        byte[] ourKey = aIsOurs ? a : b, ourSalt = aIsOurs ? aSalt : bSalt;
        byte[] theirKey = aIsOurs ? b : a, theirSalt = aIsOurs ? bSalt : aSalt;
        this.rtpTagLength = rtpTagLength;
        sendFactory = new SrtpContextFactory(true, ourKey, ourSalt, srtp, srtcp, LOG);
        receiveFactory = new SrtpContextFactory(false, theirKey, theirSalt, srtp, srtcp, LOG);
    }

    private static SrtpKeys checked(SrtpKeys keys) {
        if (keys.profile() != SrtpKeys.AES128_CM_HMAC_SHA1_80) throw new IllegalArgumentException(keys.toString());
        return keys;
    }

    private static Logger logger() {
        JitsiLogBridge.install(); // before jitsi-srtp's first line (it benchmarks its AES providers at INFO)
        return new LoggerImpl(Srtp.class.getName());
    }

    /**
     * Protects {@code packet} (released here) into a new buffer from {@code alloc}: what both SRTP
     * transports (DTLS and SDES keyed) send; null when it cannot be protected.
     */
    public io.netty.buffer.ByteBuf protect(io.netty.buffer.ByteBuf packet, boolean rtcp, io.netty.buffer.ByteBufAllocator alloc) {
        int len = packet.readableBytes();
        try {
            packet.getBytes(packet.readerIndex(), txReset(len), 0, len);
        } finally {
            packet.release();
        }
        int n = rtcp ? protectRtcp() : protectRtp();
        return n < 0 ? null : alloc.directBuffer(n).writeBytes(txBuffer(), 0, n);
    }

    /** Unprotects the datagram in its own buffer (its bytes become the plain packet); the plain length, or a negative result. */
    public int unprotectInPlace(io.netty.buffer.ByteBuf b, boolean rtcp) {
        int len = b.readableBytes();
        int at = b.readerIndex();
        b.getBytes(at, rxReset(len), 0, len);
        int n = rtcp ? unprotectRtcp() : unprotectRtp();
        if (n >= 0) b.setBytes(at, rxBuffer(), 0, n).writerIndex(at + n);
        return n;
    }

    /** A result that means the packet was forged or replayed (dropped and counted, never delivered). */
    public static boolean rejected(int result) { return result == AUTH_FAILED || result == REPLAYED; }

    /** Where a packet to protect is copied (at offset 0, after {@link #txReset}). */
    public byte[] txReset(int length) { return tx.reset(length); }

    public byte[] txBuffer() { return tx.getBuffer(); }

    public byte[] rxReset(int length) { return rx.reset(length); }

    public byte[] rxBuffer() { return rx.getBuffer(); }

    /** Protects the RTP packet in {@link #txBuffer}; its new length, or a negative result. */
    public int protectRtp() {
        if (tx.getLength() < 12) return INVALID;
        int ssrc = ssrc(tx.getBuffer(), 8);
        try {
            SrtpCryptoContext c = sendRtp.get(ssrc);
            if (c == null) c = sendRtp.put(ssrc, sendFactory.deriveContext(ssrc, 0));
            return result(c.transformPacket(tx), tx);
        } catch (GeneralSecurityException e) {
            return INVALID;
        }
    }

    /** Protects the RTCP compound packet in {@link #txBuffer} (RFC 3711 §3.4: E-flag, index, tag). */
    public int protectRtcp() {
        if (tx.getLength() < 8) return INVALID;
        int ssrc = ssrc(tx.getBuffer(), 4);
        try {
            SrtcpCryptoContext c = sendRtcp.get(ssrc);
            if (c == null) c = sendRtcp.put(ssrc, sendFactory.deriveControlContext(ssrc));
            return result(c.transformPacket(tx), tx);
        } catch (GeneralSecurityException e) {
            return INVALID;
        }
    }

    /** Authenticates and decrypts the SRTP packet in {@link #rxBuffer}; the RTP length, or a negative result. */
    public int unprotectRtp() {
        if (rx.getLength() < 12 + rtpTagLength) return INVALID;
        int ssrc = ssrc(rx.getBuffer(), 8);
        try {
            SrtpCryptoContext c = recvRtp.get(ssrc);
            boolean fresh = c == null;
            if (fresh) c = receiveFactory.deriveContext(ssrc, 0);
            int r = result(c.reverseTransformPacket(rx, false), rx);
            if (fresh && r >= 0) recvRtp.put(ssrc, c); // a context only for a source that authenticated
            return r;
        } catch (GeneralSecurityException e) {
            return INVALID;
        }
    }

    /** Authenticates and decrypts the SRTCP packet in {@link #rxBuffer}; the RTCP length, or a negative result. */
    public int unprotectRtcp() {
        if (rx.getLength() < 8 + 4 + 10) return INVALID;
        int ssrc = ssrc(rx.getBuffer(), 4);
        try {
            SrtcpCryptoContext c = recvRtcp.get(ssrc);
            boolean fresh = c == null;
            if (fresh) c = receiveFactory.deriveControlContext(ssrc);
            int r = result(c.reverseTransformPacket(rx), rx);
            if (fresh && r >= 0) recvRtcp.put(ssrc, c);
            return r;
        } catch (GeneralSecurityException e) {
            return INVALID;
        }
    }

    private static int result(SrtpErrorStatus s, PacketBuffer b) {
        return switch (s) {
            case OK -> b.getLength();
            case AUTH_FAIL -> AUTH_FAILED;
            case REPLAY_FAIL, REPLAY_OLD -> REPLAYED;
            default -> INVALID;
        };
    }

    private static int ssrc(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    /** Forgets the keys. */
    @Override
    public void close() {
        sendFactory.close();
        receiveFactory.close();
    }
}
