package org.switchboard.res.agi.commands;

import org.switchboard.core.Channel;
import org.switchboard.core.Pbx;

/** What a command sees of the AGI conversation it runs in. */
public interface AgiContext {
    Channel channel();

    Pbx pbx();

    /** The channel was hung up (before or during the conversation). */
    boolean dead();

    /** AGI()'s argument text, which VERBOSE prints as Asterisk prints the channel's app data. */
    String appData();
}
