package org.switchboard.net.xmpp;

import java.util.List;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * How one client account reaches its server, whatever config file named it (chan_skype.conf,
 * xmpp.conf): the JID's parts, where to connect, whether STARTTLS is required (RFC 6120 §5) and
 * whom to trust, which SASL mechanisms to offer (RFC 6120 §6).
 *
 * @param host       where to connect; null: the domain
 * @param requireTls true: STARTTLS or no login; false: plain text (only for a server on loopback)
 * @param trust      null: the JDK's CAs
 * @param anyHost    true: the certificate's name is not checked (chan_skype's tls_verify=no)
 * @param mechanisms SASL mechanisms offered, most preferred first; empty: all Smack knows
 */
public record XmppClientSettings(String domain, String localpart, String secret, String resource, String host, int port,
                                 boolean requireTls, X509TrustManager trust, boolean anyHost, List<String> mechanisms) {
    public XmppClientSettings {
        mechanisms = List.copyOf(mechanisms);
    }

    /** Smack's configuration for a new connection: no presence at login (the account sends its own), 10 s to connect. */
    public XMPPTCPConnectionConfiguration configuration() throws XmppStringprepException {
        XMPPTCPConnectionConfiguration.Builder b = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(domain)
                .setUsernameAndPassword(localpart, secret)
                .setResource(resource)
                .setPort(port)
                .setSecurityMode(requireTls ? ConnectionConfiguration.SecurityMode.required : ConnectionConfiguration.SecurityMode.disabled)
                .setSendPresence(false)
                .setConnectTimeout(10_000);
        if (!mechanisms.isEmpty()) b.addEnabledSaslMechanism(mechanisms);
        if (host != null) b.setHost(host);
        if (trust != null) b.setCustomX509TrustManager(trust);
        if (anyHost) b.setHostnameVerifier((h, session) -> true);
        return b.build();
    }
}
