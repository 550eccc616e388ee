package org.switchboard.channels.sip;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.switchboard.channels.sip.config.SipSettings;
import org.switchboard.channels.sip.transport.SipTransportListener;
import org.switchboard.channels.sip.transport.TcpSipTransport;
import org.switchboard.channels.sip.transport.TlsContexts;
import org.switchboard.channels.sip.transport.TlsSettings;
import org.switchboard.core.PbxLog;

/**
 * Starts the TLS listener a configuration asks for (sip.conf {@code tlsenable}, pjsip.conf's
 * {@code protocol=tls} transport). A certificate or key that cannot be used is one error line
 * naming the file and the setting, and the stack runs on without TLS, as Asterisk does.
 */
final class SipTlsTransport {
    private SipTlsTransport() {}

    /** The bound TLS transport, or null when none is configured or it cannot be used. */
    static TcpSipTransport start(SipSettings settings, SipTransportListener listener) throws InterruptedException {
        TlsSettings s = settings.tls();
        if (s == null) return null;
        TlsContexts contexts;
        try {
            contexts = TlsContexts.of(s);
        } catch (IllegalArgumentException e) {
            PbxLog.error("chan_sip.c", s.where() + ": TLS transport not started: " + e.getMessage());
            return null;
        }
        try {
            TcpSipTransport t = TcpSipTransport.bindTls(new InetSocketAddress(InetAddress.getByName(s.bindHost()), s.bindPort()),
                listener, settings.tcpLimits(), settings.messageLimits(), contexts);
            PbxLog.verbose(2, "SIP TLS transport listening on " + s.bindHost() + ":" + t.localAddress().getPort()
                + " (" + String.join(", ", s.protocols()) + (s.verifyClient() ? ", verify_client" : "") + ")");
            return t;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) { // a port in use arrives as a (sneaky) BindException
            PbxLog.error("chan_sip.c", s.where() + ": TLS transport not started: cannot bind " + s.bindHost() + ":"
                + s.bindPort() + ": " + e.getMessage());
            return null;
        }
    }
}
