package org.switchboard.funcs;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** func_strings: String handling dialplan functions. */
public final class FuncStringsModule implements Module {
    @Override public String name() { return "func_strings"; }
    @Override public String description() { return "String handling dialplan functions"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.function(new FilterFunction());
        ctx.function(new LenFunction());
        ctx.function(new ToUpperFunction());
        ctx.function(new ToLowerFunction());
        ctx.function(new QuoteFunction());
        ctx.function(new CsvQuoteFunction());
        ctx.function(new PassthruFunction());
        ctx.function(new EvalFunction());
        ctx.function(new KeypadHashFunction());
        ctx.function(new TrimFunction());
        ctx.function(new LtrimFunction());
        ctx.function(new RtrimFunction());
        ctx.function(new FieldQtyFunction());
        ctx.function(new FieldNumFunction());
        ctx.function(new ListFilterFunction());
        ctx.function(new ReplaceFunction());
        ctx.function(new StrReplaceFunction());
        ctx.function(new StrBetweenFunction());
        ctx.function(new ShiftFunction());
        ctx.function(new PopFunction());
        ctx.function(new PushFunction());
        ctx.function(new UnshiftFunction());
        ctx.function(new ArrayFunction());
        ctx.function(new HashFunction());
        ctx.function(new HashKeysFunction());
        ctx.function(new RegexFunction());
        ctx.function(new StrftimeFunction());
        ctx.function(new StrptimeFunction());
    }
}
