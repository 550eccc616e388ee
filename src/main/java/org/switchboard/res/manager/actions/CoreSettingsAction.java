package org.switchboard.res.manager.actions;

import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;
import org.switchboard.res.manager.ManagerModule;

/** CoreSettings: versions and limits; asterisk-java reads AsteriskVersion from it to pick its dialect. */
public final class CoreSettingsAction extends BaseAction {
    public CoreSettingsAction() {
        super("CoreSettings", "system,reporting", "Show PBX core settings (version etc).",
                "Action: CoreSettings\n[ActionID: <value>]", "Query for Core PBX settings.");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        reply.success(null, fields("AMIversion", ManagerModule.AMI_VERSION, "AsteriskVersion", ManagerModule.ASTERISK_VERSION,
                "SystemName", "", "CoreMaxCalls", 0, "CoreMaxLoadAvg", "0.000000",
                "CoreRunUser", System.getProperty("user.name", ""), "CoreRunGroup", "",
                "CoreMaxFilehandles", 0, "CoreRealTimeEnabled", "No", "CoreCDRenabled", "No",
                "CoreHTTPenabled", "No", "SoundsSearchCustomDir", "No"));
    }
}
