package org.switchboard.net.dtls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * Our DTLS identity: a self-signed ECDSA P-256 certificate (as browsers make for WebRTC, RFC 8827
 * §6.5) and its SHA-256 fingerprint for the signalling (RFC 8122 §5: {@code a=fingerprint},
 * XEP-0320). Nobody validates the certificate itself; the peer checks it against the fingerprint
 * it got through signalling. One is made per process ({@link #forProcess}) and renewed when a
 * month old, so a handshake never waits for key generation.
 */
public final class DtlsCertificate {
    private static final Duration RENEW_AFTER = Duration.ofDays(30);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static volatile DtlsCertificate current;

    private final AsymmetricKeyParameter privateKey;
    private final byte[] der;
    private final String fingerprint;
    private final long createdMillis = System.currentTimeMillis();

    private DtlsCertificate(AsymmetricKeyParameter privateKey, byte[] der) {
        this.privateKey = privateKey;
        this.der = der;
        this.fingerprint = fingerprint("sha-256", der);
    }

    /** The process's certificate, made on first use and again once a month old. */
    public static DtlsCertificate forProcess() {
        DtlsCertificate c = current;
        if (c == null || System.currentTimeMillis() - c.createdMillis > RENEW_AFTER.toMillis()) {
            synchronized (DtlsCertificate.class) { // key generation is CPU work, never blocking I/O
                c = current;
                if (c == null || System.currentTimeMillis() - c.createdMillis > RENEW_AFTER.toMillis()) {
                    current = c = generate();
                }
            }
        }
        return c;
    }

    /** A fresh key pair and certificate (CN=switchboard, valid from yesterday for a year). */
    public static DtlsCertificate generate() {
        try {
            ECNamedDomainParameters p256 = new ECNamedDomainParameters(SECObjectIdentifiers.secp256r1,
                ECNamedCurveTable.getByOID(SECObjectIdentifiers.secp256r1));
            ECKeyPairGenerator gen = new ECKeyPairGenerator();
            gen.init(new ECKeyGenerationParameters(p256, RANDOM));
            AsymmetricCipherKeyPair kp = gen.generateKeyPair();

            AlgorithmIdentifier sigAlg = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
            X500Name name = new X500Name("CN=switchboard");
            long now = System.currentTimeMillis();
            V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
            tbs.setSerialNumber(new ASN1Integer(new BigInteger(63, RANDOM)));
            tbs.setSignature(sigAlg);
            tbs.setIssuer(name);
            tbs.setSubject(name);
            tbs.setStartDate(new Time(new Date(now - Duration.ofDays(1).toMillis())));
            tbs.setEndDate(new Time(new Date(now + Duration.ofDays(365).toMillis())));
            tbs.setSubjectPublicKeyInfo(SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(kp.getPublic()));
            TBSCertificate t = tbs.generateTBSCertificate();
            byte[] tbsDer = t.getEncoded(ASN1Encoding.DER);

            DSADigestSigner signer = new DSADigestSigner(new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest())),
                new SHA256Digest());
            signer.init(true, kp.getPrivate());
            signer.update(tbsDer, 0, tbsDer.length);
            byte[] signature = signer.generateSignature();
            byte[] der = new DERSequence(new ASN1Encodable[] {t, sigAlg, new DERBitString(signature)})
                .getEncoded(ASN1Encoding.DER);
            return new DtlsCertificate(kp.getPrivate(), der);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a DTLS certificate", e);
        }
    }

    /** "sha-256" and the colon-separated upper-case hex of our certificate's digest (RFC 8122 §5). */
    public String fingerprint() { return fingerprint; }

    public String hashFunction() { return "sha-256"; }

    /** The DER encoding (what the fingerprint is taken over). */
    public byte[] der() { return der.clone(); }

    AsymmetricKeyParameter privateKey() { return privateKey; }

    byte[] derNoCopy() { return der; }

    /**
     * The fingerprint of {@code der} with {@code hash} (RFC 8122 §5 names: sha-1, sha-224,
     * sha-256, sha-384, sha-512), or null for a hash function we do not know.
     */
    public static String fingerprint(String hash, byte[] der) {
        String jca = switch (hash == null ? "" : hash.toLowerCase(Locale.ROOT)) {
            case "sha-1" -> "SHA-1";
            case "sha-224" -> "SHA-224";
            case "sha-256" -> "SHA-256";
            case "sha-384" -> "SHA-384";
            case "sha-512" -> "SHA-512";
            default -> null;
        };
        if (jca == null) return null;
        try {
            byte[] d = MessageDigest.getInstance(jca).digest(der);
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            return null;
        }
    }
}
