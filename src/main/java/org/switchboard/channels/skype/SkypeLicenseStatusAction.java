package org.switchboard.channels.skype;

import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;

/** AMI {@code SkypeLicenseStatus}: CallsLicensed (asterisk-java's SkypeLicenseStatusResponse). */
public final class SkypeLicenseStatusAction extends SkypeManagerAction {
    public SkypeLicenseStatusAction() {
        super("SkypeLicenseStatus", "system,reporting", "How many simultaneous Skype calls are licensed.",
                "Action: SkypeLicenseStatus",
                "Answers CallsLicensed: the number of simultaneous Skype calls allowed ([general] licenses in chan_skype.conf),\n"
                + "and CallsInUse: how many of them calls (in or out, every account) hold now.");
    }

    @Override
    void execute(SkypeModule skype, ManagerRequest request, ManagerReply reply) {
        reply.success(null, fields("CallsLicensed", skype.licensed(), "CallsInUse", skype.callsInUse()));
    }
}
