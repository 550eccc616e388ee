package org.switchboard.core;

import java.util.Map;

/**
 * How a {@link ManagerAction} answers, in Asterisk's framing. The client's {@code ActionID} is
 * added for the action. Field maps keep their order; a value that is a {@link java.util.List} is
 * written as one header per element ({@code Output:} lines); null values are written empty.
 */
public interface ManagerReply {
    /** {@code Response: Success}, {@code Message: message}. */
    default void success(String message) { response("Success", message, Map.of()); }

    /** {@code Response: Success}, then {@code Message} (unless null), then the fields. */
    default void success(String message, Map<String, ?> fields) { response("Success", message, fields); }

    /** {@code Response: Error}, {@code Message: message}. */
    default void error(String message) { response("Error", message, Map.of()); }

    /** Any response: {@code Response: kind}, ActionID, Message (unless null), fields. */
    void response(String kind, String message, Map<String, ?> fields);

    /** Starts a list: {@code Response: Success}, {@code EventList: start}, {@code Message: message}. */
    void listStart(String message);

    /** One list event: {@code Event: name}, ActionID, the fields. */
    void listItem(String event, Map<String, ?> fields);

    /**
     * Ends a list: {@code Event: name}, ActionID, {@code EventList: Complete},
     * {@code ListItems:} (the number of {@link #listItem} calls), then {@code extra}.
     */
    void listComplete(String event, Map<String, ?> extra);

    /** True once a response (or list start) was sent. */
    boolean answered();
}
