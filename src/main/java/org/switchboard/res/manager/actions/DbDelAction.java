package org.switchboard.res.manager.actions;

import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;
import org.switchboard.res.astdb.AstDb;

/** DBDel: removes one AstDB entry. */
public final class DbDelAction extends BaseAction {
    public DbDelAction() {
        super("DBDel", "system", "Delete DB entry.", """
                Action: DBDel
                [ActionID: <value>]
                Family: <family>
                Key: <key>""", "Removes one entry of the Asterisk database.");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        String family = request.get("Family"), key = request.get("Key");
        if (isBlank(family)) {
            reply.error("No family specified.");
            return;
        }
        if (isBlank(key)) {
            reply.error("No key specified.");
            return;
        }
        if (AstDb.of(request.pbx()).del(family, key)) reply.success("Key deleted successfully");
        else reply.error("Database entry not found");
    }
}
