/**
 * The client side of chan_sip's {@code register =>} lines (RFC 3261 §10.2): one
 * {@link org.switchboard.channels.sip.registry.RegistrationClient} per line keeps us registered at
 * a trunk's registrar, answering digest challenges, refreshing before the binding expires and
 * retrying after failures; {@link org.switchboard.channels.sip.registry.SipRegistry} holds them all,
 * follows {@code sip reload} and renders {@code sip show registry}.
 *
 * <p>{@link org.switchboard.channels.sip.registry.RegisterRequests} builds the REGISTER requests and
 * reads the responses without I/O; the client is the state machine above the transaction layer.
 */
package org.switchboard.channels.sip.registry;
