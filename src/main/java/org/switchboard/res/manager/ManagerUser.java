package org.switchboard.res.manager;

import java.util.List;

/**
 * One {@code [user]} section of manager.conf, immutable.
 *
 * @param writeTimeoutMs writetimeout: how long a write to this user's sessions may wait (ms)
 * @param eventFilters   eventfilter lines, in order ({@code !} marks an exclusion)
 */
public record ManagerUser(String name, String secret, AddressAcl acl, int readPerm, int writePerm,
                          int writeTimeoutMs, List<String> eventFilters, Boolean displayConnects,
                          String file, int line) {
    public ManagerUser {
        eventFilters = List.copyOf(eventFilters);
    }
}
