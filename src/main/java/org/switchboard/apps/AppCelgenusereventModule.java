package org.switchboard.apps;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** app_celgenuserevent: app_celgenuserevent. */
public final class AppCelgenusereventModule implements Module {
    @Override public String name() { return "app_celgenuserevent"; }
    @Override public String description() { return "app_celgenuserevent"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.application(new CelGenUserEventApp());
    }
}
