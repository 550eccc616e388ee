package org.switchboard.res.cli.commands;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.res.astdb.AstDb;

/** How the database commands print rows: {@code %-50s: %-25s} per row, then the count (main/db.c). */
final class DatabaseRows {
    private DatabaseRows() {}

    static void print(List<AstDb.Entry> rows, PrintWriter out) {
        for (AstDb.Entry e : rows) out.println(String.format("%-50s: %-25s", e.key(), e.value()));
        out.println(rows.size() + " results found.");
    }
}
