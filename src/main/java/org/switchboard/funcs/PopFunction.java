package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** {@code POP(varname[,delimiter])} (func_strings.c): takes the last item off a delimited list. */
public final class PopFunction extends BaseFunction {
    public PopFunction() {
        super("POP", "func_strings", "Removes and returns the last item of a variable holding a delimited list.",
                "POP(varname[,delimiter])",
                """
                Returns the last item of the list held in the variable varname and stores the
                rest back into the variable; the last item leaves the variable empty. The
                delimiter is one character, a comma by default, and may be encoded (\\n, \\r,
                \\t, \\0nnn, \\xHH). An empty variable gives nothing.
                Example:
                  exten => s,1,Set(array=one,two,three)
                  exten => s,n,While($["${SET(var=${POP(array)})}" != ""])
                  exten => s,n,NoOp(var is ${var})
                  exten => s,n,EndWhile
                runs NoOp(var is three), NoOp(var is two) and NoOp(var is one), in that order.""");
    }

    @Override
    public String read(Channel channel, String data) {
        return ShiftFunction.take(this, channel, data, false);
    }
}
