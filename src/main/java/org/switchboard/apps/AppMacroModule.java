package org.switchboard.apps;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** app_macro: Extension Macros. */
public final class AppMacroModule implements Module {
    @Override public String name() { return "app_macro"; }
    @Override public String description() { return "Extension Macros"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.application(new MacroApp());
        ctx.application(new MacroExitApp());
    }
}
