package org.switchboard.apps;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** app_sayunixtime: app_sayunixtime. */
public final class AppSayunixtimeModule implements Module {
    @Override public String name() { return "app_sayunixtime"; }
    @Override public String description() { return "app_sayunixtime"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.application(new SayUnixTimeApp());
        ctx.application(new DateTimeApp());
    }
}
