package org.switchboard.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event as the Manager interface will send it: a name, its class ({@code call}, {@code system},
 * ...) for read permissions, and ordered fields. Emitted on the {@link EventBus}.
 */
public record ManagerEvent(String name, String category, Map<String, String> fields) {
    public static Builder of(String name, String category) { return new Builder(name, category); }

    public String get(String key) { return fields.get(key); }

    public static final class Builder {
        private final String name;
        private final String category;
        private final Map<String, String> fields = new LinkedHashMap<>();

        private Builder(String name, String category) {
            this.name = name;
            this.category = category;
        }

        public Builder put(String key, Object value) {
            fields.put(key, value == null ? "" : value.toString());
            return this;
        }

        /** The standard channel snapshot fields Asterisk puts in every channel event. */
        public Builder channel(Channel c) { return channel("", c); }

        public Builder channel(String prefix, Channel c) {
            put(prefix + "Channel", c.name());
            put(prefix + "ChannelState", c.state().code());
            put(prefix + "ChannelStateDesc", c.state().description());
            put(prefix + "CallerIDNum", orUnknown(c.callerId().number()));
            put(prefix + "CallerIDName", orUnknown(c.callerId().name()));
            put(prefix + "ConnectedLineNum", orUnknown(c.connectedLine().number()));
            put(prefix + "ConnectedLineName", orUnknown(c.connectedLine().name()));
            put(prefix + "Language", c.language());
            put(prefix + "AccountCode", c.accountCode());
            put(prefix + "Context", c.context());
            put(prefix + "Exten", c.exten());
            put(prefix + "Priority", c.priority());
            put(prefix + "Uniqueid", c.uniqueId());
            put(prefix + "Linkedid", c.linkedId());
            return this;
        }

        private static String orUnknown(String s) { return s == null || s.isEmpty() ? "<unknown>" : s; }

        public ManagerEvent build() { return new ManagerEvent(name, category, java.util.Collections.unmodifiableMap(fields)); }
    }
}
