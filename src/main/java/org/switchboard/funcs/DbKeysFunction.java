package org.switchboard.funcs;

import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.Channel;
import org.switchboard.res.astdb.AstDb;

/** DB_KEYS([prefix]): the keys one level below a prefix, comma separated (func_db). */
public final class DbKeysFunction extends BaseFunction {
    public DbKeysFunction() {
        super("DB_KEYS", "func_db", "Obtain a list of keys within the Asterisk database.", "DB_KEYS([prefix])", """
                Gives the names of the keys directly below prefix (a family, or family/keytree), comma
                separated and in order, without the prefix and without what lies deeper; without a
                prefix, the families. Walk the result with POP or CUT.""");
    }

    @Override
    public String read(Channel channel, String args) {
        if (noChannel(channel)) return "";
        String prefix = args == null ? "" : args.strip();
        while (prefix.endsWith("/")) prefix = prefix.substring(0, prefix.length() - 1);
        while (prefix.startsWith("/")) prefix = prefix.substring(1);
        int slash = prefix.indexOf('/');
        String family = prefix.isEmpty() ? null : slash < 0 ? prefix : prefix.substring(0, slash);
        String tree = slash < 0 ? null : prefix.substring(slash + 1);
        String base = prefix.isEmpty() ? "/" : "/" + prefix + "/";
        List<String> keys = new ArrayList<>();
        for (AstDb.Entry e : AstDb.of(channel.pbx()).tree(family, tree)) {
            if (e.key().length() <= base.length() || !e.key().regionMatches(true, 0, base, 0, base.length())) continue;
            String rest = e.key().substring(base.length());
            int end = rest.indexOf('/');
            String name = end < 0 ? rest : rest.substring(0, end);
            if (keys.isEmpty() || !keys.get(keys.size() - 1).equals(name)) keys.add(name); // rows come sorted
        }
        return String.join(",", keys);
    }
}
