package org.switchboard.channels.sip.transport;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLException;

/**
 * The two TLS contexts of one transport, built once from {@link TlsSettings}: the server side
 * for connections we accept, the client side for those we open. Building reads and checks the
 * PEM files, so a missing or unreadable certificate is one clear error at start, not a failed
 * handshake later.
 */
public final class TlsContexts {
    private final SslContext server;
    private final SslContext client;
    private final TlsSettings settings;

    private TlsContexts(SslContext server, SslContext client, TlsSettings settings) {
        this.server = server;
        this.client = client;
        this.settings = settings;
    }

    /** Builds both contexts; IllegalArgumentException naming the file when one cannot be used. */
    public static TlsContexts of(TlsSettings s) {
        File cert = readable(s.certFile(), "certificate");
        File key = readable(s.keyFile() != null ? s.keyFile() : s.certFile(), "private key");
        File ca = s.caFile() == null ? null : readable(s.caFile(), "CA list");
        try {
            SslContextBuilder sb = SslContextBuilder.forServer(cert, key).protocols(s.protocols())
                .clientAuth(s.requireClientCert() ? ClientAuth.REQUIRE : s.verifyClient() ? ClientAuth.OPTIONAL : ClientAuth.NONE);
            if (ca != null) sb.trustManager(ca);
            SslContextBuilder cb = SslContextBuilder.forClient().protocols(s.protocols()).keyManager(cert, key);
            if (!s.verifyServer()) {
                cb.trustManager(InsecureTrustManagerFactory.INSTANCE).endpointIdentificationAlgorithm(null);
            } else {
                if (ca != null) cb.trustManager(ca);
                cb.endpointIdentificationAlgorithm("HTTPS"); // RFC 5922 §7.2: the name we connect to must be in the certificate
            }
            return new TlsContexts(sb.build(), cb.build(), s);
        } catch (SSLException | IllegalArgumentException e) {
            Throwable c = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException("cannot use " + s.certFile() + (s.keyFile() != null ? " / " + s.keyFile() : "")
                + ": " + c.getMessage(), e);
        }
    }

    private static File readable(Path p, String what) {
        if (p == null) throw new IllegalArgumentException("no " + what + " file given");
        if (!Files.isReadable(p)) throw new IllegalArgumentException(what + " file " + p + " cannot be read");
        return p.toFile();
    }

    public TlsSettings settings() { return settings; }

    SslHandler serverHandler(ByteBufAllocator alloc) { return server.newHandler(alloc); }

    /** For a connection we open to {@code to}: the name checked against its certificate is its address as given. */
    SslHandler clientHandler(ByteBufAllocator alloc, InetSocketAddress to) {
        return client.newHandler(alloc, to.getHostString(), to.getPort());
    }
}
