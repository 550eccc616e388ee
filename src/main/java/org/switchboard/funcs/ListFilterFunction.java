package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** {@code LISTFILTER(varname,delim,value)} (func_strings.c): a list with one value taken out. */
public final class ListFilterFunction extends BaseFunction {
    public ListFilterFunction() {
        super("LISTFILTER", "func_strings", "Removes an item from a list, by name.",
                "LISTFILTER(varname,delim,value)",
                """
                Returns the list held in the variable varname, split at delim, without the items
                equal to value (compared exactly); the other items keep their order and are
                joined again with delim. The delimiter may be several characters and may be
                encoded (\\n, \\r, \\t, \\0nnn, \\xHH); an empty one means a comma. Useful for
                removing one channel from a list of channels. The variable is not changed.
                An empty list gives nothing; fewer than three arguments is an error.
                Example: when ${list} is ab&cd&ef, ${LISTFILTER(list,&,cd)} returns ab&ef.""");
    }

    @Override
    public String read(Channel channel, String data) {
        String[] args = FuncArgs.standard(data, 3);
        if (args[2] == null) {
            error("Usage: LISTFILTER(<listname>,<delimiter>,<fieldvalue>)");
            return null;
        }
        String list = EvalFunction.valueOf(channel, args[0]);
        if (list.isEmpty()) return null;
        String drop = args[2];
        if (!list.contains(drop)) return list;
        String delim = FilterFunction.decodeString(args[1]);
        if (delim.isEmpty()) delim = ",";
        StringBuilder out = new StringBuilder(list.length());
        boolean first = true;
        int begin = 0;
        while (true) {
            int next = list.indexOf(delim, begin);
            int end = next < 0 ? list.length() : next;
            if (!list.regionMatches(begin, drop, 0, drop.length()) || end - begin != drop.length()) {
                if (!first) out.append(delim);
                out.append(list, begin, end);
                first = false;
            }
            if (next < 0) return out.toString();
            begin = next + delim.length();
        }
    }
}
