package org.switchboard.net.ice;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.switchboard.core.PbxLog;
import org.switchboard.net.dtls.DtlsCertificate;

/**
 * Pays the first ICE/DTLS call's start-up costs before a call waits on them: the process's DTLS
 * certificate (a key pair, about a second) and ice4j's first agent (its configuration, classes and
 * harvesting code, several seconds on a cold JVM), and jitsi-srtp's choice of AES implementation
 * ({@link org.switchboard.net.dtls.Srtp#prepareCiphers}). Measured: the first {@link IceDtlsTransport#open}
 * took 4.2 s and the certificate 1.2 s, the next ones 10-50 ms and nothing; without this, a
 * browser's first call was answered 9 s after its INVITE. Asterisk makes its certificate at load
 * too ({@code dtls_auto_generate_cert}).
 */
public final class IceWarmUp {
    private static final AtomicBoolean started = new AtomicBoolean();

    private IceWarmUp() {}

    /** Once per process, on a virtual thread: returns at once. */
    public static void inBackground() {
        if (!started.compareAndSet(false, true)) return;
        Thread.ofVirtual().name("ice-warm-up").start(() -> {
            try {
                DtlsCertificate.forProcess();
                org.switchboard.net.dtls.Srtp.prepareCiphers();
                IceDtlsTransport t = IceDtlsTransport.open(new IceSettings(List.of(InetAddress.getLoopbackAddress()), null, 0, 0,
                    Duration.ofSeconds(1)), false);
                IceSdp.attributes(t);
                t.close();
            } catch (Exception | LinkageError e) {
                PbxLog.warning("res_rtp_asterisk.c", "Preparing ICE/DTLS failed (the first WebRTC call will try again): " + e);
            }
        });
    }
}
