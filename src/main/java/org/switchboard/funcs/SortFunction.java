package org.switchboard.funcs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.switchboard.core.Channel;

/** {@code SORT(key1:val1[,key2:val2[,...]])} (func_cut.c): keys ordered by their numeric values. */
public final class SortFunction extends BaseFunction {
    public SortFunction() {
        super("SORT", "func_cut", "Sorts a list of key/vals into a list of keys, based upon the vals.",
                "SORT(key1:val1[,key2:val2[,...]])",
                """
                Takes a comma-separated list of key:value pairs and returns the keys, comma
                separated, ordered by their values read as floating-point numbers (smallest
                first; equal values keep their order). Items without a colon are left out; a
                value that is not a number counts as 0.
                Example: ${SORT(a:3,b:1,c:2)} returns b,c,a.""");
    }

    private record Item(String key, float value) {}

    @Override
    public String read(Channel channel, String data) {
        if (data == null) {
            error("SORT() requires an argument");
            return null;
        }
        List<Item> items = new ArrayList<>();
        for (String part : data.split(",", -1)) {
            int colon = part.indexOf(':');
            if (colon < 0) continue;
            Double v = FuncArgs.leadingDouble(part.substring(colon + 1));
            items.add(new Item(part.substring(0, colon), v == null ? 0f : v.floatValue()));
        }
        items.sort(Comparator.comparingDouble(Item::value));
        return String.join(",", items.stream().map(Item::key).toList());
    }
}
