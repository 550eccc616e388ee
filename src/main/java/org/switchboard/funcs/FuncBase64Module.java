package org.switchboard.funcs;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** func_base64: func_base64. */
public final class FuncBase64Module implements Module {
    @Override public String name() { return "func_base64"; }
    @Override public String description() { return "func_base64"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.function(new Base64EncodeFunction());
        ctx.function(new Base64DecodeFunction());
    }
}
