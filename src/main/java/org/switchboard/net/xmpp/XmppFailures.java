package org.switchboard.net.xmpp;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.sasl.SASLErrorException;

/** Why an XMPP login or send failed, in one line an admin can act on (chan_skype and res_xmpp logs). */
public final class XmppFailures {
    private XmppFailures() {}

    /** One line that says why a login or a send failed. */
    public static String reason(Throwable e) {
        if (e instanceof SASLErrorException sasl) {
            return "authentication refused (" + sasl.getSASLFailure().getSASLErrorString() + "): wrong password or unknown account";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException u) return "unknown host " + u.getMessage();
            if (t instanceof CertificateException || t instanceof javax.net.ssl.SSLHandshakeException) {
                return "certificate refused: " + t.getMessage();
            }
            if (t instanceof SmackException.SmackCertificateException) return "certificate refused: " + t.getMessage();
            if (t instanceof ConnectException) return "connection refused";
            if (t instanceof SSLException) return "TLS failed: " + t.getMessage();
            if (t instanceof SmackException.SecurityRequiredByClientException) return "the server does not offer STARTTLS, which we require";
            if (t instanceof SmackException.NoResponseException) return "no response from the server";
            if (t instanceof SmackException.EndpointConnectionException ec) {
                String m = ec.getMessage();
                if (m != null && (m.contains("UnknownHost") || m.contains("unknown host"))) return "unknown host: " + m;
                if (m != null && m.contains("Connection refused")) return "connection refused";
            }
            if (t instanceof XMPPException.StreamErrorException se) return "stream error " + se.getStreamError().getCondition();
        }
        String m = e.getMessage();
        if (e instanceof IllegalArgumentException && m != null) return m;
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m.replace('\n', ' '));
    }
}
