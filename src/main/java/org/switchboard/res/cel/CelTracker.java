package org.switchboard.res.cel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.switchboard.core.Channel;
import org.switchboard.core.ManagerEvent;

/**
 * Turns the PBX's channel events into CEL records as Asterisk 12+'s cel.c derives them from
 * channel snapshots: CHAN_START at creation; ANSWER when the channel goes Up; APP_END and
 * APP_START when the application changes (tracked ones only, the end also at hangup);
 * BRIDGE_ENTER/BRIDGE_EXIT with the other channels of the bridge as peer; HANGUP with the cause,
 * then CHAN_END; LINKEDID_END when the last channel of a linked id is gone. No I/O, not
 * thread-safe: the engine serialises calls.
 */
final class CelTracker {
    private static final class Track {
        String app = "";
        String appData = "";
        boolean answered;
        String linkedId;
    }

    private final Map<String, Track> byUniqueId = new HashMap<>();
    private final Map<String, Integer> liveByLinkedId = new HashMap<>();
    private final Map<String, Set<String>> bridges = new HashMap<>();
    private final Function<String, Channel> channels;
    private CelConfig config;

    CelTracker(CelConfig config, Function<String, Channel> channels) {
        this.config = config;
        this.channels = channels;
    }

    void setConfig(CelConfig c) { config = c; }

    List<CelRecord> on(ManagerEvent e, long nowMicros) {
        List<CelRecord> out = new ArrayList<>(2);
        String id = e.get("Uniqueid");
        if (id == null) return out;
        relink(byUniqueId.get(id), e);
        switch (e.name()) {
            case "Newchannel" -> {
                Track t = byUniqueId.computeIfAbsent(id, k -> new Track());
                t.linkedId = linked(e);
                liveByLinkedId.merge(t.linkedId, 1, Integer::sum);
                add(out, CelEventType.CHAN_START, e, t, nowMicros, "", "");
            }
            case "Newstate" -> {
                Track t = byUniqueId.get(id);
                if (t != null && !t.answered && "6".equals(e.get("ChannelState"))) {
                    t.answered = true;
                    add(out, CelEventType.ANSWER, e, t, nowMicros, "", "");
                }
            }
            case "Newexten" -> {
                Track t = byUniqueId.get(id);
                String app = e.get("Application") == null ? "" : e.get("Application");
                if (t == null || app.equals(t.app)) {
                    if (t != null) t.appData = valueOr(e.get("AppData"));
                    return out;
                }
                if (config.tracksApp(t.app)) add(out, CelEventType.APP_END, e, t, nowMicros, "", "");
                t.app = app;
                t.appData = valueOr(e.get("AppData"));
                if (config.tracksApp(app)) add(out, CelEventType.APP_START, e, t, nowMicros, "", "");
            }
            case "BridgeEnter", "BridgeLeave" -> {
                Track t = byUniqueId.get(id);
                String bridge = valueOr(e.get("BridgeUniqueid"));
                Set<String> in = bridges.computeIfAbsent(bridge, k -> new LinkedHashSet<>());
                String name = valueOr(e.get("Channel"));
                boolean enter = e.name().equals("BridgeEnter");
                if (!enter) in.remove(name);
                String peer = String.join(",", in.stream().filter(n -> !n.equals(name)).toList());
                if (enter) in.add(name);
                else if (in.isEmpty()) bridges.remove(bridge);
                if (t != null) {
                    String extra = "{\"bridge_id\":\"" + json(bridge) + "\",\"bridge_technology\":\""
                            + json(valueOr(e.get("BridgeTechnology"))) + "\"}";
                    add(out, enter ? CelEventType.BRIDGE_ENTER : CelEventType.BRIDGE_EXIT, e, t, nowMicros, peer, extra);
                }
            }
            case "Hangup" -> {
                Track t = byUniqueId.remove(id);
                if (t == null) return out;
                if (config.tracksApp(t.app)) add(out, CelEventType.APP_END, e, t, nowMicros, "", "");
                Channel c = channels.apply(e.get("Channel"));
                String dialStatus = c == null || c.getVar("DIALSTATUS") == null ? "" : c.getVar("DIALSTATUS");
                String extra = "{\"hangupcause\":" + valueOr(e.get("Cause"), "0") + ",\"hangupsource\":\"\",\"dialstatus\":\""
                        + json(dialStatus) + "\"}";
                add(out, CelEventType.HANGUP, e, t, nowMicros, "", extra);
                add(out, CelEventType.CHAN_END, e, t, nowMicros, "", "");
                Integer left = liveByLinkedId.merge(t.linkedId, -1, Integer::sum);
                if (left != null && left <= 0) {
                    liveByLinkedId.remove(t.linkedId);
                    add(out, CelEventType.LINKEDID_END, e, t, nowMicros, "", "");
                }
            }
            default -> { }
        }
        return out;
    }

