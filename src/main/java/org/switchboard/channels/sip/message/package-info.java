/**
 * The SIP message codec (RFC 3261 §7, §20, §25): immutable records ({@link
 * org.switchboard.channels.sip.message.SipRequest}, {@link org.switchboard.channels.sip.message.SipResponse},
 * {@link org.switchboard.channels.sip.message.SipUri}, {@link org.switchboard.channels.sip.message.Via},
 * {@link org.switchboard.channels.sip.message.NameAddr}, {@link org.switchboard.channels.sip.message.CSeq},
 * Digest challenge and credentials), {@link org.switchboard.channels.sip.message.SipParser} for datagrams,
 * {@link org.switchboard.channels.sip.message.SipStreamDecoder} for streams and
 * {@link org.switchboard.channels.sip.message.SipWriter}. No I/O, no timers, no threads: transactions,
 * dialogs and transports consume these records. Bad input is a
 * {@link org.switchboard.channels.sip.message.ParseResult.Failure} value, never an exception.
 */
package org.switchboard.channels.sip.message;
