package org.switchboard.funcs;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** func_vmcount: func_vmcount. */
public final class FuncVmcountModule implements Module {
    @Override public String name() { return "func_vmcount"; }
    @Override public String description() { return "func_vmcount"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.function(new VmCountFunction());
    }
}
