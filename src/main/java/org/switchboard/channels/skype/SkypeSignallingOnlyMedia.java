package org.switchboard.channels.skype;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.switchboard.media.rtp.RtpSession;
import org.switchboard.net.xmpp.jingle.Jingle;

/**
 * Media that carries nothing: well-formed ICE credentials and a fingerprint so the signalling is
 * complete, no candidates, ready at once. What a call has when no media transport is plugged in
 * (signalling tests, and the fallback the module names in its log when ICE cannot start).
 */
final class SkypeSignallingOnlyMedia implements SkypeMedia {
    static final Factory FACTORY = (module, account, controlling, listener) -> new SkypeSignallingOnlyMedia();
    private static final SecureRandom RANDOM = new SecureRandom();

    private volatile Jingle.IceUdpTransport local;
    private volatile String state = "new";

    SkypeSignallingOnlyMedia() {
        byte[] fp = new byte[32];
        RANDOM.nextBytes(fp);
        local = new Jingle.IceUdpTransport(random(4), random(22), List.of(),
            new Jingle.Fingerprint("sha-256", "actpass", HexFormat.ofDelimiter(":").withUpperCase().formatHex(fp)));
    }

    private static String random(int n) {
        String abc = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.append(abc.charAt(RANDOM.nextInt(abc.length())));
        return sb.toString();
    }

    @Override public Jingle.IceUdpTransport local() { return local; }
    @Override
    public void remote(Jingle.IceUdpTransport transport) {
        state = "connected";
        Jingle.Fingerprint f = local.fingerprint();
        // RFC 8842 §5.3: the answerer to actpass is active
        local = new Jingle.IceUdpTransport(local.ufrag(), local.pwd(), List.of(), new Jingle.Fingerprint(f.hash(), "active", f.value()));
    }
    @Override public void addCandidates(List<Jingle.Candidate> candidates) { }
    @Override public CompletableFuture<Void> ready() { return CompletableFuture.completedFuture(null); }
    @Override public void onFailure(Consumer<Failure> listener) { }
    @Override public RtpSession rtp() { return null; }
    @Override public String pair() { return "-"; }
    @Override public String dtlsState() { return state; }
    @Override public void close() { state = "closed"; }
}
