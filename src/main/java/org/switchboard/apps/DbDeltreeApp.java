package org.switchboard.apps;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;
import org.switchboard.res.astdb.AstDb;

/** DBdeltree(family[/keytree]): removes a family or a key tree from the Asterisk database (app_db). */
public final class DbDeltreeApp implements Application {
    @Override public String name() { return "DBdeltree"; }
    @Override public String synopsis() { return "Delete a family or keytree from the asterisk database."; }
    @Override public String syntax() { return "DBdeltree(family[/keytree])"; }

    @Override
    public String description() {
        return """
                Deletes a family, or a key tree within a family, from the Asterisk database: every
                key at or below family/keytree goes. The dialplan always continues.""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        if (data == null || data.isEmpty()) {
            PbxLog.warning("app_db.c", "DBdeltree requires an argument (family/keytree)");
            return Result.CONTINUE;
        }
        int slash = data.indexOf('/');
        String family = slash < 0 ? data : data.substring(0, slash);
        String keytree = slash < 0 ? null : data.substring(slash + 1);
        if (keytree != null && keytree.isEmpty()) keytree = null;
        PbxLog.verbose(3, keytree != null ? "DBdeltree: family=" + family + ", keytree=" + keytree
                : "DBdeltree: family=" + family);
        if (AstDb.of(channel.pbx()).delTree(family, keytree) < 0) {
            PbxLog.verbose(3, "DBdeltree: Error deleting key from database.");
        }
        return Result.CONTINUE;
    }
}
