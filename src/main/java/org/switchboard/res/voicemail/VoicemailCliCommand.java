package org.switchboard.res.voicemail;

import org.switchboard.core.BaseCliCommand;

/** What app_voicemail's console commands share: their words, usage and module. */
abstract class VoicemailCliCommand extends BaseCliCommand {
    VoicemailCliCommand(String words, String usage) {
        super(words, usage);
    }
}
