/** chan_sip's Manager actions ({@code SIPpeers}, {@code SIPshowpeer}, ...), one class each. */
package org.switchboard.channels.sip.ami;
