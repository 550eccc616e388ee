package org.switchboard.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Certificates for TLS tests, made with the openssl command line into a test's directory: a test
 * CA, a server certificate it signed for 127.0.0.1 (IP and DNS subjectAltName, so hostname
 * verification passes on loopback), a client certificate it signed, and a self-signed "rogue"
 * client certificate nothing trusts. EC P-256 keys in PKCS#8 PEM; {@code *.pem} files hold
 * certificate and key together (baresip's {@code sip_certificate}, socat's {@code cert=}).
 */
public record TestCertificates(Path dir, Path ca, Path serverCert, Path serverKey, Path serverPem,
                               Path clientCert, Path clientKey, Path clientPem, Path rogueCert, Path rogueKey, Path roguePem) {
    public static final String OPENSSL = "/usr/bin/openssl";

    public static boolean installed() { return Files.isExecutable(Path.of(OPENSSL)); }

    public static TestCertificates create(Path parent) throws IOException {
        Path d = Files.createDirectories(parent.resolve("tls"));
        Path ext = d.resolve("ext.cnf");
        Files.writeString(ext, "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        openssl(d, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=Switchboard Test CA");
        signed(d, "server", "127.0.0.1", ext);
        signed(d, "client", "client.test", null);
        openssl(d, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", "rogue.key", "-out", "rogue.crt", "-days", "2", "-subj", "/CN=rogue.test");
        for (String n : List.of("server", "client", "rogue")) {
            Files.writeString(d.resolve(n + ".pem"), Files.readString(d.resolve(n + ".crt")) + Files.readString(d.resolve(n + ".key")));
        }
        return new TestCertificates(d, d.resolve("ca.crt"), d.resolve("server.crt"), d.resolve("server.key"), d.resolve("server.pem"),
            d.resolve("client.crt"), d.resolve("client.key"), d.resolve("client.pem"), d.resolve("rogue.crt"),
            d.resolve("rogue.key"), d.resolve("rogue.pem"));
    }

    private static void signed(Path d, String name, String cn, Path ext) throws IOException {
        openssl(d, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + cn);
        List<String> args = new ArrayList<>(List.of("x509", "-req", "-in", name + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key",
            "-CAcreateserial", "-out", name + ".crt", "-days", "2"));
        if (ext != null) args.addAll(List.of("-extfile", ext.toString()));
        openssl(d, args.toArray(String[]::new));
    }

    private static void openssl(Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(OPENSSL);
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("openssl " + String.join(" ", args) + ": " + out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** A JDK client context presenting {@code cert}/{@code key} (null: none) and trusting {@link #ca}. */
    public SSLContext clientContext(Path cert, Path key) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", certificate(ca));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = null;
        if (cert != null) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("me", privateKey(key), new char[0], new Certificate[] {certificate(cert)});
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, new char[0]);
        }
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(kmf == null ? null : new javax.net.ssl.KeyManager[] {new Always((javax.net.ssl.X509ExtendedKeyManager) kmf.getKeyManagers()[0])},
            tmf.getTrustManagers(), null);
        return c;
    }

    /**
     * Presents our certificate whatever CAs the server names: the JDK's own key manager would
     * quietly send none when ours is not from one of them, as an OpenSSL client does not.
     */
    private static final class Always extends javax.net.ssl.X509ExtendedKeyManager {
        private final javax.net.ssl.X509ExtendedKeyManager km;

        Always(javax.net.ssl.X509ExtendedKeyManager km) { this.km = km; }

        @Override public String[] getClientAliases(String t, java.security.Principal[] i) { return new String[] {"me"}; }
        @Override public String chooseClientAlias(String[] t, java.security.Principal[] i, java.net.Socket s) { return "me"; }
        @Override public String chooseEngineClientAlias(String[] t, java.security.Principal[] i, javax.net.ssl.SSLEngine e) { return "me"; }
        @Override public String[] getServerAliases(String t, java.security.Principal[] i) { return null; }
        @Override public String chooseServerAlias(String t, java.security.Principal[] i, java.net.Socket s) { return null; }
        @Override public java.security.cert.X509Certificate[] getCertificateChain(String a) { return km.getCertificateChain(a); }
        @Override public PrivateKey getPrivateKey(String a) { return km.getPrivateKey(a); }
    }

    private static Certificate certificate(Path p) throws Exception {
        try (InputStream in = Files.newInputStream(p)) {
            return CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static PrivateKey privateKey(Path p) throws Exception {
        String pem = Files.readString(p).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }
}
