package org.switchboard.net.dtls;

import java.io.IOException;

/** A DTLS-SRTP handshake that failed, with the reason a caller acts on. */
public final class DtlsException extends IOException {
    private static final long serialVersionUID = 1L;
    private final DtlsFailure failure;

    public DtlsException(DtlsFailure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    public DtlsFailure failure() { return failure; }
}
