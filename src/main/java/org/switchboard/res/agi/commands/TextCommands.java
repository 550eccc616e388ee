package org.switchboard.res.agi.commands;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.switchboard.core.Channel;
import org.switchboard.core.Frame;

/**
 * AGI commands for text on the channel (a SIP MESSAGE, an XMPP chat line, as the technology
 * carries it): SEND TEXT, RECEIVE TEXT, RECEIVE CHAR; and the ones no technology here supports,
 * answered as Asterisk answers for such a channel: SEND IMAGE (0), TDD MODE (0).
 */
final class TextCommands {
    private TextCommands() {}

    static List<AgiCommand> commands() {
        return List.of(
                AgiCommand.of("send text", false, "SEND TEXT TEXT TO SEND", "Sends text to channels supporting it.", """
                        Sends the given text on a channel. Most channels do not support the
                        transmission of text. Returns 0 if text is sent, or if the channel does not
                        support text transmission. Returns -1 only on error/hangup.""", TextCommands::sendText),
                AgiCommand.of("receive text", false, "RECEIVE TEXT TIMEOUT", "Receives text from channels supporting it.", """
                        Receives a string of text on a channel. TIMEOUT is the maximum time to wait in
                        milliseconds, or 0 for infinite. Most channels do not support the reception of
                        text. Returns -1 for failure (no text within the time) or 1 for success, and the
                        string in parenthesis.""", TextCommands::receiveText),
                AgiCommand.of("receive char", false, "RECEIVE CHAR TIMEOUT", "Receives one character from channels supporting it.", """
                        Receives a character of text on a channel. TIMEOUT is the maximum time to wait
                        in milliseconds, or 0 for infinite. Most channels do not support the reception
                        of text. Returns the decimal value of the character if one is received, or 0 if
                        the channel does not support text reception (or none came in time). Returns -1
                        only on error/hangup.""", TextCommands::receiveChar),
                AgiCommand.of("send image", false, "SEND IMAGE IMAGE", "Sends images to channels supporting it.", """
                        Sends the given image on a channel. No technology here carries images, so
                        this returns 0, as Asterisk does for a channel that does not support image
                        transmission.""", (s, argv) -> argv.size() != 3 ? null : AgiResult.result(0)),
                AgiCommand.of("tdd mode", false, "TDD MODE {on|off|tdd|mate}", "Toggles TDD mode (for the deaf).", """
                        Enable/Disable TDD transmission/reception on a channel. Returns 1 if
                        successful, or 0 if channel is not TDD-capable (as every channel here is).""",
                        (s, argv) -> argv.size() != 3 ? null : AgiResult.result(0)));
    }

    private static AgiResult sendText(AgiContext s, List<String> argv) {
        if (argv.size() != 3) return null;
        Channel c = s.channel();
        if (c.isHangupRequested()) return AgiResult.failed("200 result=-1");
        c.write(new Frame.TextFrame(argv.get(2)));
        return AgiResult.result(0);
    }

    private static AgiResult receiveText(AgiContext s, List<String> argv) {
        if (argv.size() != 3) return null;
        String text = nextText(s.channel(), AgiNumbers.atoi(argv.get(2)));
        return text == null ? AgiResult.ok("200 result=-1") : AgiResult.withData(1, text);
    }

    private static AgiResult receiveChar(AgiContext s, List<String> argv) {
        if (argv.size() != 3) return null;
        String text = nextText(s.channel(), AgiNumbers.atoi(argv.get(2)));
        if (text == null || text.isEmpty()) return AgiResult.ok("200 result=0 (timeout)");
        return AgiResult.result(text.codePointAt(0));
    }

    /** ast_recvtext: the next text frame within {@code timeoutMs} (0 or less: no limit); null when none came. */
    private static String nextText(Channel c, long timeoutMs) {
        long deadline = timeoutMs <= 0 ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        for (;;) {
            long left = deadline == Long.MAX_VALUE ? -1 : TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (deadline != Long.MAX_VALUE && left <= 0) return null;
            Frame f = c.read(left);
            if (f instanceof Frame.TextFrame t) return t.text();
        }
    }
}
