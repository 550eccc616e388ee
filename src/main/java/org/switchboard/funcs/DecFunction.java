package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** DEC(variable): decremented by one, stored back and returned (func_math). */
public final class DecFunction extends BaseFunction {
    public DecFunction() {
        super("DEC", "func_math",
                "Decrements a variable by one and returns the new value.",
                "DEC(variable)",
                "Decrements the integer held in the channel variable named variable (or, when the channel has none, "
                        + "the global of that name) by one, stores the result in the channel variable and returns it. "
                        + "Give the name, not the value: DEC(COUNT), not DEC(${COUNT}). A variable that is missing, "
                        + "empty or not a whole number is left alone, logged, and gives an empty result.");
    }

    @Override
    public String read(Channel channel, String args) { return Crement.apply(this, channel, args, -1); }
}
