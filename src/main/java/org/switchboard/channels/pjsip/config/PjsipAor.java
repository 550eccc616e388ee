package org.switchboard.channels.pjsip.config;

import java.util.List;

/**
 * A {@code type=aor} section (res_pjsip's defaults): {@code max_contacts} 0 takes no REGISTER,
 * {@code remove_existing} no, {@code contact} lines are static contacts,
 * {@code default_expiration} 3600, {@code minimum_expiration} 60, {@code maximum_expiration} 7200,
 * {@code qualify_frequency} 0 (seconds).
 */
public record PjsipAor(String name, int maxContacts, boolean removeExisting, List<String> contacts,
                       int defaultExpiration, int minimumExpiration, int maximumExpiration, int qualifyFrequency,
                       String file, int line) {
    public PjsipAor {
        contacts = List.copyOf(contacts);
    }
}
