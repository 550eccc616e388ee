package org.switchboard.net.dtls;

import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * What the DTLS client and server of a DTLS-SRTP association share: our certificate, the
 * fingerprint the peer announced in signalling (checked against the certificate it presents,
 * RFC 5763 §5 / RFC 8842 §5), the {@code use_srtp} profile (RFC 5764 §4.1) and the key export
 * (§4.2). Not thread-safe: one per handshake.
 */
final class DtlsPeerCheck {
    /** ECDHE with our ECDSA certificate only (RFC 8827 §6.5: browsers require forward secrecy). */
    static final int[] CIPHER_SUITES = {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
    };
    /**
     * As a client we also take a server with an RSA certificate (liblinphone's self-signed DTLS
     * identity is RSA); ECDHE still, for forward secrecy.
     */
    static final int[] CLIENT_CIPHER_SUITES = {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
    };
    static final int[] PROFILES = {SrtpKeys.AES128_CM_HMAC_SHA1_80};

    final BcTlsCrypto crypto;
    final DtlsCertificate certificate;
    private final String expectedHash;
    private final String expectedFingerprint;
    final int timeoutMillis;
    volatile DtlsFailure failure;
    int profile = -1;

    DtlsPeerCheck(BcTlsCrypto crypto, DtlsCertificate certificate, String expectedHash, String expectedFingerprint,
            int timeoutMillis) {
        this.crypto = crypto;
        this.certificate = certificate;
        this.expectedHash = expectedHash;
        this.expectedFingerprint = expectedFingerprint;
        this.timeoutMillis = timeoutMillis;
    }

    /** RFC 8122 §5: the peer's end-entity certificate must hash to the announced fingerprint. */
    void verify(Certificate chain) throws IOException {
        if (chain == null || chain.isEmpty()) {
            failure = DtlsFailure.FINGERPRINT_MISMATCH;
            throw new TlsFatalAlert(AlertDescription.certificate_required, "the peer sent no certificate");
        }
        String got = DtlsCertificate.fingerprint(expectedHash, chain.getCertificateAt(0).getEncoded());
        if (got == null || expectedFingerprint == null || !got.equalsIgnoreCase(expectedFingerprint.trim())) {
            failure = DtlsFailure.FINGERPRINT_MISMATCH;
            throw new TlsFatalAlert(AlertDescription.bad_certificate, "certificate does not match the fingerprint");
        }
    }

    /** The profile we pick from an offer: the first of ours the peer lists (RFC 5764 §4.1.1). */
    int choose(UseSRTPData offered) throws IOException {
        if (offered != null) {
            for (int ours : PROFILES) {
                for (int theirs : offered.getProtectionProfiles()) {
                    if (ours == theirs) return profile = ours;
                }
            }
        }
        throw new TlsFatalAlert(AlertDescription.handshake_failure, "no common SRTP profile");
    }

    void addUseSrtp(Hashtable<Integer, byte[]> extensions, int[] profiles) throws IOException {
        TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(profiles, TlsUtils.EMPTY_BYTES));
    }

    /** Signs with our certificate's key: ECDSA with SHA-256, what every DTLS 1.2 peer takes. */
    TlsCredentialedSigner signer(TlsContext context) throws IOException {
        Certificate chain = new Certificate(new org.bouncycastle.tls.crypto.TlsCertificate[] {
            crypto.createCertificate(certificate.derNoCopy())});
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, certificate.privateKey(),
            chain, new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
    }

    /** RFC 5764 §4.2: the SRTP keying material, once the handshake is done. */
    SrtpKeys export(TlsContext context) {
        byte[] m = context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, SrtpKeys.exportLength(profile));
        return SrtpKeys.split(profile, m);
    }
}
