package org.switchboard.res.agi.commands;

import java.util.List;
import org.switchboard.core.Channel;
import org.switchboard.res.astdb.AstDb;

/** AGI commands that read and write data: channel variables and functions, the AstDB. */
final class DataCommands {
    private DataCommands() {}

    static List<AgiCommand> commands() {
        return List.of(
                AgiCommand.of("get variable", true, "GET VARIABLE VARIABLENAME", "Gets a channel variable.", """
                        Returns 0 if VARIABLENAME is not set. Returns 1 if it is set and returns the
                        value in parentheses. A name ending in ')' is a dialplan function, read as is:
                        GET VARIABLE CALLERID(num). Example return code: 200 result=1 (testvariable)""",
                        DataCommands::getVariable),
                AgiCommand.of("get full variable", true, "GET FULL VARIABLE EXPRESSION [CHANNELNAME]",
                        "Evaluates a channel expression", """
                        Evaluates EXPRESSION as the dialplan does (${...} and $[...] substituted) on the
                        current channel or the one named. Returns 1 and the result in parentheses, or 0
                        when there is no such channel. Example: GET FULL VARIABLE ${CALLERID(num)}""",
                        DataCommands::getFullVariable),
                AgiCommand.of("set variable", true, "SET VARIABLE VARIABLENAME VALUE", "Sets a channel variable.", """
                        Sets a variable to the current channel (a name such as FUNC(args) writes the
                        function). Returns 1.""", DataCommands::setVariable),
                AgiCommand.of("database get", true, "DATABASE GET FAMILY KEY", "Gets database value", """
                        Retrieves an entry in the Asterisk database for a given family and key.
                        Returns 0 if KEY is not set. Returns 1 if KEY is set and returns the value in
                        parenthesis. Example return code: 200 result=1 (testvariable)""", DataCommands::dbGet),
                AgiCommand.of("database put", true, "DATABASE PUT FAMILY KEY VALUE", "Adds/updates database value", """
                        Adds or updates an entry in the Asterisk database for a given family, key, and
                        value. Returns 1 if successful, 0 otherwise.""", DataCommands::dbPut),
                AgiCommand.of("database del", true, "DATABASE DEL FAMILY KEY", "Removes database key/value", """
                        Deletes an entry in the Asterisk database for a given family and key. Returns 1
                        if successful, 0 otherwise.""", DataCommands::dbDel),
                AgiCommand.of("database deltree", true, "DATABASE DELTREE FAMILY [KEYTREE]", "Removes database keytree/value", """
                        Deletes a family or specific keytree within a family in the Asterisk database.
                        Returns 1 if successful, 0 otherwise.""", DataCommands::dbDelTree));
    }

    private static AgiResult getVariable(AgiContext s, List<String> argv) {
        if (argv.size() != 3) return null;
        String name = argv.get(2);
        String value;
        int open = name.indexOf('(');
        if (name.endsWith(")") && open > 0) {
            value = s.pbx().vars().function(s.channel(), name.substring(0, open), name.substring(open + 1, name.length() - 1));
        } else {
            value = s.pbx().vars().get(s.channel(), name);
        }
        return value == null ? AgiResult.result(0) : AgiResult.withData(1, value);
    }

    private static AgiResult getFullVariable(AgiContext s, List<String> argv) {
        if (argv.size() != 4 && argv.size() != 5) return null;
        Channel c = argv.size() == 5 ? s.pbx().channels().byName(argv.get(4)) : s.channel();
        if (c == null) return AgiResult.result(0);
        return AgiResult.withData(1, s.pbx().substitute(c, argv.get(3)));
    }

    private static AgiResult setVariable(AgiContext s, List<String> argv) {
        if (argv.size() != 4) return null;
        s.pbx().vars().set(s.channel(), argv.get(2), argv.get(3));
        return AgiResult.result(1);
    }

    private static AgiResult dbGet(AgiContext s, List<String> argv) {
        if (argv.size() != 4) return null;
        String v = AstDb.of(s.pbx()).get(argv.get(2), argv.get(3));
        return v == null ? AgiResult.result(0) : AgiResult.withData(1, v);
    }

    private static AgiResult dbPut(AgiContext s, List<String> argv) {
        if (argv.size() != 5) return null;
        return AgiResult.result(AstDb.of(s.pbx()).put(argv.get(2), argv.get(3), argv.get(4)) ? 1 : 0);
    }

    private static AgiResult dbDel(AgiContext s, List<String> argv) {
        if (argv.size() != 4) return null;
        return AgiResult.result(AstDb.of(s.pbx()).del(argv.get(2), argv.get(3)) ? 1 : 0);
    }

    private static AgiResult dbDelTree(AgiContext s, List<String> argv) {
        if (argv.size() != 3 && argv.size() != 4) return null;
        int n = AstDb.of(s.pbx()).delTree(argv.get(2), argv.size() == 4 ? argv.get(3) : null);
        return AgiResult.result(n > 0 ? 1 : 0);
    }
}
