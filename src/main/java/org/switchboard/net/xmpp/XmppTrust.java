package org.switchboard.net.xmpp;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Trust for an XMPP client's STARTTLS, shared by chan_skype and res_xmpp: the JDK's CAs, a CA file
 * named in the config, or none (chan_skype's tls_verify=no).
 */
public final class XmppTrust {
    private XmppTrust() {}

    /** Trusts the certificates (PEM or DER, one or more) in {@code file}: a private CA or a self-signed server. */
    public static X509TrustManager trustFile(Path file) throws Exception {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        int n = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (Certificate c : cf.generateCertificates(in)) ks.setCertificateEntry("ca" + n++, c);
        }
        if (n == 0) throw new IllegalArgumentException("no certificate in " + file);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) return x;
        }
        throw new IllegalStateException("no X509TrustManager");
    }

    /** tls_verify=no: any certificate is accepted (the connection is still encrypted). */
    public static X509TrustManager trustAll() {
        return new X509TrustManager() {
            @Override public void checkClientTrusted(X509Certificate[] chain, String authType) {}
            @Override public void checkServerTrusted(X509Certificate[] chain, String authType) {}
            @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        };
    }
}
