package org.switchboard.channels.sip.call;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.switchboard.channels.sip.message.Headers;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelVariables;
import org.switchboard.core.PbxLog;

/**
 * The headers SIPAddHeader() leaves for an outgoing INVITE: channel variables
 * {@code __SIPADDHEADER01} ... {@code __SIPADDHEADER50}, inherited by the channel Dial makes,
 * each {@code Name: value}, as chan_sip keeps and sends them.
 */
public final class SipAddedHeaders {
    private SipAddedHeaders() {}

    public static final String PREFIX = "SIPADDHEADER";
    public static final int MAX = 50;

    /** RFC 3261 §25.1: a header name is a token. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9.!%*_+`'~-]+");

    /** The SIPADDHEADERnn variables of the channel, in their number order, without inheritance marks. */
    public static Map<String, String> of(Channel c) {
        Map<String, String> out = new TreeMap<>();
        c.variables().snapshot().forEach((k, v) -> {
            String name = ChannelVariables.stripInherit(k);
            if (name.startsWith(PREFIX)) out.put(name, v);
        });
        return out;
    }

    /**
     * transmit_invite: each variable's {@code Name: value} (a leading and a trailing double quote
     * dropped, blanks after the colon skipped) appended to the INVITE's headers. One without a
     * colon is skipped as chan_sip skips it; one whose name is not a token is skipped with a warning.
     */
    static void addTo(Channel c, Headers.Builder h) {
        for (String text : of(c).values()) {
            String t = text.startsWith("\"") ? text.substring(1) : text;
            int colon = t.indexOf(':');
            if (colon < 0) continue;
            String name = t.substring(0, colon);
            String content = t.substring(colon + 1).stripLeading();
            if (content.endsWith("\"")) content = content.substring(0, content.length() - 1);
            if (!TOKEN.matcher(name).matches()) {
                PbxLog.warning("chan_sip.c", "SIPAddHeader on " + c.name() + ": '" + name + "' is not a SIP header name; not sent");
                continue;
            }
            h.addLine(name, content);
        }
    }
}
