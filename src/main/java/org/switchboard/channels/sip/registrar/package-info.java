/**
 * chan_sip's registrar and digest authentication, as pure logic over the message records:
 * {@link org.switchboard.channels.sip.registrar.Registrar} decides each REGISTER (challenge, ACL,
 * digest MD5/SHA-256, expiry rules, bindings in {@link org.switchboard.channels.sip.registrar.Bindings});
 * {@link org.switchboard.channels.sip.registrar.DigestAuthenticator} issues and checks nonces for the
 * registrar and the INVITE path; {@link org.switchboard.channels.sip.registrar.AuthFailureTracker}
 * blocks addresses that keep failing. No sockets, no threads: time comes from an injected Clock.
 */
package org.switchboard.channels.sip.registrar;
