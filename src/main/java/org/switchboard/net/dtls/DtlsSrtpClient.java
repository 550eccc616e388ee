package org.switchboard.net.dtls;

import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;

/** The DTLS client ("active", RFC 4145 §4) of a DTLS-SRTP association. */
final class DtlsSrtpClient extends DefaultTlsClient {
    private final DtlsPeerCheck check;

    DtlsSrtpClient(DtlsPeerCheck check) {
        super(check.crypto);
        this.check = check;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() { return ProtocolVersion.DTLSv12.only(); }

    @Override
    protected int[] getSupportedCipherSuites() { return TlsUtils.getSupportedCipherSuites(getCrypto(), DtlsPeerCheck.CLIENT_CIPHER_SUITES); }

    @Override
    public int getHandshakeTimeoutMillis() { return check.timeoutMillis; }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Hashtable getClientExtensions() throws IOException {
        Hashtable<Integer, byte[]> ext = org.bouncycastle.tls.TlsExtensionsUtils.ensureExtensionsInitialised(super.getClientExtensions());
        check.addUseSrtp(ext, DtlsPeerCheck.PROFILES); // RFC 5764 §4.1.1
        return ext;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        UseSRTPData chosen = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
        // §4.1.1: the server answers with exactly one of the profiles we offered
        if (chosen == null || chosen.getProtectionProfiles().length != 1) {
            throw new TlsFatalAlert(AlertDescription.illegal_parameter, "server chose no SRTP profile");
        }
        check.choose(chosen);
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                check.verify(serverCertificate.getCertificate());
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                return check.signer(context); // DTLS-SRTP: both ends show a certificate (RFC 5763 §5)
            }
        };
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
