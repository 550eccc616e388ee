package org.switchboard.res.manager;

/** Where {@link AmiParser} is within the byte stream. */
enum AmiParserState {
    /** Collecting the bytes of a header line. */
    READ_LINE,
    /** The current line is over the limit: its bytes are dropped until its end, the message fails. */
    DISCARD_LINE
}
