package org.switchboard.funcs;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** func_shell: func_shell. */
public final class FuncShellModule implements Module {
    @Override public String name() { return "func_shell"; }
    @Override public String description() { return "func_shell"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.function(new ShellFunction());
    }
}
