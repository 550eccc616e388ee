package org.switchboard.channels.sip.transport;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What a SIP TLS transport needs (RFC 3261 §26.3.1), as pjsip.conf's {@code type=transport
 * protocol=tls} or sip.conf's {@code tls*} options give it. Certificates are PEM files.
 *
 * @param bindHost     where to listen
 * @param bindPort     5061 unless told otherwise
 * @param certFile     our certificate chain (pjsip {@code cert_file}, chan_sip {@code tlscertfile})
 * @param keyFile      its private key, PKCS#8 or PKCS#1 PEM; null when {@code certFile} holds it too
 *                     (chan_sip's {@code tlsprivatekey} defaults to the cert file)
 * @param caFile       the CAs a peer's certificate must chain to (pjsip {@code ca_list_file},
 *                     chan_sip {@code tlscafile}); null for the JDK's default trust store
 * @param protocols    TLS versions allowed, as JSSE names them ("TLSv1.2", "TLSv1.3")
 * @param verifyClient a client's certificate, when it sends one, must chain to {@code caFile}
 *                     (pjsip {@code verify_client}); a bad one fails the handshake
 * @param requireClientCert a client must send a certificate (pjsip {@code require_client_cert})
 * @param verifyServer our outgoing connections check the server's certificate and name
 *                     (pjsip {@code verify_server}; chan_sip's {@code tlsdontverifyserver=no})
 * @param where        file:line of the section, for log lines
 */
public record TlsSettings(String bindHost, int bindPort, Path certFile, Path keyFile, Path caFile,
                          List<String> protocols, boolean verifyClient, boolean requireClientCert,
                          boolean verifyServer, String where) {
    public static final int DEFAULT_PORT = 5061;
    /** TLS 1.2 and 1.3: what "sslv23" (any) means on a current JDK, which refuses older ones. */
    public static final List<String> ANY = List.of("TLSv1.3", "TLSv1.2");

    public TlsSettings {
        protocols = List.copyOf(protocols);
    }

    /**
     * The JSSE protocol list for a pjsip {@code method} or chan_sip {@code tlsclientmethod}
     * word, or null for a word that names none we offer.
     */
    public static List<String> protocolsFor(String method) {
        return switch (method.trim().toLowerCase(Locale.ROOT)) {
            case "", "default", "sslv23", "tlsv1+" -> ANY;
            case "tlsv1_2", "tlsv1.2" -> List.of("TLSv1.2");
            case "tlsv1_3", "tlsv1.3" -> List.of("TLSv1.3");
            default -> null; // sslv2, sslv3, tlsv1, tlsv1_1: refused by current JDKs, as by current OpenSSL
        };
    }
}
