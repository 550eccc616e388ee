package org.switchboard.res.pgsql;

import java.util.List;
import java.util.regex.Pattern;
import org.switchboard.config.Config;
import org.switchboard.config.ConfigSection;

/**
 * cdr_pgsql.conf or cel_pgsql.conf {@code [global]} with the modules' defaults: hostname (none),
 * port 5432, dbname asteriskcdrdb (asteriskceldb), user asterisk, password (blank), appname, table cdr (cel), encoding LATIN9 (the JDBC
 * driver always talks UTF-8; the server converts), timezone (times in local time when unset).
 * Asterisk warns for each value it has to assume; so does this, through {@code notes}.
 */
public record PgsqlConfig(String hostname, int port, String dbname, String user, String password, String appname,
                          String table, String encoding, String timezone) {
    public static final String FILE = "cdr_pgsql.conf";

    /** What differs between the two modules' files: the file, the default table and database, the word in warnings. */
    public record Defaults(String file, String table, String dbname, String what) {}

    public static final Defaults CDR = new Defaults(FILE, "cdr", "asteriskcdrdb", "CDR");
    public static final Defaults CEL = new Defaults("cel_pgsql.conf", "cel", "asteriskceldb", "CEL");
    /** A table name, optionally with its schema: written into SQL, so nothing else is accepted. */
    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");

    /** @return null when there is no [global] section (the module is then skipped, as Asterisk does) */
    public static PgsqlConfig from(Config conf, List<String> notes) { return from(conf, notes, CDR); }

    /** @return null when there is no [global] section (the module is then skipped, as Asterisk does) */
    public static PgsqlConfig from(Config conf, List<String> notes, Defaults d) {
        ConfigSection g = conf == null ? null : conf.section("global");
        if (g == null) return null;
        String host = get(g, "hostname", "", notes, "PostgreSQL server hostname not specified.  Assuming localhost");
        String portText = get(g, "port", "5432", notes, "PostgreSQL database port not specified.  Using default 5432.");
        int port;
        try {
            port = Integer.parseInt(portText.trim());
        } catch (NumberFormatException e) {
            notes.add("PostgreSQL port '" + portText + "' is not a number.  Using default 5432.");
            port = 5432;
        }
        String table = get(g, "table", d.table(), notes, d.what() + " table not specified.  Assuming " + d.table());
        if (!TABLE.matcher(table.trim()).matches()) {
            notes.add(d.what() + " table '" + table + "' is not a table name.  Assuming " + d.table());
            table = d.table();
        }
        return new PgsqlConfig(host.isBlank() ? "localhost" : host.trim(), port,
                get(g, "dbname", d.dbname(), notes, "PostgreSQL database not specified.  Assuming " + d.dbname()).trim(),
                get(g, "user", "asterisk", notes, "PostgreSQL database user not specified.  Assuming asterisk").trim(),
                get(g, "password", "", notes, "PostgreSQL database password not specified.  Assuming blank"),
                get(g, "appname", "", null, null).trim(), table.trim(),
                get(g, "encoding", "LATIN9", null, null).trim(), get(g, "timezone", "", null, null).trim());
    }

    private static String get(ConfigSection g, String key, String dflt, List<String> notes, String note) {
        String v = g.get(key);
        if (v != null) return v;
        if (notes != null && note != null) notes.add(note);
        return dflt;
    }

    /** host:port/dbname, for log lines (never the password). */
    public String where() { return hostname + ":" + port + "/" + dbname; }

    public String jdbcUrl() { return "jdbc:postgresql://" + hostname + ":" + port + "/" + dbname; }

    /** The schema part of {@code schema.table}, or null. */
    public String schema() {
        int dot = table.indexOf('.');
        return dot < 0 ? null : table.substring(0, dot);
    }

    public String tableName() {
        int dot = table.indexOf('.');
        return dot < 0 ? table : table.substring(dot + 1);
    }
}
