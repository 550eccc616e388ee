package org.switchboard.channels.sip.dialog;

import java.util.Collection;
import java.util.Collections;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.channels.sip.message.NameAddr;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;

/** The dialogs of this UA, keyed by dialog ID (RFC 3261 §12); thread-safe. */
public final class SipDialogs {
    private final ConcurrentHashMap<SipDialog.Id, SipDialog> byId = new ConcurrentHashMap<>();

    /** Adds a dialog; returns the one already held under its ID instead, if any. */
    public SipDialog add(SipDialog d) {
        SipDialog old = byId.putIfAbsent(d.id(), d);
        return old == null ? d : old;
    }

    public SipDialog get(SipDialog.Id id) { return byId.get(id); }

    public boolean remove(SipDialog d) { return byId.remove(d.id(), d); }

    public int size() { return byId.size(); }

    public Collection<SipDialog> all() { return Collections.unmodifiableCollection(byId.values()); }

    /** The ID an incoming request belongs to (§12.2.2): local tag from To, remote tag from From. */
    public static SipDialog.Id idOfIncoming(SipRequest r) {
        return new SipDialog.Id(r.callId(), tag(r.to()), tag(r.from()));
    }

    /** The ID an incoming response belongs to (§12.1.2): local tag from From, remote tag from To. */
    public static SipDialog.Id idOfResponse(SipResponse r) {
        return new SipDialog.Id(r.callId(), tag(r.from()), tag(r.to()));
    }

    /** The dialog an incoming request belongs to, or null (no To tag: not in-dialog, §12.2.2). */
    public SipDialog find(SipRequest request) {
        SipDialog.Id id = idOfIncoming(request);
        return id.callId() == null || id.localTag() == null ? null : byId.get(id);
    }

    /** The dialog a response to our request belongs to, or null. */
    public SipDialog find(SipResponse response) {
        SipDialog.Id id = idOfResponse(response);
        return id.callId() == null || id.remoteTag() == null ? null : byId.get(id);
    }

    private static String tag(NameAddr a) { return a == null ? null : a.tag(); }
}
