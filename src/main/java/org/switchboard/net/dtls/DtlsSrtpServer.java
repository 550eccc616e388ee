package org.switchboard.net.dtls;

import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;

/** The DTLS server ("passive", RFC 4145 §4) of a DTLS-SRTP association; it asks for the client's certificate. */
final class DtlsSrtpServer extends DefaultTlsServer {
    private final DtlsPeerCheck check;

    DtlsSrtpServer(DtlsPeerCheck check) {
        super(check.crypto);
        this.check = check;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() { return ProtocolVersion.DTLSv12.only(); }

    @Override
    protected int[] getSupportedCipherSuites() { return TlsUtils.getSupportedCipherSuites(getCrypto(), DtlsPeerCheck.CIPHER_SUITES); }

    @Override
    public int getHandshakeTimeoutMillis() { return check.timeoutMillis; }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException { return check.signer(context); }

    @Override
    @SuppressWarnings("rawtypes")
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        check.choose(TlsSRTPUtils.getUseSRTPExtension(clientExtensions)); // RFC 5764 §4.1.1
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Hashtable getServerExtensions() throws IOException {
        Hashtable<Integer, byte[]> ext = org.bouncycastle.tls.TlsExtensionsUtils.ensureExtensionsInitialised(super.getServerExtensions());
        check.addUseSrtp(ext, new int[] {check.profile});
        return ext;
    }

    /** RFC 5763 §5: the client must authenticate with the certificate its fingerprint names. */
    @Override
    public CertificateRequest getCertificateRequest() {
        short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
        return new CertificateRequest(types, TlsUtils.getDefaultSupportedSignatureAlgorithms(context), null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        check.verify(clientCertificate);
    }

    private SrtpKeys keys;

    /** RFC 5764 §4.2: Bouncy Castle exports keying material only from here. */
    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        keys = check.export(context);
    }

    SrtpKeys keys() { return keys; }
}
