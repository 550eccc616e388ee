/**
 * sip.conf in chan_sip's syntax: {@link org.switchboard.channels.sip.config.SipConfig#read} turns a
 * {@link org.switchboard.config.Config} into an immutable
 * {@link org.switchboard.channels.sip.config.SipSettings} ([general], the
 * {@link org.switchboard.channels.sip.config.SipPeer}s and the
 * {@link org.switchboard.channels.sip.config.SipRegistration} lines), with every unknown option,
 * bad value and bad register line as a {@link org.switchboard.config.ConfigProblem} at its file:line.
 * Permit/deny lists are {@link org.switchboard.channels.sip.config.Acl}s evaluated as Asterisk's acl.c does.
 */
package org.switchboard.channels.sip.config;
