package org.switchboard.funcs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelVariables;

/** {@code HASHKEYS(hashname)} (func_strings.c): the keys set in a HASH. */
public final class HashKeysFunction extends BaseFunction {
    public HashKeysFunction() {
        super("HASHKEYS", "func_strings", "Returns the keys of a HASH.", "HASHKEYS(hashname)",
                """
                Returns the keys currently set in the associative array hashname (see HASH),
                comma separated, in alphabetical order. Keys set while iterating over the result
                change what the next call returns.""");
    }

    @Override
    public String read(Channel channel, String data) {
        if (noChannel(channel)) return null;
        return String.join(",", keys(channel, data == null ? "" : data));
    }

    /** The keys of {@code hash}, sorted: variables named {@code ~HASH~hash~key~} with a non-empty key. */
    static List<String> keys(Channel channel, String hash) {
        String prefix = "~HASH~" + hash + "~";
        List<String> keys = new ArrayList<>();
        for (String marked : channel.variables().snapshot().keySet()) {
            String name = ChannelVariables.stripInherit(marked);
            if (name.length() > prefix.length() + 1 && name.endsWith("~") && name.startsWith(prefix)) {
                keys.add(name.substring(prefix.length(), name.length() - 1));
            }
        }
        Collections.sort(keys);
        return keys;
    }
}
