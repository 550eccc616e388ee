package org.switchboard.funcs;

import java.util.Locale;
import org.switchboard.core.Channel;
import org.switchboard.core.DialplanFunction;
import org.switchboard.core.PbxLog;
import org.switchboard.core.message.TextMessage;

/** MESSAGE(to|from|body): the message a Message channel carries, as Asterisk's message API names it. */
public final class MessageFunction implements DialplanFunction {
    @Override public String name() { return "MESSAGE"; }
    @Override public String synopsis() { return "Create a message or read fields from a message"; }
    @Override public String syntax() { return "MESSAGE(argument)"; }

    @Override
    public String description() {
        return """
                Reads or writes the message of the channel. argument is one of:
                  to    where the message was sent (skype:<account> for a message that arrived on a Skype account)
                  from  who sent it (skype:<buddy's bare JID>)
                  body  its text
                On a Message channel started by a technology's message routing (chat_context in
                chan_skype.conf) they are filled in; on any other channel Set(MESSAGE(body)=...) makes a
                message for MessageSend.""";
    }

    @Override public boolean writable() { return true; }

    @Override
    public String read(Channel c, String args) {
        if (c == null) return "";
        String field = args == null ? "" : args.trim().toLowerCase(Locale.ROOT);
        if (!field.equals("to") && !field.equals("from") && !field.equals("body")) {
            PbxLog.warning("message.c", "Invalid argument to MESSAGE(): '" + args + "' (to, from or body)");
            return "";
        }
        TextMessage m = TextMessage.of(c, false);
        if (m == null) {
            PbxLog.warning("message.c", "No message data found on channel " + c.name());
            return "";
        }
        return switch (field) {
            case "to" -> m.to;
            case "from" -> m.from;
            default -> m.body;
        };
    }

    @Override
    public void write(Channel c, String args, String value) {
        if (c == null) return;
        String field = args == null ? "" : args.trim().toLowerCase(Locale.ROOT);
        TextMessage m = TextMessage.of(c, true);
        String v = value == null ? "" : value;
        switch (field) {
            case "to" -> m.to = v;
            case "from" -> m.from = v;
            case "body" -> m.body = v;
            default -> PbxLog.warning("message.c", "Invalid argument to MESSAGE(): '" + args + "' (to, from or body)");
        }
    }
}
