package org.switchboard.funcs;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** func_cut: Cut out information from a string. */
public final class FuncCutModule implements Module {
    @Override public String name() { return "func_cut"; }
    @Override public String description() { return "Cut out information from a string"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.function(new CutFunction());
        ctx.function(new SortFunction());
    }
}
