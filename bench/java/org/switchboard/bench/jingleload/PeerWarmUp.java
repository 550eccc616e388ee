package org.switchboard.bench.jingleload;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.switchboard.net.dtls.DtlsCertificate;
import org.switchboard.net.dtls.Srtp;
import org.switchboard.net.ice.IceDtlsTransport;
import org.switchboard.net.ice.IceSettings;

/**
 * Pays the load peer's own cold start before the first call waits on it: the DTLS certificate,
 * ice4j's first agent (seconds on a cold JVM, see {@code IceWarmUp}) and the JIT of the ICE, DTLS
 * and SRTP paths, by a few calls between two transports of this JVM on loopback. Without it the
 * first calls' set-up measured the peer (5 s from offer to answer for every call of the first wave).
 */
final class PeerWarmUp {
    private PeerWarmUp() {}

    static void run(int calls) throws Exception {
        DtlsCertificate.forProcess();
        Srtp.prepareCiphers();
        IceSettings s = new IceSettings(List.of(InetAddress.getLoopbackAddress()), null, 0, 0, Duration.ofSeconds(20));
        for (int i = 0; i < calls; i++) {
            IceDtlsTransport a = IceDtlsTransport.open(s, true), b = IceDtlsTransport.open(s, false);
            try {
                b.setRemote(a.localCredentials(), a.localFingerprint(), a.localSetup());
                a.localCandidates().forEach(b::addRemoteCandidate);
                a.setRemote(b.localCredentials(), b.localFingerprint(), b.localSetup());
                b.localCandidates().forEach(a::addRemoteCandidate);
                CompletableFuture.allOf(a.ready(), b.ready()).get(20, TimeUnit.SECONDS);
            } finally {
                a.close();
                b.close();
            }
        }
    }
}
