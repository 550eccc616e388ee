package org.switchboard.channels.sip.transaction;

import org.switchboard.channels.sip.transport.SipSender;

/** What every transaction shares: how to send, how to time, and the timer values. */
public record TransactionContext(SipSender sender, SipTimers timers, TimerSettings settings) {
    public TransactionContext {
        if (settings == null) settings = TimerSettings.DEFAULT;
    }
}
