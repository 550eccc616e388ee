package org.switchboard.channels.sip;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.channels.sip.transaction.ServerTransaction;
import org.switchboard.core.HangupCause;

/**
 * The calls of one stack, found by Call-ID and our tag (the half of the dialog ID we chose, so
 * requests with the To tag we gave and responses with our From tag find their call, RFC 3261
 * §12), and unanswered incoming ones by their INVITE transaction (for CANCEL, §9.2).
 */
public final class SipCalls {
    private final ConcurrentHashMap<String, SipCall> byKey = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ServerTransaction, SipCall> byInvite = new ConcurrentHashMap<>();

    static String key(String callId, String localTag) { return callId + "\u0000" + localTag; }

    void add(SipCall c) { byKey.put(key(c.callId(), c.localTag()), c); }

    void addPending(ServerTransaction invite, SipCall c) { byInvite.put(invite, c); }

    void removePending(ServerTransaction invite) { byInvite.remove(invite); }

    SipCall pending(ServerTransaction invite) { return invite == null ? null : byInvite.get(invite); }

    SipCall find(String callId, String localTag) {
        return callId == null || localTag == null ? null : byKey.get(key(callId, localTag));
    }

    void remove(SipCall c) {
        byKey.remove(key(c.callId(), c.localTag()), c);
        byInvite.values().remove(c);
    }

    public int size() { return byKey.size(); }

    public Collection<SipCall> all() { return List.copyOf(byKey.values()); }

    /** Unloading: every call ends. */
    void hangupAll() {
        for (SipCall c : new ArrayList<>(byKey.values())) c.remoteHangup(HangupCause.NORMAL_CLEARING);
    }
}
