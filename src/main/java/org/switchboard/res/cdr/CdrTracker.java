package org.switchboard.res.cdr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.switchboard.core.Channel;
import org.switchboard.core.ManagerEvent;

/**
 * The call record state machine, driven by the PBX's channel, dial and bridge events the way
 * Asterisk 12+ drives its CDRs from Stasis messages (see the CDR specification): a record per
 * channel from its creation; Dial gives the caller's record a Party B; a bridge pairs two channels,
 * the older or undialed one being Party A; leaving the bridge, a failed dial or a hangup ends a
 * record; a channel that goes on with a new application after that gets a new one. When a channel
 * hangs up, all its records are handed back to be posted. Not thread-safe: the engine serialises calls.
 */
final class CdrTracker {
    /** One channel the tracker follows, with its chain of records (oldest first). */
    static final class Track {
        final Channel channel;
        CdrSnapshot snap;
        final List<ActiveCdr> chain = new ArrayList<>();
        /** Created by a Dial for someone (never Party A of its own record while alone). */
        boolean dialed;
        /** CDR_PROP(party_a): preferred as Party A when paired. */
        boolean partyAPreferred;
        String bridge;

        Track(Channel channel, CdrSnapshot snap) {
            this.channel = channel;
            this.snap = snap;
        }

        ActiveCdr last() { return chain.get(chain.size() - 1); }
    }

    private final Map<String, Track> byUniqueId = new HashMap<>();
    private final Map<String, Track> byName = new HashMap<>();
    /** Records whose Party B is the named channel. */
    private final Map<String, List<ActiveCdr>> asPartyB = new HashMap<>();
    private final Map<String, List<Track>> bridges = new HashMap<>();
    private final Function<String, Channel> channels;
    private CdrConfig config;
    private int sequence;
    private long now;

    CdrTracker(CdrConfig config, Function<String, Channel> channels) {
        this.config = config;
        this.channels = channels;
    }

    void setConfig(CdrConfig c) { config = c; }

    Track track(Channel c) { return track(c.uniqueId(), c.name()); }

    Track track(String uniqueId, String name) {
        Track t = byUniqueId.get(uniqueId);
        return t != null ? t : byName.get(name);
    }

    /**
     * Applies one event; returns the records of any channel that hung up with it, ready to post
     * (dialed channels' records without a Party B are left out, as Asterisk does).
     */
    List<CdrRecord> on(ManagerEvent e, long nowMicros) {
        now = nowMicros;
        switch (e.name()) {
            case "Newchannel" -> newChannel(e);
            case "Newstate", "Newexten", "NewCallerid", "NewConnectedLine", "NewAccountCode" -> update(e, "");
            case "DialBegin" -> dialBegin(e);
            case "DialEnd" -> dialEnd(e);
            case "BridgeEnter" -> bridgeEnter(e);
            case "BridgeLeave" -> bridgeLeave(e);
            case "Hangup" -> { return hangup(e); }
            default -> { }
        }
        return List.of();
    }

    // ---- channels ----

    private void newChannel(ManagerEvent e) {
        String id = e.get("Uniqueid");
        if (id == null || id.isEmpty() || byUniqueId.containsKey(id)) return;
        // the message channels that run a chat's dialplan are internal (AST_CHAN_TP_INTERNAL): no records
        if (String.valueOf(e.get("Channel")).startsWith("Message/")) return;
        Channel ch = channels.apply(e.get("Channel"));
        Track t = new Track(ch, CdrSnapshot.of(e, "", ch, null));
        ActiveCdr first = new ActiveCdr(t.snap, sequence++, now);
        first.disabled = !config.channelDefaultEnabled();
        t.chain.add(first);
        byUniqueId.put(id, t);
        byName.put(t.snap.name(), t);
    }

