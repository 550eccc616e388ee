package org.switchboard.apps;

import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.media.sound.SoundLibrary;

/** SayPhonetic(string): spell a string with the phonetic alphabet (pbx_builtins). */
public final class SayPhoneticApp implements Application {
    @Override public String name() { return "SayPhonetic"; }
    @Override public String synopsis() { return "Say Phonetic."; }
    @Override public String syntax() { return "SayPhonetic(string)"; }

    @Override
    public String description() {
        return """
                Spells the string with the phonetic alphabet in the channel's language: letters as
                phonetic/x_p (alfa, bravo, ...), 9 as phonetic/9_p (niner), the other digits as
                digits/N, and signs by name (letters/at, letters/dot, digits/star, ...).
                Characters without a prompt are skipped silently. The channel is not answered.
                When SAY_DTMF_INTERRUPT is true a digit stops it and the caller goes to the
                extension dialed, as after Background.""";
    }

    @Override
    public Result execute(Channel c, String data) {
        if (data == null || data.isEmpty()) return Result.CONTINUE;
        SoundLibrary lib = SoundLibrary.of(c.pbx());
        List<String> files = new ArrayList<>();
        for (String f : phonetic(data)) if (lib.exists(f, c.language())) files.add(f);
        return SayFiles.say(c, files, null);
    }

    /** ast_get_phonetic_str: each character's prompt, whether or not it exists. */
    static List<String> phonetic(String text) {
        List<String> out = new ArrayList<>();
        for (char ch : text.toCharArray()) {
            String sign = SayFiles.sign(ch);
            out.add(sign != null ? sign : ch >= '0' && ch <= '8' ? "digits/" + ch
                    : "phonetic/" + (ch >= 'A' && ch <= 'Z' ? Character.toLowerCase(ch) : ch) + "_p");
        }
        return out;
    }
}
