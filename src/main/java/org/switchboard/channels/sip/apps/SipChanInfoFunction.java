package org.switchboard.channels.sip.apps;

import java.net.InetSocketAddress;
import org.switchboard.channels.sip.call.SipCall;
import org.switchboard.channels.sip.message.NameAddr;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.core.Channel;
import org.switchboard.core.DialplanFunction;
import org.switchboard.core.PbxLog;

/** SIPCHANINFO(item): what chan_sip knows of this channel's call. */
public final class SipChanInfoFunction implements DialplanFunction {
    @Override public String name() { return "SIPCHANINFO"; }
    @Override public String synopsis() { return "Gets the specified SIP parameter from the current channel."; }
    @Override public String syntax() { return "SIPCHANINFO(item)"; }

    @Override
    public String description() {
        return """
                Items:
                  peerip          the address of the other end of the call
                  recvip          the address its requests come from
                  recvport        and their port
                  from            the URI of the From header of the INVITE that began the call
                  uri             the URI of the Contact header of the other end
                  useragent       the other end's User-Agent
                  peername        the sip.conf peer of the call (empty for a guest)
                  t38passthrough  1 if T.38 is offered or enabled on this channel, else 0 (always 0:
                                  no T.38 here)
                An unknown item or a channel that is not SIP: a warning and an empty string.""";
    }

    @Override
    public String read(Channel c, String item) {
        if (c == null) return "";
        String what = item == null ? "" : item.strip();
        if (what.isEmpty()) {
            PbxLog.warning("chan_sip.c", "This function requires a parameter name.");
            return "";
        }
        if (!(c.tech() instanceof SipCall call)) {
            PbxLog.warning("chan_sip.c", "This function can only be used on SIP channels.");
            return "";
        }
        InetSocketAddress remote = call.remote() == null ? null : call.remote().address();
        SipRequest invite = call.initialRequest();
        return switch (what.toLowerCase(java.util.Locale.ROOT)) {
            case "peerip", "recvip" -> remote == null || remote.getAddress() == null ? "" : remote.getAddress().getHostAddress();
            case "recvport" -> remote == null ? "" : Integer.toString(remote.getPort());
            case "from" -> invite == null || invite.from() == null || invite.from().uri() == null ? "" : invite.from().uri().toString();
            case "uri" -> contactUri(call, invite);
            case "useragent" -> {
                String ua = call.isInbound() && invite != null ? invite.header("User-Agent") : null;
                yield ua == null ? "" : ua;
            }
            case "peername" -> call.peer() == null ? "" : call.peer().name();
            case "t38passthrough" -> "0";
            default -> {
                PbxLog.warning("chan_sip.c", "SIPCHANINFO: unknown item '" + what + "'");
                yield "";
            }
        };
    }

    /** The other end's Contact: the INVITE's for an incoming call, the Request-URI we called for an outgoing one. */
    private static String contactUri(SipCall call, SipRequest invite) {
        if (invite == null) return "";
        if (!call.isInbound()) return invite.uri().toString();
        try {
            var contacts = invite.contacts();
            NameAddr first = contacts.isEmpty() ? null : contacts.get(0);
            return first == null || first.uri() == null ? "" : first.uri().toString();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
