package org.switchboard.res.manager.actions;

import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;
import org.switchboard.res.astdb.AstDb;

/** DBGet: one AstDB value, as a one-item list (DBGetResponse, then DBGetComplete). */
public final class DbGetAction extends BaseAction {
    public DbGetAction() {
        super("DBGet", "system,reporting", "Get DB Entry.", """
                Action: DBGet
                [ActionID: <value>]
                Family: <family>
                Key: <key>""", """
                Reads one entry of the Asterisk database. The value comes as a DBGetResponse event
                (Family, Key, Val) followed by DBGetComplete.""");
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
        String v = AstDb.of(request.pbx()).get(family, key);
        if (v == null) {
            reply.error("Database entry not found");
            return;
        }
        reply.listStart("Result will follow");
        reply.listItem("DBGetResponse", fields("Family", family, "Key", key, "Val", v));
        reply.listComplete("DBGetComplete", null);
    }
}
