package org.switchboard.funcs;

import org.switchboard.core.Channel;
import org.switchboard.res.astdb.AstDb;

/** DB_EXISTS(family/key): 1 when the key exists (its value goes to DB_RESULT), else 0 (func_db). */
public final class DbExistsFunction extends BaseFunction {
    public DbExistsFunction() {
        super("DB_EXISTS", "func_db", "Check to see if a key exists in the Asterisk database.", "DB_EXISTS(family/key)", """
                Gives 1 when the key exists in the Asterisk database, else 0. When it exists, DB_RESULT
                is set to its value.""");
    }

    @Override
    public String read(Channel channel, String args) {
        DbKey k = DbKey.parse(args);
        if (k == null) {
            warn("DB_EXISTS requires an argument, DB(<family>/<key>)");
            return "";
        }
        if (noChannel(channel)) return "";
        String v = AstDb.of(channel.pbx()).get(k.family(), k.key());
        if (v == null) return "0";
        channel.setVar("DB_RESULT", v);
        return "1";
    }
}
