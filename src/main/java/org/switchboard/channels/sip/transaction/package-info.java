/**
 * RFC 3261 §17 transactions: {@link org.switchboard.channels.sip.transaction.ClientInviteTransaction},
 * {@link org.switchboard.channels.sip.transaction.ClientNonInviteTransaction},
 * {@link org.switchboard.channels.sip.transaction.ServerInviteTransaction} and
 * {@link org.switchboard.channels.sip.transaction.ServerNonInviteTransaction}, each a small state
 * machine with its states as an enum, timed through {@link org.switchboard.channels.sip.transaction.SipTimers},
 * and the {@link org.switchboard.channels.sip.transaction.TransactionLayer} that matches messages to them
 * and talks to the {@link org.switchboard.channels.sip.transaction.TransactionUser}.
 */
package org.switchboard.channels.sip.transaction;
