/** chan_sip's dialplan applications and functions ({@code SIPAddHeader}, {@code SIP_HEADER}, {@code SIPPEER}, ...), one class each. */
package org.switchboard.channels.sip.apps;
