package org.switchboard.funcs;

import org.switchboard.core.Channel;
import org.switchboard.dialplan.Dialplan;
import org.switchboard.dialplan.DialplanLocation;
import org.switchboard.dialplan.Substitution;
import org.switchboard.dialplan.SubstitutionContext;

/** EVAL_EXTEN([[context,]extension,]priority): the substituted data of a dialplan priority (func_evalexten). */
public final class EvalExtenFunction extends BaseFunction {
    public EvalExtenFunction() {
        super("EVAL_EXTEN", "func_evalexten",
                "Returns the substituted application data of a dialplan priority.",
                "EVAL_EXTEN([[context,]extension,]priority)",
                "Finds the priority the way Goto() names one (priority alone, extension,priority or "
                        + "context,extension,priority; an empty context or extension means the channel's own; the "
                        + "priority may be a label) and returns the data of its application after substitution, "
                        + "without running the application. Write those priorities as Return(value) to build lookup "
                        + "tables and small user-defined functions:\n"
                        + "  [call-types]\n  exten => _1NNN,1,Return(internal)\n"
                        + "  ... Verbose(${EVAL_EXTEN(call-types,${EXTEN},1)})\n"
                        + "While the data is substituted, ${EXTEN}, ${CONTEXT} and ${PRIORITY} are those of the priority "
                        + "looked up, as inside a Gosub. A target that does not exist gives an empty result.");
    }

    @Override
    public String read(Channel channel, String args) {
        if (FuncArgs.isEmpty(args)) {
            warn("The EVAL_EXTEN function requires an extension");
            return "";
        }
        if (noChannel(channel)) return "";
        DialplanLocation at = DialplanLocation.parse(args); // a relative priority counts as absolute here
        String context = FuncArgs.isEmpty(at.context()) ? channel.context() : at.context();
        String exten = FuncArgs.isEmpty(at.exten()) ? channel.exten() : at.exten();
        String pri = at.priority();
        Dialplan dp = channel.pbx().dialplan();
        Integer number = FuncArgs.leadingInt(pri);
        int priority;
        if (number != null) {
            priority = number;
        } else {
            Dialplan.Found byLabel = dp.findLabel(context, exten, pri, channel.callerId().number());
            if (byLabel == null) {
                warn("Priority '" + pri + "' must be a number > 0, or valid label");
                return "";
            }
            priority = byLabel.priority().number();
        }
        Dialplan.Found f = dp.find(context, exten, priority, "");
        if (f == null) return "";
        String data = f.priority().data();
        if (data == null || data.indexOf('$') < 0) return data == null ? "" : data;
        return Substitution.substitute(data, at(channel.pbx().vars().context(channel), context, exten, priority));
    }

    /** The channel's substitution, with EXTEN, CONTEXT and PRIORITY of the priority being evaluated. */
    private static SubstitutionContext at(SubstitutionContext base, String context, String exten, int priority) {
        return new SubstitutionContext() {
            @Override
            public String variable(String name) {
                return switch (name) {
                    case "CONTEXT" -> context;
                    case "EXTEN" -> exten;
                    case "PRIORITY" -> Integer.toString(priority);
                    default -> base.variable(name);
                };
            }

            @Override
            public String function(String name, String args) { return base.function(name, args); }

            @Override
            public void warning(String source, String message) { base.warning(source, message); }

            @Override
            public String expressionFunction(String name, String args) { return base.expressionFunction(name, args); }
        };
    }
}
