package org.switchboard.res.manager.actions;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;
import org.switchboard.core.Pbx;

/** CoreStatus: start and reload times, calls now and since start. */
public final class CoreStatusAction extends BaseAction {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    public CoreStatusAction() {
        super("CoreStatus", "system,reporting", "Show PBX core status variables.",
                "Action: CoreStatus\n[ActionID: <value>]", "Query for Core PBX status.");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        Pbx pbx = request.pbx();
        ZonedDateTime start = ZonedDateTime.ofInstant(Instant.ofEpochMilli(pbx.startMillis()), ZoneId.systemDefault());
        ZonedDateTime reload = ZonedDateTime.ofInstant(Instant.ofEpochMilli(pbx.reloadMillis()), ZoneId.systemDefault());
        reply.success(null, fields("CoreStartupDate", start.format(DATE), "CoreStartupTime", start.format(TIME),
                "CoreReloadDate", reload.format(DATE), "CoreReloadTime", reload.format(TIME),
                "CoreCurrentCalls", pbx.activeCalls(), "CoreProcessedCalls", pbx.processedCalls()));
    }
}
