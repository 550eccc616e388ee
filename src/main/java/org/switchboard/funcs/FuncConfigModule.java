package org.switchboard.funcs;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** func_config: AST_CONFIG. */
public final class FuncConfigModule implements Module {
    @Override public String name() { return "func_config"; }
    @Override public String description() { return "Asterisk configuration file variable access"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.function(new AstConfigFunction());
    }
}
