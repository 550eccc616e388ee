package org.switchboard.res.cdr;

import org.switchboard.core.Channel;

/**
 * A finished record carried by a dummy channel ({@link org.switchboard.core.Pbx#dummyChannel}),
 * so that {@code ${CDR(...)}} in cdr_custom.conf and cdr_manager.conf mappings reads it, as
 * Asterisk's backends substitute their templates on a dummy channel holding a copy of the record.
 */
public record PostedRecord(CdrRecord record) implements AutoCloseable {
    /** A dummy channel of {@code pbx} holding {@code r}. */
    public static Channel channelFor(org.switchboard.core.Pbx pbx, CdrRecord r) {
        Channel dummy = pbx.dummyChannel();
        dummy.putDatastore(PostedRecord.class, new PostedRecord(r));
        return dummy;
    }

    /** The record a dummy channel carries, or null for a real channel. */
    public static CdrRecord of(Channel ch) {
        PostedRecord p = ch == null ? null : ch.datastore(PostedRecord.class);
        return p == null ? null : p.record;
    }

    @Override
    public void close() {}
}
