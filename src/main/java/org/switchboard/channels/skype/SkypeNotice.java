package org.switchboard.channels.skype;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Properties;

/**
 * One chat notice waiting in the queue on disk: from which account to which buddy, the text
 * line, and for a voicemail the recording beside it (as the box keeps it until the worker has
 * encoded it, then as Ogg Opus). How far it got is part of it, so a
 * notice half sent before a restart is finished, not repeated: the text line went out
 * ({@code textSent}), the audio is uploaded ({@code url}), or the upload was refused and the
 * text went alone ({@code audio} empty).
 *
 * @param id    the queue file's name without extension; sorts in the order notices were made
 * @param audio the Ogg Opus file's name in the queue folder, or empty
 */
record SkypeNotice(String id, String account, String buddy, String text, String audio, String url, boolean textSent) {
    boolean hasAudio() { return !audio.isEmpty(); }

    /** The audio is the recording as the box keeps it, not yet encoded as Ogg Opus. */
    boolean needsEncoding() { return hasAudio() && !audio.endsWith(".ogg"); }

    SkypeNotice withAudio(String file) { return new SkypeNotice(id, account, buddy, text, file, url, textSent); }

    SkypeNotice withTextSent() { return new SkypeNotice(id, account, buddy, text, audio, url, true); }
    SkypeNotice withUrl(String u) { return new SkypeNotice(id, account, buddy, text, audio, u, textSent); }
    SkypeNotice withoutAudio() { return new SkypeNotice(id, account, buddy, text, "", "", textSent); }

    String write() {
        Properties p = new Properties();
        p.setProperty("account", account);
        p.setProperty("buddy", buddy);
        p.setProperty("text", text);
        p.setProperty("audio", audio);
        p.setProperty("url", url);
        p.setProperty("textSent", Boolean.toString(textSent));
        StringWriter w = new StringWriter();
        try {
            p.store(w, "chat notice (issue 12); written by chan_skype");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    /** Reads a queue file; null when it lacks an account, a buddy or the text. */
    static SkypeNotice read(String id, String file) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(file));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        String account = p.getProperty("account", ""), buddy = p.getProperty("buddy", ""), text = p.getProperty("text");
        if (account.isEmpty() || buddy.isEmpty() || text == null) return null;
        return new SkypeNotice(id, account, buddy, text, p.getProperty("audio", ""), p.getProperty("url", ""),
                Boolean.parseBoolean(p.getProperty("textSent", "false")));
    }
}
