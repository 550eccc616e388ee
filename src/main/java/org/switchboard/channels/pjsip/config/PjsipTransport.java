package org.switchboard.channels.pjsip.config;

/** A {@code type=transport} section: {@code protocol} (udp or tcp) and {@code bind} (host[:port], 5060 by default). */
public record PjsipTransport(String name, String protocol, String host, int port, String file, int line) {}
