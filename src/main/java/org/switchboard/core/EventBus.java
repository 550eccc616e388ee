package org.switchboard.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Where the core and modules publish Manager events. Subscribers (the Manager interface, tests)
 * must not block: they copy the event into their own queue. Events are built only when someone
 * listens, so an idle bus costs the dialplan nothing.
 */
public final class EventBus {
    private final List<Consumer<ManagerEvent>> subscribers = new CopyOnWriteArrayList<>();

    public void subscribe(Consumer<ManagerEvent> s) { subscribers.add(s); }
    public void unsubscribe(Consumer<ManagerEvent> s) { subscribers.remove(s); }
    public boolean hasSubscribers() { return !subscribers.isEmpty(); }

    public void publish(ManagerEvent event) {
        for (Consumer<ManagerEvent> s : subscribers) {
            try {
                s.accept(event);
            } catch (RuntimeException e) {
                PbxLog.warning("manager.c", "Event subscriber failed on " + event.name() + ": " + e);
            }
        }
    }

    /** A channel event carrying only the channel snapshot (Newchannel, Newstate, ...). */
    public void channelEvent(String name, Channel c) {
        if (hasSubscribers()) publish(ManagerEvent.of(name, "call").channel(c).build());
    }

    /** NewCallerid: the channel's caller ID changed (CALLERID() write, Dial, Local, Originate). */
    public void newCallerid(Channel c) {
        if (hasSubscribers()) {
            publish(ManagerEvent.of("NewCallerid", "call").channel(c).put("CID-CallingPres",
                    c.callerId().pres() + " (" + (c.callerId().pres() == 0 ? "Presentation Allowed, Not Screened" : "Presentation Restricted") + ")").build());
        }
    }

    /** DTMFBegin/DTMFEnd for a digit received on or sent to the channel. */
    public void dtmf(Channel c, Frame.DtmfFrame d, boolean received) {
        if (!hasSubscribers()) return;
        ManagerEvent.Builder b = ManagerEvent.of(d.end() ? "DTMFEnd" : "DTMFBegin", "dtmf").channel(c)
                .put("Digit", d.digit());
        if (d.end()) b.put("DurationMs", d.durationMs());
        publish(b.put("Direction", received ? "Received" : "Sent").build());
    }

    public void varSet(Channel c, String variable, String value) {
        if (hasSubscribers()) {
            publish(ManagerEvent.of("VarSet", "dialplan").channel(c).put("Variable", variable).put("Value", value).build());
        }
    }
}
