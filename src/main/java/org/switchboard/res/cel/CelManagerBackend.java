package org.switchboard.res.cel;

import org.switchboard.core.AmaFlags;
import org.switchboard.core.ManagerEvent;
import org.switchboard.core.Pbx;

/** cel_manager: each record as a Manager {@code CEL} event (category call), with Asterisk 20's fields. */
final class CelManagerBackend implements CelEngine.Backend {
    private final Pbx pbx;
    private final CelEngine engine;

    CelManagerBackend(Pbx pbx, CelEngine engine) {
        this.pbx = pbx;
        this.engine = engine;
    }

    @Override public String name() { return "Manager Event Logging"; }

    @Override
    public void log(CelRecord r) {
        boolean show = engine.config().showUserDefined();
        ManagerEvent.Builder b = ManagerEvent.of("CEL", "call")
                .put("EventName", r.eventName(show))
                .put("AccountCode", r.accountCode())
                .put("CallerIDnum", r.callerIdNum())
                .put("CallerIDname", r.callerIdName())
                .put("CallerIDani", r.ani())
                .put("CallerIDrdnis", r.rdnis())
                .put("CallerIDdnid", r.dnid())
                .put("Exten", r.exten())
                .put("Context", r.context())
                .put("Channel", r.channelName())
                .put("Application", r.application())
                .put("AppData", r.appData())
                .put("EventTime", engine.eventTime(r))
                .put("AMAFlags", AmaFlags.name(r.amaFlags()))
                .put("UniqueID", r.uniqueId())
                .put("LinkedID", r.linkedId())
                .put("UserField", r.userField())
                .put("Peer", r.peer())
                .put("PeerAccount", r.peerAccount())
                .put("Extra", r.extra());
        if (show && r.userDefinedName() != null) b.put("UserDefType", r.userDefinedName());
        pbx.events().publish(b.build());
    }
}
