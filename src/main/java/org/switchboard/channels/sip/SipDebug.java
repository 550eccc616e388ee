package org.switchboard.channels.sip;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.channels.sip.message.SipMessage;
import org.switchboard.channels.sip.transport.Endpoint;
import org.switchboard.core.PbxLog;

/**
 * {@code sip set debug on|off|ip X|peer X}: prints each message as it crosses the wire, with
 * chan_sip's "Transmitting"/"Received" banners. Off costs one volatile read per message.
 */
public final class SipDebug {
    private volatile boolean all;
    private final Set<String> addresses = ConcurrentHashMap.newKeySet();
    private volatile boolean any;

    public boolean enabled() { return any; }

    public void on() { all = true; any = true; }

    public void off() {
        all = false;
        addresses.clear();
        any = false;
    }

    /** Only messages to or from this IP address. */
    public void onlyAddress(String ip) {
        addresses.add(ip.toLowerCase(Locale.ROOT));
        any = true;
    }

    public String describe() {
        if (all) return "SIP debugging enabled";
        if (!addresses.isEmpty()) return "SIP debugging enabled for " + String.join(", ", addresses);
        return "SIP debugging disabled";
    }

    void log(boolean sent, SipMessage m, Endpoint peer) {
        String ip = peer.address().getAddress() == null ? peer.address().getHostString() : peer.address().getAddress().getHostAddress();
        if (!all && !addresses.contains(ip)) return;
        String where = ip + ":" + peer.address().getPort();
        String text = m.toString();
        PbxLog.verbose(0, (sent ? "<--- Transmitting SIP message (" + text.length() + " bytes) to " + peer.protocol() + ":" + where + " --->"
                : "<--- SIP read from " + peer.protocol() + ":" + where + " --->") + "\n" + text + "\n<------------->");
    }
}
