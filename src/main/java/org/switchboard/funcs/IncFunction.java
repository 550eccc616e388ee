package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** INC(variable): incremented by one, stored back and returned (func_math). */
public final class IncFunction extends BaseFunction {
    public IncFunction() {
        super("INC", "func_math",
                "Increments a variable by one and returns the new value.",
                "INC(variable)",
                "Increments the integer held in the channel variable named variable (or, when the channel has none, "
                        + "the global of that name) by one, stores the result in the channel variable and returns it. "
                        + "Give the name, not the value: INC(COUNT), not INC(${COUNT}). A variable that is missing, "
                        + "empty or not a whole number is left alone, logged, and gives an empty result.");
    }

    @Override
    public String read(Channel channel, String args) { return Crement.apply(this, channel, args, 1); }
}
