package org.switchboard.channels.sip.message;

/** What {@link SipParser} makes of some bytes: a message, or a failure value. Never thrown. */
public sealed interface ParseResult permits ParseResult.Ok, ParseResult.Failure {

    /** A well-formed message. */
    record Ok(SipMessage message) implements ParseResult {}

    /**
     * A message that could not be accepted. {@code status} is the response a server should send
     * for a request (400, 414, 416, 505, 513; 0 for a response, which is dropped, §18.1.2), {@code reason} says why in words. {@code method} is
     * the request's method when the start line was a request line (null otherwise), and
     * {@code headers} holds what could be read, enough to build the answer when {@link #canAnswer()}.
     */
    record Failure(int status, String reason, String method, Headers headers) implements ParseResult {
        public Failure {
            if (headers == null) headers = Headers.EMPTY;
        }

        public boolean isRequest() { return method != null; }

        /**
         * Whether a response can be sent: to a request other than ACK (§17.2.1: never answered)
         * whose CSeq was read, and its Call-ID or a Via, so the sender can match the answer
         * (§8.2.6.2 copies what there is; §17.1.3 matches by the Via branch and the CSeq method,
         * so RFC 4475 §3.3.1's request without Call-ID, From and To still gets its 400; a CSeq
         * that does not parse is echoed as it came). The answer goes back where the request came
         * from (the datagram's source, the same connection), so it is sent even when no Via could
         * be read (a Via is echoed only when it parses).
         */
        public boolean canAnswer() {
            if (method == null || method.equals(SipMethod.ACK)) return false;
            return headers.contains(HeaderNames.CSEQ)
                && (headers.contains(HeaderNames.CALL_ID) || headers.contains(HeaderNames.VIA));
        }
    }

    default boolean isOk() { return this instanceof Ok; }

    /** The message, or null for a failure. */
    default SipMessage messageOrNull() { return this instanceof Ok ok ? ok.message() : null; }
}
