package org.switchboard.channels.skype;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.switchboard.media.rtp.RtpSession;
import org.switchboard.net.xmpp.jingle.Jingle;

/**
 * The media of one Skype call as the Jingle session sees it: an ICE agent with DTLS-SRTP
 * (XEP-0176, XEP-0320, RFC 5764) under an {@link RtpSession}. The session only moves its
 * descriptions in and out; {@link Factory} says what carries them.
 */
interface SkypeMedia extends AutoCloseable {
    /** Makes the media of one call. */
    interface Factory {
        /**
         * @param controlling ICE role (RFC 8445 §6.1.1): the offerer controls
         * @param listener    where decoded voice and digits go
         */
        SkypeMedia open(SkypeModule module, SkypeAccount account, boolean controlling, RtpSession.Listener listener) throws IOException;
    }

    /** Why media could not start or stopped; the Jingle reason and Q.850 cause follow from it. */
    enum Failure { ICE_FAILED, DTLS_FAILED, FINGERPRINT_MISMATCH, TIMEOUT, CONSENT_LOST }

    /** Our transport for an offer or answer: ICE credentials, candidates, fingerprint and setup. */
    Jingle.IceUdpTransport local();

    /** The peer's credentials, fingerprint and setup (and any candidates it carried); starts the checks. */
    void remote(Jingle.IceUdpTransport transport);

    /** Candidates trickled in transport-info (XEP-0176 §5.3). */
    void addCandidates(List<Jingle.Candidate> candidates);

    /** Completes when media can flow (ICE pair selected, DTLS done, SRTP keyed); fails with a {@link Failure}. */
    CompletableFuture<Void> ready();

    /** Called once when media fails after {@link #ready} (consent lost, RFC 7675). */
    void onFailure(Consumer<Failure> listener);

    /** The RTP stream, or null when this carrier has none (signalling only). */
    RtpSession rtp();

    /** For {@code skype show calls}: the selected ICE pair, or "-". */
    String pair();

    /** For {@code skype show calls}: new, connecting, connected, failed, closed. */
    String dtlsState();

    @Override
    void close();
}
