package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** {@code STRREPLACE(varname,find[,replace[,max]])} (func_strings.c): substrings replaced. */
public final class StrReplaceFunction extends BaseFunction {
    public StrReplaceFunction() {
        super("STRREPLACE", "func_strings", "Replaces instances of a substring with another string.",
                "STRREPLACE(varname,find-string[,replace-string[,max-replacements]])",
                """
                Returns the value of the variable varname with each occurrence of find-string,
                searched left to right without overlapping, replaced by replace-string (deleted
                when it is empty or missing). With max-replacements above 0 only that many are
                replaced. The variable itself is not changed. An empty find-string is an error.
                Example: when ${x} is One and one and one, ${STRREPLACE(x,and,plus,1)} returns
                One plus one and one.""");
    }

    @Override
    public String read(Channel channel, String data) {
        String[] args = FuncArgs.standard(data, 5);
        if (args[1] == null) {
            error("Usage: STRREPLACE(<varname>,<find-string>[,<replace-string>,[<max-replacements>]])");
            return null;
        }
        if (args[0].isEmpty()) return null;
        String find = args[1];
        if (find.isEmpty()) {
            error("No <find-string> specified");
            return null;
        }
        String value = EvalFunction.valueOf(channel, args[0]);
        // unsigned in C: 0 (or no number) means unlimited, and so does a negative count
        long max = args[3] == null ? 0 : FuncArgs.atoi(args[3]) & 0xFFFFFFFFL;
        if (max == 0) max = Long.MAX_VALUE;
        String with = args[2] == null ? "" : args[2];
        StringBuilder out = new StringBuilder(value.length());
        int start = 0;
        for (long count = 0; count < max; count++) {
            int at = value.indexOf(find, start);
            if (at < 0) break;
            out.append(value, start, at).append(with);
            start = at + find.length();
        }
        return out.append(value, start, value.length()).toString();
    }
}
