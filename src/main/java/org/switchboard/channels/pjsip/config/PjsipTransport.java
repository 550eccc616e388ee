package org.switchboard.channels.pjsip.config;

/**
 * A {@code type=transport} section: {@code protocol} (udp, tcp, ws or wss) and {@code bind}
 * (host[:port], 5060 by default). A ws or wss transport ignores its bind, as res_pjsip_transport_websocket
 * does: it rides the HTTP server of http.conf.
 */
public record PjsipTransport(String name, String protocol, String host, int port, String file, int line) {}
