package org.switchboard.channels.pjsip.config;

import java.net.InetAddress;
import java.util.List;
import org.switchboard.channels.sip.config.Acl;

/** A {@code type=identify} section: requests from a {@code match} address or network belong to {@code endpoint}. */
public record PjsipIdentify(String name, String endpoint, List<Acl.Rule> matches, String file, int line) {
    public PjsipIdentify {
        matches = List.copyOf(matches);
    }

    public boolean matches(InetAddress address) {
        for (Acl.Rule r : matches) if (r.matches(address)) return true;
        return false;
    }
}
