package org.switchboard.funcs;

import java.util.concurrent.ThreadLocalRandom;
import org.switchboard.core.Channel;

/** RAND([min][,max]): a random whole number in a range (func_rand). */
public final class RandFunction extends BaseFunction {
    /** C's RAND_MAX on the systems Asterisk runs on. */
    static final int RAND_MAX = Integer.MAX_VALUE;

    public RandFunction() {
        super("RAND", "func_rand",
                "Picks a random number in a range.",
                "RAND([min][,max])",
                "Returns a random whole number from min to max, both included. min defaults to 0 and max to "
                        + "2147483647 when left out or not a number; when max is below min the two are swapped. "
                        + "Example: Set(junky=${RAND(1,8)}) sets junky to a number from 1 to 8.");
    }

    @Override
    public String read(Channel channel, String args) {
        String[] a = FuncArgs.standard(args, 2);
        Integer min = FuncArgs.isEmpty(a[0]) ? null : FuncArgs.leadingInt(a[0]);
        Integer max = FuncArgs.isEmpty(a[1]) ? null : FuncArgs.leadingInt(a[1]);
        long lo = min == null ? 0 : min;
        long hi = max == null ? RAND_MAX : max;
        if (hi < lo) {
            long t = hi;
            hi = lo;
            lo = t;
        }
        return Long.toString(lo + ThreadLocalRandom.current().nextLong(hi - lo + 1));
    }
}
