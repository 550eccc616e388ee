package org.switchboard.res.manager.actions;

import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;
import org.switchboard.res.astdb.AstDb;

/** DBDelTree: removes a family, or a key tree within it, from the AstDB. */
public final class DbDelTreeAction extends BaseAction {
    public DbDelTreeAction() {
        super("DBDelTree", "system", "Delete DB Tree.", """
                Action: DBDelTree
                [ActionID: <value>]
                Family: <family>
                [Key: <key>]""", "Removes every entry of a family, or of a key tree within it, from the Asterisk database.");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        String family = request.get("Family"), key = request.get("Key");
        if (isBlank(family)) {
            reply.error("No family specified.");
            return;
        }
        int n = AstDb.of(request.pbx()).delTree(family, isBlank(key) ? null : key);
        if (n <= 0) reply.error("Database entry not found");
        else reply.success("Key tree deleted successfully");
    }
}
