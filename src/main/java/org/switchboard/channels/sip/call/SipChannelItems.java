package org.switchboard.channels.sip.call;

import java.net.InetSocketAddress;
import java.util.Locale;
import org.switchboard.channels.sip.dialog.SipDialog;
import org.switchboard.channels.sip.message.NameAddr;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.transport.Protocol;
import org.switchboard.core.PbxLog;

/**
 * CHANNEL(pjsip,item) on a PJSIP channel, as chan_pjsip's channel read callback: the signalling
 * addresses, whether it is secure, the dialog's URIs and tags, the Call-ID and the Request-URI of
 * the INVITE that began the call. Null for anything else, which CHANNEL() logs as unknown.
 */
final class SipChannelItems {
    private SipChannelItems() {}

    static String read(SipCall call, String args) {
        int comma = args == null ? -1 : args.indexOf(',');
        if (comma < 0 || !call.stack().technology().equals("PJSIP")) return null;
        String type = args.substring(0, comma).strip().toLowerCase(Locale.ROOT);
        String item = args.substring(comma + 1).strip().toLowerCase(Locale.ROOT);
        if (!type.equals("pjsip")) return null;
        SipDialog d = call.dialog();
        SipRequest invite = call.initialRequest();
        InetSocketAddress remote = call.remote() == null ? null : call.remote().address();
        String value = switch (item) {
            case "remote_addr" -> remote == null ? "" : hostPort(remote.getAddress().getHostAddress(), remote.getPort());
            case "local_addr" -> remote == null ? "" : hostPort(call.stack().localHost(remote.getAddress()),
                call.stack().localPort(call.remote().protocol()));
            case "secure" -> call.remote() != null && (call.remote().protocol() == Protocol.TLS
                || call.remote().protocol() == Protocol.WSS) ? "1" : "0";
            case "target_uri" -> d == null || d.remoteTarget() == null ? "" : d.remoteTarget().toString();
            case "local_uri" -> uri(d == null ? null : d.localUri());
            case "remote_uri" -> uri(d == null ? null : d.remoteUri());
            case "local_tag" -> call.localTag();
            case "remote_tag" -> d == null || d.remoteTag() == null ? "" : d.remoteTag();
            case "call-id" -> call.callId();
            case "request_uri" -> invite == null || invite.uri() == null ? "" : invite.uri().toString();
            case "t38state" -> "DISABLED";
            default -> {
                PbxLog.warning("chan_pjsip.c", "Unrecognized argument '" + item + "' for 'pjsip' information");
                yield "";
            }
        };
        return value;
    }

    private static String uri(NameAddr a) { return a == null || a.uri() == null ? "" : a.uri().toString(); }

    private static String hostPort(String host, int port) {
        return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }
}
