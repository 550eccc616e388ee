package org.switchboard.funcs;

import org.switchboard.core.Channel;
import org.switchboard.res.astdb.AstDb;

/** DB(family/key): read or write the Asterisk database (func_db). */
public final class DbFunction extends BaseFunction {
    public DbFunction() {
        super("DB", "func_db", "Read from or write to the Asterisk database.", "DB(family/key)", """
                Reads a value from the Asterisk database, or writes one with Set(DB(family/key)=value).
                A read gives the value, or nothing when the key does not exist, and sets DB_RESULT to
                the value it found. Use DB_EXISTS to tell an empty value from a missing key. The
                database is an SQLite file with Asterisk's schema (astdb.sqlite3 in astdbdir of
                asterisk.conf [directories], else the run folder), so an existing Asterisk database
                is read as it is; a write is on disk when the priority ends.""");
    }

    @Override
    public String read(Channel channel, String args) {
        DbKey k = DbKey.parse(args);
        if (k == null) {
            warn("DB requires an argument, DB(<family>/<key>)");
            return "";
        }
        if (noChannel(channel)) return "";
        String v = AstDb.of(channel.pbx()).get(k.family(), k.key());
        if (v == null) {
            debug("DB: " + k.family() + "/" + k.key() + " not found in database.");
            return "";
        }
        channel.setVar("DB_RESULT", v);
        return v;
    }

    @Override public boolean writable() { return true; }

    @Override
    public void write(Channel channel, String args, String value) {
        DbKey k = DbKey.parse(args);
        if (k == null) {
            warn("DB requires an argument, DB(<family>/<key>)=<value>");
            return;
        }
        if (noChannel(channel)) return;
        if (!AstDb.of(channel.pbx()).put(k.family(), k.key(), value)) warn("DB: Error writing value to database.");
    }
}
