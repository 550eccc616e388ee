package org.switchboard.funcs;

import org.switchboard.core.Channel;
import org.switchboard.res.astdb.AstDb;

/** DB_DELETE(family/key): the value, and the key is gone (func_db). */
public final class DbDeleteFunction extends BaseFunction {
    public DbDeleteFunction() {
        super("DB_DELETE", "func_db", "Return a value from the database and delete it.", "DB_DELETE(family/key)", """
                Reads a value from the Asterisk database and removes its key. DB_RESULT is set to the
                value when the key existed. Written (Set(DB_DELETE(family/key)=ignored)) it only
                removes the key.""");
    }

    @Override
    public String read(Channel channel, String args) {
        DbKey k = DbKey.parse(args);
        if (k == null) {
            warn("DB_DELETE requires an argument, DB_DELETE(<family>/<key>)");
            return "";
        }
        if (noChannel(channel)) return "";
        AstDb db = AstDb.of(channel.pbx());
        String v = db.get(k.family(), k.key());
        if (v == null) {
            debug("DB_DELETE: " + k.family() + "/" + k.key() + " not found in database.");
            return "";
        }
        if (!db.del(k.family(), k.key())) debug("DB_DELETE: " + k.family() + "/" + k.key() + " could not be deleted from the database");
        channel.setVar("DB_RESULT", v);
        return v;
    }

    @Override public boolean writable() { return true; }

    @Override
    public void write(Channel channel, String args, String value) {
        DbKey k = DbKey.parse(args);
        if (k == null) {
            warn("DB_DELETE requires an argument, DB_DELETE(<family>/<key>)");
            return;
        }
        if (noChannel(channel)) return;
        if (!AstDb.of(channel.pbx()).del(k.family(), k.key())) {
            debug("DB_DELETE: " + k.family() + "/" + k.key() + " could not be deleted from the database");
        }
    }
}
