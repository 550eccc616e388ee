/**
 * chan_pjsip: Asterisk's pjsip.conf dialect and {@code PJSIP/} dialling on the one SIP stack of
 * {@code channels.sip} (its transactions, dialogs, registrar, digest auth and RTP). pjsip.conf is
 * mapped onto that stack's peers plus {@link org.switchboard.channels.sip.registrar.PeerRules}
 * (aor limits, auth usernames, identify, 401 challenges); the module runs its own instance of the
 * stack on the pjsip transport's bind, so sip.conf and pjsip.conf may both load, on different
 * ports, as chan_sip and chan_pjsip could in Asterisk up to 20. One shared port was left out on
 * purpose: a request would have to pick its dialect by name before being parsed for auth, and a
 * name present in both files has no right answer.
 */
package org.switchboard.channels.pjsip;
