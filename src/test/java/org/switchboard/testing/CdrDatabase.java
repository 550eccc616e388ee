package org.switchboard.testing;

import java.sql.SQLException;

/**
 * The database cdr_pgsql writes into, as Asterisk's documentation has an admin create it: a role
 * {@code asterisk} with a password owning a database that holds the {@code cdr} table (the columns
 * of Asterisk 1.8 and later). Shared by the CDR tests and the 10,000-call run.
 */
public final class CdrDatabase {
    private CdrDatabase() {}

    public static void create(PostgresServer server, String database, String password) throws SQLException {
        server.execute("postgres", "CREATE ROLE asterisk LOGIN PASSWORD '" + password + "'", "CREATE DATABASE " + database + " OWNER asterisk");
        server.execute(database, """
                CREATE TABLE cdr (
                 calldate timestamp NOT NULL, clid varchar(80) NOT NULL, src varchar(80) NOT NULL,
                 dst varchar(80) NOT NULL, dcontext varchar(80) NOT NULL, channel varchar(80) NOT NULL,
                 dstchannel varchar(80) NOT NULL, lastapp varchar(80) NOT NULL, lastdata varchar(80) NOT NULL,
                 duration int NOT NULL, billsec int NOT NULL, disposition varchar(45) NOT NULL,
                 amaflags int NOT NULL, accountcode varchar(20) NOT NULL, uniqueid varchar(150) NOT NULL,
                 userfield varchar(255) NOT NULL, peeraccount varchar(20) NOT NULL, linkedid varchar(150) NOT NULL,
                 sequence int NOT NULL)""", "ALTER TABLE cdr OWNER TO asterisk");
    }

    /** cdr_pgsql.conf pointing at that database. */
    public static String config(PostgresServer server, String database, String password) {
        return """
                [global]
                hostname=127.0.0.1
                port=%d
                dbname=%s
                user=asterisk
                password=%s
                appname=switchboard
                table=cdr
                """.formatted(server.port, database, password);
    }
}