    /** A channel changed (state, place, application, caller ID): its records as Party A and as Party B see it. */
    private Track update(ManagerEvent e, String prefix) {
        Track t = byUniqueId.get(e.get(prefix + "Uniqueid"));
        if (t == null) return null;
        CdrSnapshot old = t.snap;
        t.snap = CdrSnapshot.of(e, prefix, t.channel, old);
        boolean allRejected = true;
        for (ActiveCdr c : List.copyOf(t.chain)) allRejected &= !processPartyA(c, t.snap);
        if (allRejected && newRecordNeeded(old, t.snap)) {
            ActiveCdr n = append(t);
            processPartyA(n, t.snap);
        }
        for (ActiveCdr c : asPartyB.getOrDefault(t.snap.name(), List.of())) processPartyB(c, t.snap);
        return t;
    }

    /** @return true when the record took the update, false when it wants a new record made instead */
    private boolean processPartyA(ActiveCdr c, CdrSnapshot s) {
        switch (c.state) {
            case FINALIZED -> {
                return s.inHangup() && config.endBeforeHExten();
            }
            case DIALED_PENDING -> {
                if (placeChanged(c.partyA, s)) {
                    if (c.partyB != null) {
                        c.finish(now, config);
                        return processPartyA(c, s);
                    }
                    c.state = CdrState.SINGLE;
                }
                return basePartyA(c, s);
            }
            default -> {
                return basePartyA(c, s);
            }
        }
    }

    private boolean basePartyA(ActiveCdr c, CdrSnapshot s) {
        if (s.inHangup() && config.endBeforeHExten()) {
            // the record is complete before h runs, and CDR() there reads it as it was; only the
            // hangup cause set on the way (Hangup(), a busy far end) still decides the disposition
            c.partyA = c.partyA.withHangupCause(s.hangupCause());
            c.end(now, config);
            return true;
        }
        c.context = s.context();
        c.exten = s.exten();
        c.partyA = s;
        // originate's AppDial placeholder never replaces a real application
        if (!c.lockApp && !s.app().isEmpty() && (!startsWithIgnoreCase(s.app(), "appdial") || c.appl.isEmpty())) {
            c.appl = s.app();
            c.data = s.appData();
            if (s.app().equals("Dial")) c.lockApp = true;   // pre-dial hooks must not show instead of Dial
        }
        c.linkedId = s.linkedId();
        c.checkAnswer(now);
        if (s.dead() && !c.finalized()) c.finish(now, config);
        return true;
    }

    private void processPartyB(ActiveCdr c, CdrSnapshot s) {
        if (c.state != CdrState.DIAL && c.state != CdrState.BRIDGED) return;
        c.partyB = s;
        if (s.dead()) c.finish(now, config);
    }

    /** A different application at a different place: the channel is doing something new. */
    private boolean placeChanged(CdrSnapshot old, CdrSnapshot s) {
        if (s.inHangup() && config.endBeforeHExten()) return false;
        return !s.app().equals(old.app()) && !startsWithIgnoreCase(s.app(), "appdial")
                && (!s.context().equals(old.context()) || !s.exten().equals(old.exten()) || s.priority() != old.priority());
    }

    private boolean newRecordNeeded(CdrSnapshot old, CdrSnapshot s) {
        if (s.inHangup() && config.endBeforeHExten()) return false;
        if (s.app().isEmpty()) return false;
        return placeChanged(old, s);
    }

    private ActiveCdr append(Track t) {
        ActiveCdr n = t.last().next(sequence++, now);
        n.partyA = t.snap;
        t.chain.add(n);
        return n;
    }

    private List<CdrRecord> hangup(ManagerEvent e) {
        Track t = update(e, "");
        if (t == null) return List.of();
        List<CdrRecord> out = new ArrayList<>();
        for (ActiveCdr c : t.chain) {
            c.end(now, config);
            forgetPartyB(c);
            if (t.dialed && c.partyB == null) continue;   // a dialed channel alone has nothing to bill
            out.add(c.toRecord(config, now));
        }
        byUniqueId.remove(t.snap.uniqueId());
        byName.remove(t.snap.name(), t);
        if (t.bridge != null) leaveBridge(t.bridge, t);
        for (ActiveCdr c : asPartyB.getOrDefault(t.snap.name(), List.of())) c.end(now, config);
        return out;
    }

    // ---- dialing ----

