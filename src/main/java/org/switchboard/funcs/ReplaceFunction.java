package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** {@code REPLACE(varname,find-chars[,replace-char])} (func_strings.c): characters swapped or deleted. */
public final class ReplaceFunction extends BaseFunction {
    public ReplaceFunction() {
        super("REPLACE", "func_strings", "Replaces a set of characters in a string with another character.",
                "REPLACE(varname,find-chars[,replace-char])",
                """
                Returns the value of the variable varname with every character that appears in
                find-chars replaced by replace-char, or deleted when replace-char is empty or
                missing. Only the first character of replace-char counts. Both may be encoded
                (\\n, \\r, \\t, \\0nnn, \\xHH, \\, for a comma). The variable itself is not changed.
                An empty variable gives nothing; an empty find-chars or variable name is an error.
                Example: when ${x} is abc,def, ${REPLACE(x,\\,,-)} returns abc-def.""");
    }

    @Override
    public String read(Channel channel, String data) {
        String[] args = FuncArgs.standard(data, 3);
        if (args[1] == null) {
            error("Usage: REPLACE(<varname>,<search-chars>[,<replace-char>])");
            return null;
        }
        String find = FilterFunction.decodeString(args[1]);
        if (find.length() > 255) find = find.substring(0, 255);
        int nul = find.indexOf('\0');
        if (nul >= 0) find = find.substring(0, nul);
        int with = args[2] == null ? -1 : FilterFunction.decodeChar(args[2], 0, new int[1]);
        if (find.isEmpty() || args[0].isEmpty()) {
            error("The characters to search for and the variable name must not be empty.");
            return null;
        }
        String value = EvalFunction.valueOf(channel, args[0]);
        if (value.isEmpty()) return null;
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (find.indexOf(c) < 0) out.append(c);
            else if (with > 0) out.append((char) with);
        }
        return out.toString();
    }
}
