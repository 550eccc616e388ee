package org.switchboard.channels.skype;

import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;

/** AMI {@code SkypeLicenseList}: one SkypeLicense event per license, then SkypeLicenseListComplete. */
public final class SkypeLicenseListAction extends SkypeManagerAction {
    public SkypeLicenseListAction() {
        super("SkypeLicenseList", "system,reporting", "List the Skype call licenses.",
                "Action: SkypeLicenseList",
                """
                Skype for Asterisk sold one license per simultaneous call. Switchboard's licenses
                are [general] licenses=N in chan_skype.conf: one SkypeLicense event per license
                (Key, Expires, HostId, Channels: 1, Status, InUse: yes while a call holds it),
                then SkypeLicenseListComplete.""");
    }

    @Override
    void execute(SkypeModule skype, ManagerRequest request, ManagerReply reply) {
        reply.listStart("License list will follow");
        int n = skype.licensed();
        int busy = skype.callsInUse();
        for (int i = 1; i <= n; i++) {
            reply.listItem("SkypeLicense", fields("Key", String.format("SWITCHBOARD-SKYPE-%04d", i), "Expires", "Never",
                    "HostId", "switchboard", "Channels", 1, "Status", "OK", "InUse", i <= busy ? "yes" : "no"));
        }
        reply.listComplete("SkypeLicenseListComplete", null);
    }
}
