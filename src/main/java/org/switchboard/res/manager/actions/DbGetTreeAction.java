package org.switchboard.res.manager.actions;

import java.util.List;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;
import org.switchboard.res.astdb.AstDb;

/** DBGetTree: every AstDB entry under a family (or key tree), one DBGetTreeResponse each. */
public final class DbGetTreeAction extends BaseAction {
    public DbGetTreeAction() {
        super("DBGetTree", "system,reporting", "Get DB entries, optionally at a particular family/key.", """
                Action: DBGetTree
                [ActionID: <value>]
                [Family: <family>]
                [Key: <key>]""", """
                Lists the entries of the Asterisk database below Family (and Key, a key tree within
                it), or all of them: one DBGetTreeResponse event (Family, Key, Val) per entry, then
                DBGetTreeComplete.""");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        String family = request.get("Family"), key = request.get("Key");
        if (isBlank(family) && !isBlank(key)) {
            reply.error("No family specified.");
            return;
        }
        List<AstDb.Entry> rows = AstDb.of(request.pbx()).tree(isBlank(family) ? null : family, key);
        if (rows.isEmpty()) {
            reply.error("Database entry not found");
            return;
        }
        reply.listStart("Result will follow");
        for (AstDb.Entry e : rows) {
            String k = e.key().substring(1); // "/family/key" → family, key
            int slash = k.indexOf('/');
            reply.listItem("DBGetTreeResponse", fields("Family", slash < 0 ? k : k.substring(0, slash),
                    "Key", slash < 0 ? "" : k.substring(slash + 1), "Val", e.value()));
        }
        reply.listComplete("DBGetTreeComplete", null);
    }
}