    /** A channel that joined another call since its last event (its linked id changed) counts there now. */
    private void relink(Track t, ManagerEvent e) {
        if (t == null) return;
        String now = linked(e);
        if (now == null || now.equals(t.linkedId)) return;
        Integer left = liveByLinkedId.merge(t.linkedId, -1, Integer::sum);
        if (left != null && left <= 0) liveByLinkedId.remove(t.linkedId);
        t.linkedId = now;
        liveByLinkedId.merge(now, 1, Integer::sum);
    }

    /** A CELGenUserEvent record for a channel the application runs on. */
    CelRecord userEvent(Channel c, String name, String extra, long nowMicros) {
        if (!config.tracks(CelEventType.USER_DEFINED)) return null;
        return record(CelEventType.USER_DEFINED, name, nowMicros, c.name(), c.callerId().name(), c.callerId().number(),
                c.context(), c.exten(), c, c.application(), c.appData(), c.accountCode(), c.uniqueId(),
                c.linkedId() == null || c.linkedId().isEmpty() ? c.uniqueId() : c.linkedId(), "", "{\"extra\":\"" + json(extra) + "\"}");
    }

    private void add(List<CelRecord> out, CelEventType type, ManagerEvent e, Track t, long now, String peer, String extra) {
        if (!config.tracks(type)) return;
        Channel c = channels.apply(e.get("Channel"));
        out.add(record(type, null, now, valueOr(e.get("Channel")), known(e.get("CallerIDName")), known(e.get("CallerIDNum")),
                valueOr(e.get("Context")), valueOr(e.get("Exten")), c, t.app, t.appData, valueOr(e.get("AccountCode")),
                e.get("Uniqueid"), t.linkedId != null ? t.linkedId : linked(e), peer, extra));
    }

    private static CelRecord record(CelEventType type, String userName, long now, String name, String cidName, String cidNum,
                                    String context, String exten, Channel c, String app, String appData, String account,
                                    String uniqueId, String linkedId, String peer, String extra) {
        String ani = c == null ? "" : valueOr(c.callerId().ani());
        String rdnis = c == null ? "" : valueOr(c.callerId().rdnis());
        String dnid = c == null ? "" : valueOr(c.callerId().dnid());
        int ama = c == null ? 3 : c.amaFlags();
        return new CelRecord(type, userName, now, cidName, cidNum, ani, rdnis, dnid, exten, context, name, app, appData,
                ama, account, "", uniqueId, linkedId, "", peer, extra);
    }

    private static String linked(ManagerEvent e) {
        String l = e.get("Linkedid");
        return l == null || l.isEmpty() ? e.get("Uniqueid") : l;
    }

    /** The Manager's "<unknown>" for an empty caller ID is not what CEL records. */
    private static String known(String v) { return v == null || v.equals("<unknown>") ? "" : v; }

    private static String valueOr(String v) { return v == null ? "" : v; }

    private static String valueOr(String v, String dflt) { return v == null || v.isEmpty() ? dflt : v; }

    static String json(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> { if (ch < 0x20) b.append(String.format("\\u%04x", (int) ch)); else b.append(ch); }
            }
        }
        return b.toString();
    }
}
