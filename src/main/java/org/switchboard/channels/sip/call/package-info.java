/**
 * A SIP call leg: {@link org.switchboard.channels.sip.call.SipCall} (the channel technology) with
 * its two sides {@link org.switchboard.channels.sip.call.SipUac} and
 * {@link org.switchboard.channels.sip.call.SipUas}, the INVITE usage as a state machine
 * ({@link org.switchboard.channels.sip.call.InviteSession}, RFC 3261 §13-§15), the offer/answer
 * and media of the call, and the calls the stack has in progress.
 */
package org.switchboard.channels.sip.call;
