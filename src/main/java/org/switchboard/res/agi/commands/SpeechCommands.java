package org.switchboard.res.agi.commands;

import java.util.List;

/**
 * The SPEECH commands. Switchboard has no speech recognition engine, so SPEECH CREATE fails
 * ({@code 200 result=0}) and every other one finds no speech object and answers
 * {@code 200 result=0}: exactly what Asterisk answers without an engine loaded.
 */
final class SpeechCommands {
    private static final String NO_ENGINE = " No speech recognition engine is loaded: returns 0.";

    private SpeechCommands() {}

    static List<AgiCommand> commands() {
        return List.of(
                speech("speech create", "SPEECH CREATE ENGINE", "Creates a speech object.",
                        "Create a speech object to be used by the other Speech AGI commands.", 3),
                speech("speech set", "SPEECH SET NAME VALUE", "Sets a speech engine setting.",
                        "Set an engine-specific setting.", 4),
                speech("speech destroy", "SPEECH DESTROY", "Destroys a speech object.",
                        "Destroy the speech object created by SPEECH CREATE.", 2),
                speech("speech load grammar", "SPEECH LOAD GRAMMAR GRAMMAR_NAME PATH_TO_GRAMMAR", "Loads a grammar.",
                        "Loads the specified grammar as the specified name.", 5),
                speech("speech unload grammar", "SPEECH UNLOAD GRAMMAR GRAMMAR_NAME", "Unloads a grammar.",
                        "Unloads the specified grammar.", 4),
                speech("speech activate grammar", "SPEECH ACTIVATE GRAMMAR GRAMMAR_NAME", "Activates a grammar.",
                        "Activates the specified grammar on the speech object.", 4),
                speech("speech deactivate grammar", "SPEECH DEACTIVATE GRAMMAR GRAMMAR_NAME", "Deactivates a grammar.",
                        "Deactivates the specified grammar on the speech object.", 4),
                speech("speech recognize", "SPEECH RECOGNIZE PROMPT TIMEOUT [OFFSET]", "Recognizes speech.",
                        "Plays back given PROMPT while listening for speech and dtmf.", -4));
    }

    /** @param words how many words the command takes; negative: at least that many */
    private static AgiCommand speech(String name, String syntax, String synopsis, String usage, int words) {
        return AgiCommand.of(name, false, syntax, synopsis, usage + NO_ENGINE, (s, argv) -> {
            boolean fits = words < 0 ? argv.size() >= -words : argv.size() == words;
            return fits ? AgiResult.result(0) : null;
        });
    }
}