    private void dialBegin(ManagerEvent e) {
        Track caller = byUniqueId.get(e.get("Uniqueid"));
        Track peer = byUniqueId.get(e.get("DestUniqueid"));
        if (peer != null) {
            peer.dialed = true;
            peer.snap = CdrSnapshot.of(e, "Dest", peer.channel, peer.snap);
        }
        if (caller == null || peer == null || config.ignoreDialChanges()) return;
        caller.snap = CdrSnapshot.of(e, "", caller.channel, caller.snap);
        boolean allRejected = true;
        for (ActiveCdr c : List.copyOf(caller.chain)) allRejected &= !dialBegin(c, caller.snap, peer.snap);
        if (allRejected) dialBegin(append(caller), caller.snap, peer.snap);
    }

    private boolean dialBegin(ActiveCdr c, CdrSnapshot caller, CdrSnapshot peer) {
        switch (c.state) {
            case SINGLE -> {
                basePartyA(c, caller);
                setPartyB(c, peer);
                c.lockApp = true;   // two parties now: mid-call hooks must not change the application
                c.state = CdrState.DIAL;
                return true;
            }
            case DIALED_PENDING -> {
                c.finish(now, config);
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    private void dialEnd(ManagerEvent e) {
        String status = e.get("DialStatus");
        if (status == null || status.equals("RINGING") || status.equals("PROCEEDING") || status.equals("PROGRESS")) return;
        Track caller = byUniqueId.get(e.get("Uniqueid"));
        String peerName = e.get("DestChannel");
        if (caller == null) return;
        caller.snap = CdrSnapshot.of(e, "", caller.channel, caller.snap);
        CdrDisposition d = CdrDisposition.ofDialStatus(status, config);
        for (ActiveCdr c : caller.chain) {
            if (config.ignoreDialChanges()) {
                if (!c.finalized()) c.disposition = d;
                continue;
            }
            if (c.state != CdrState.DIAL || (c.partyB != null && !c.partyB.name().equals(peerName))) continue;
            c.partyA = caller.snap;
            Track peer = byName.get(peerName);
            if (peer != null && c.partyB != null) c.partyB = peer.snap;
            c.disposition = d;
            if (d == CdrDisposition.ANSWERED) c.state = CdrState.DIALED_PENDING;
            else c.finish(now, config);
        }
    }

    // ---- bridges ----

    private void bridgeEnter(ManagerEvent e) {
        Track t = update(e, "");
        String id = e.get("BridgeUniqueid");
        if (t == null || id == null) return;
        t.bridge = id;
        List<Track> members = bridges.computeIfAbsent(id, k -> new ArrayList<>());
        members.add(t);
        if (members.size() != 2 || config.ignoreStateChanges()) return;
        Track other = members.get(0);
        Track a = pickPartyA(other, t);
        pair(a, a == t ? other : t, id);
    }

    /** A dialed channel is never Party A beside one that was not; then CDR_PROP(party_a); then the older channel. */
    private static Track pickPartyA(Track left, Track right) {
        if (left.dialed != right.dialed) return left.dialed ? right : left;
        if (left.partyAPreferred != right.partyAPreferred) return left.partyAPreferred ? left : right;
        return right.snap.createdMillis() < left.snap.createdMillis() ? right : left;
    }

    private void pair(Track a, Track b, String bridgeId) {
        ActiveCdr c = a.last();
        boolean ownDial = (c.state == CdrState.DIAL || c.state == CdrState.DIALED_PENDING)
                && c.partyB != null && c.partyB.name().equals(b.snap.name());
        boolean free = c.partyB == null && (c.state == CdrState.SINGLE || c.state == CdrState.DIAL || c.state == CdrState.DIALED_PENDING);
        if (!ownDial && !free) {
            if (!c.finalized()) c.finish(now, config);
            c = append(a);
        }
        setPartyB(c, b.snap);
        c.state = CdrState.BRIDGED;
        c.bridge = bridgeId;
        c.checkAnswer(now);
        // B's own record, alone until now, has been taken over by this pairing
        ActiveCdr own = b.last();
        if (own.partyB == null && !own.finalized()) own.finish(now, config);
    }

    private void bridgeLeave(ManagerEvent e) {
        Track t = update(e, "");
        String id = e.get("BridgeUniqueid");
        if (t == null || id == null) return;
        boolean left = false;
        for (ActiveCdr c : t.chain) {
            if (c.state == CdrState.BRIDGED && id.equals(c.bridge)) {
                c.finish(now, config);
                c.bridge = "";
                left = true;
            }
        }
        if (left) {
            for (ActiveCdr c : asPartyB.getOrDefault(t.snap.name(), List.of())) {
                if (c.state == CdrState.BRIDGED && id.equals(c.bridge)) c.end(now, config);
            }
        }
        leaveBridge(id, t);
    }

    private void leaveBridge(String id, Track t) {
        List<Track> members = bridges.get(id);
        if (members != null) {
            members.remove(t);
            if (members.isEmpty()) bridges.remove(id);
        }
        if (id.equals(t.bridge)) t.bridge = null;
    }

    private void setPartyB(ActiveCdr c, CdrSnapshot b) {
        if (c.partyB != null && !c.partyB.name().equals(b.name())) forgetPartyB(c);
        if (c.partyB == null || !c.partyB.name().equals(b.name())) asPartyB.computeIfAbsent(b.name(), k -> new ArrayList<>()).add(c);
        c.partyB = b;
    }

    private void forgetPartyB(ActiveCdr c) {
        if (c.partyB == null) return;
        List<ActiveCdr> l = asPartyB.get(c.partyB.name());
        if (l == null) return;
        l.remove(c);
        if (l.isEmpty()) asPartyB.remove(c.partyB.name());
    }

    // ---- what CDR(), CDR_PROP, ResetCDR, NoCDR and ForkCDR do ----

    /** Records where the channel is Party B that may still change (cdr.c skips finalized ones unless last). */
    List<ActiveCdr> partyBRecords(String channelName) { return asPartyB.getOrDefault(channelName, List.of()); }

    void setNow(long nowMicros) { now = nowMicros; }

    /**
     * ForkCDR: a copy of the newest record appended to the chain, in the same state, with the
     * first record's application and place; the application may change again on the fork.
     */
    ActiveCdr fork(Track t, CdrFork o) {
        ActiveCdr last = t.last();
        ActiveCdr first = t.chain.get(0);
        ActiveCdr f = last.next(sequence++, now);
        f.state = last.state;
        f.bridge = first.bridge;
        f.appl = first.appl;
        f.data = first.data;
        f.context = first.context;
        f.exten = first.exten;
        f.disabled = first.disabled;
        f.lockApp = false;
        if (last.partyB != null) {
            setPartyB(f, last.partyB);
            f.userfieldB = last.userfieldB;
            if (o.keepVariables()) f.varsB.putAll(last.varsB);
        }
        f.startMicros = last.startMicros;
        f.answerMicros = last.answerMicros;
        if (o.answerNow() && f.partyA.up()) f.answerMicros = now;
        if (o.resetTimes()) {
            f.answerMicros = now;
            f.startMicros = now;
        }
        if (!o.keepVariables()) f.varsA.clear();
        t.chain.add(f);
        if (o.endOriginal()) {
            for (ActiveCdr c : t.chain) if (c != f && !c.finalized()) c.finish(now, config);
        }
        return f;
    }

    /** Ends and returns every record of every channel (shutdown: Asterisk posts them all before it stops). */
    List<CdrRecord> drainAll(long nowMicros) {
        now = nowMicros;
        List<CdrRecord> out = new ArrayList<>();
        for (Track t : List.copyOf(byUniqueId.values())) {
            for (ActiveCdr c : t.chain) {
                c.end(now, config);
                if (t.dialed && c.partyB == null) continue;
                out.add(c.toRecord(config, now));
            }
        }
        byUniqueId.clear();
        byName.clear();
        asPartyB.clear();
        bridges.clear();
        return out;
    }

    static boolean startsWithIgnoreCase(String s, String prefix) { return s.regionMatches(true, 0, prefix, 0, prefix.length()); }
}
