package org.switchboard.apps;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** app_playback: Sound File Playback Application. */
public final class AppPlaybackModule implements Module {
    @Override public String name() { return "app_playback"; }
    @Override public String description() { return "Sound File Playback Application"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.application(new PlaybackApp());
    }
}
