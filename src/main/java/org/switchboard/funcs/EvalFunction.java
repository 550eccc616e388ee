package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** {@code EVAL(string)} (func_strings.c): substitutes its (already substituted) argument once more. */
public final class EvalFunction extends BaseFunction {
    public EvalFunction() {
        super("EVAL", "func_strings", "Substitutes variables a second time.", "EVAL(variable)",
                """
                The argument is substituted like any other dialplan text, and EVAL then
                substitutes the result once more. So when MYVAR holds the text ${OTHERVAR},
                ${MYVAR} gives ${OTHERVAR} literally, while ${EVAL(${MYVAR})} gives the value of
                OTHERVAR. An empty argument gives nothing and a warning. Text that keeps
                expanding into itself stops at the substitution depth limit with a warning.""");
    }

    @Override
    public String read(Channel channel, String data) {
        if (data == null || data.isEmpty()) {
            warn("EVAL requires an argument: EVAL(<string>)");
            return null;
        }
        if (channel == null) return data;
        return channel.pbx().substitute(channel, data);
    }

    /**
     * The value of the variable a function names, read the way func_strings.c reads it: by
     * substituting {@code ${name}}, so the name may carry {@code :offset:length} or be a
     * function call such as {@code PASSTHRU(text)}. Empty when unset.
     */
    static String valueOf(Channel channel, String name) {
        if (channel == null || name == null) return "";
        return channel.pbx().substitute(channel, "${" + name + "}");
    }
}
