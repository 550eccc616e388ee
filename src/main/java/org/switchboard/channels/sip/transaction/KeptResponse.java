package org.switchboard.channels.sip.transaction;

import org.switchboard.channels.sip.message.ParseResult;
import org.switchboard.channels.sip.message.SipLimits;
import org.switchboard.channels.sip.message.SipParser;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.message.SipWriter;

/**
 * The final response a completed server transaction replays when its request is retransmitted
 * (RFC 3261 §17.2.1, §17.2.2), kept as the bytes it went out as. A BYE's transaction lingers
 * 64*T1 for a retransmission that rarely comes: at 3,000 calls/s that is 96,000 of them, and the
 * bytes are a third of the parsed response's strings and arrays. A replay parses them again.
 */
final class KeptResponse {
    private static final SipParser PARSER = new SipParser(SipLimits.DEFAULT); // keeps no state between calls

    private final byte[] wire;
    private final SipResponse unparsable; // one our parser would refuse (over its limits): kept as it is

    private KeptResponse(byte[] wire, SipResponse unparsable) {
        this.wire = wire;
        this.unparsable = unparsable;
    }

    static KeptResponse of(SipResponse r) {
        byte[] wire = SipWriter.write(r);
        return wire.length <= SipLimits.DEFAULT.maxMessageSize() ? new KeptResponse(wire, null) : new KeptResponse(null, r);
    }

    /**
     * The response again, as it was sent; null in the unlikely case our parser refuses what our
     * writer wrote (then the retransmission goes unanswered, as after the transaction's end).
     */
    SipResponse response() {
        if (unparsable != null) return unparsable;
        return PARSER.parse(wire) instanceof ParseResult.Ok ok ? (SipResponse) ok.message() : null;
    }
}
