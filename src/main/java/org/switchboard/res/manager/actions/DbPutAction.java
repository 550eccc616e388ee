package org.switchboard.res.manager.actions;

import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;
import org.switchboard.res.astdb.AstDb;

/** DBPut: writes one AstDB entry. */
public final class DbPutAction extends BaseAction {
    public DbPutAction() {
        super("DBPut", "system", "Put DB entry.", """
                Action: DBPut
                [ActionID: <value>]
                Family: <family>
                Key: <key>
                Val: <value>""", "Adds or replaces an entry of the Asterisk database.");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        String family = request.get("Family"), key = request.get("Key"), val = request.get("Val");
        if (isBlank(family)) {
            reply.error("No family specified");
            return;
        }
        if (isBlank(key)) {
            reply.error("No key specified");
            return;
        }
        if (AstDb.of(request.pbx()).put(family, key, val == null ? "" : val)) reply.success("Updated database successfully");
        else reply.error("Failed to update entry");
    }
}
