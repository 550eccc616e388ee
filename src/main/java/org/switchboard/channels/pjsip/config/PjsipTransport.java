package org.switchboard.channels.pjsip.config;

import org.switchboard.channels.sip.transport.TlsSettings;

/**
 * A {@code type=transport} section: {@code protocol} (udp, tcp, tls, ws or wss) and {@code bind}
 * (host[:port], 5060 by default, 5061 for tls); {@code tls} holds a tls transport's
 * {@code cert_file}, {@code priv_key_file}, {@code ca_list_file}, {@code method},
 * {@code verify_client}, {@code require_client_cert} and {@code verify_server} (null otherwise).
 * A ws or wss transport ignores its bind, as res_pjsip_transport_websocket
 * does: it rides the HTTP server of http.conf.
 */
public record PjsipTransport(String name, String protocol, String host, int port, TlsSettings tls, String file, int line) {}
