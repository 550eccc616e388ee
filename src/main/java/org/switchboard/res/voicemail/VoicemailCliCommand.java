package org.switchboard.res.voicemail;

import java.util.List;
import org.switchboard.core.CliCommand;

/** What app_voicemail's console commands share: their words, usage and module. */
abstract class VoicemailCliCommand implements CliCommand {
    private final List<String> words;
    private final String usage;

    VoicemailCliCommand(String words, String usage) {
        this.words = List.of(words.split(" "));
        this.usage = usage;
    }

    @Override public final List<String> words() { return words; }
    @Override public final String usage() { return usage; }
}
