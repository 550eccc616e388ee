package org.switchboard.channels.sip.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.switchboard.channels.sip.transport.TlsSettings;
import org.switchboard.config.ConfigEntry;

/**
 * chan_sip's TLS options of [general] while they are read: {@code tlsenable}, {@code tlsbindaddr}
 * (port 5061 unless given), {@code tlscertfile} (default {@code /etc/asterisk/keys/asterisk.pem},
 * as chan_sip), {@code tlsprivatekey} (default: the cert file), {@code tlscafile},
 * {@code tlsclientmethod} and {@code tlsdontverifyserver}. chan_sip never asks a client for a
 * certificate.
 */
final class ChanSipTls {
    static final java.util.Set<String> KEYS = java.util.Set.of("tlsenable", "tlsbindaddr", "tlscertfile",
        "tlsprivatekey", "tlscafile", "tlscapath", "tlsclientmethod", "tlsdontverifyserver", "tlscipher", "sslcertfile",
        "sslprivatekey", "sslcafile", "sslclientmethod", "ssldontverifyserver", "sslenable", "sslbindaddr", "sslcipher");

    private boolean enabled;
    private String host = "0.0.0.0";
    private int port = TlsSettings.DEFAULT_PORT;
    private String cert = "/etc/asterisk/keys/asterisk.pem";
    private String key;
    private String ca;
    private List<String> protocols = TlsSettings.ANY;
    private boolean verifyServer = true;
    private String where = "sip.conf";

    /** Reads one of {@link #KEYS} ({@code ssl*} are chan_sip's old spellings). */
    void read(ConfigEntry e, ConfValues v) {
        String k = e.key().toLowerCase(Locale.ROOT).replaceFirst("^ssl", "tls");
        switch (k) {
            case "tlsenable" -> {
                enabled = v.bool(e, false);
                where = e.file() + ":" + e.line();
            }
            case "tlsbindaddr" -> {
                Object[] hp = v.hostPort(e, true);
                if (hp != null) {
                    host = (String) hp[0];
                    if ((int) hp[1] > 0) port = (int) hp[1];
                }
            }
            case "tlscertfile" -> cert = path(e, v, cert);
            case "tlsprivatekey" -> key = path(e, v, key);
            case "tlscafile" -> ca = path(e, v, ca);
            case "tlsclientmethod" -> {
                List<String> p = TlsSettings.protocolsFor(e.value());
                if (p != null) protocols = p;
                else v.problem(e, "tlsclientmethod '" + e.value().trim() + "' is not offered (tlsv1_2, tlsv1_3 or sslv23 for both)");
            }
            case "tlsdontverifyserver" -> verifyServer = !v.bool(e, false);
            default -> { } // tlscapath, tlscipher: the JDK's trust store and cipher suites apply
        }
    }

    private static String path(ConfigEntry e, ConfValues v, String dflt) {
        String p = e.value().trim();
        if (p.isEmpty()) {
            v.problem(e, "empty " + e.key());
            return dflt;
        }
        return p;
    }

    /** The TLS transport to start, or null when {@code tlsenable} is off. */
    TlsSettings settings() {
        if (!enabled) return null;
        return new TlsSettings(host, port, Path.of(cert), key == null ? null : Path.of(key), ca == null ? null : Path.of(ca),
            protocols, false, false, verifyServer, where);
    }
}
