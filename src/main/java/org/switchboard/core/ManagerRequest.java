package org.switchboard.core;

import java.util.List;
import java.util.Map;

/** An AMI request as a {@link ManagerAction} sees it: its headers, who sent it, and the PBX. */
public interface ManagerRequest {
    Pbx pbx();

    /** The {@code Action:} header as sent. */
    String action();

    /** The first value of a header (name matched ignoring case), or null when absent. */
    String get(String header);

    /** The first value of a header, or {@code dflt} when absent or empty. */
    default String get(String header, String dflt) {
        String v = get(header);
        return v == null || v.isEmpty() ? dflt : v;
    }

    /** Every value of a header, in order ({@code Variable:} may repeat). */
    List<String> getAll(String header);

    /** Every header in the order sent, {@code Action} and {@code ActionID} included. */
    List<Map.Entry<String, String>> headers();

    /** The manager.conf user this session logged in as. */
    String user();

    /** The client's address, {@code 127.0.0.1}. */
    String remoteAddress();

    /** True when the user's write classes include {@code privilegeClass} ({@code "system"}, ...). */
    boolean mayWrite(String privilegeClass);
}
