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
         * Whether a response can be sent (RFC 3261 §8.2.6.1: Via, Call-ID and CSeq, the last copied even when it does not parse;
         * an ACK is never answered, §17.2.1).
         */
        public boolean canAnswer() {
            if (method == null || method.equals(SipMethod.ACK)) return false;
            try {
                // Via routes the answer, Call-ID and CSeq let the sender match it; a missing From or
                // To is the very fault the 400 reports, so it is left out of the answer
                return headers.first(HeaderNames.VIA, Via::parse) != null
                    && headers.contains(HeaderNames.CALL_ID) && headers.contains(HeaderNames.CSEQ); // a bad CSeq is echoed as it came
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }

    default boolean isOk() { return this instanceof Ok; }

    /** The message, or null for a failure. */
    default SipMessage messageOrNull() { return this instanceof Ok ok ? ok.message() : null; }
}
