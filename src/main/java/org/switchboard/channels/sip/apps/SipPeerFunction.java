package org.switchboard.channels.sip.apps;

import java.util.List;
import java.util.Locale;
import org.switchboard.channels.sip.SipModule;
import org.switchboard.channels.sip.SipPeerView;
import org.switchboard.channels.sip.config.Codec;
import org.switchboard.channels.sip.config.SipPeer;
import org.switchboard.core.AppArgs;
import org.switchboard.core.Channel;
import org.switchboard.core.DialplanFunction;
import org.switchboard.core.PbxLog;

/** SIPPEER(peername[,item]): what chan_sip knows of a peer. */
public final class SipPeerFunction implements DialplanFunction {
    /** chan_sip's call_limit when call-limit is not set (INT_MAX). */
    private static final int NO_LIMIT = Integer.MAX_VALUE;

    @Override public String name() { return "SIPPEER"; }
    @Override public String synopsis() { return "Gets SIP peer information."; }
    @Override public String syntax() { return "SIPPEER(peername[,item])"; }

    @Override
    public String description() {
        return """
                Items:
                  ip               (default) the peer's address: registered contact or host; empty without one
                  port             its port (0 without an address)
                  mailbox          the configured mailbox
                  context          the configured context
                  expire           seconds until the registration expires, -1 when not registered
                  dynamic          yes when the peer registers (host=dynamic), else no
                  callerid_name    the configured Caller ID name
                  callerid_num     the configured Caller ID number
                  callgroup, pickupgroup, namedcallgroup, namedpickupgroup   empty (no groups here)
                  codecs           the configured codecs, e.g. (ulaw|alaw)
                  status           OK (12 ms), LAGGED, UNREACHABLE, UNKNOWN, or Unmonitored without qualify
                  regexten         empty (regexten is not supported)
                  limit            the call-limit (2147483647 when none is set)
                  busylevel        0
                  curcalls         the calls the peer has now
                  language         the configured language
                  accountcode      the configured account code
                  useragent        the User-Agent of its registration
                  maxforwards      70
                  chanvar[name]    empty (setvar is not supported)
                  codec[x]         the x-th configured codec, from 0
                A name that is not a peer, or an unknown item: a warning and an empty string.""";
    }

    @Override
    public String read(Channel c, String args) {
        if (c == null) return "";
        List<String> a = AppArgs.separate(args == null ? "" : args, ',', true, 2);
        String name = AppArgs.arg(a, 0).strip();
        String item = AppArgs.arg(a, 1).strip();
        if (name.isEmpty()) {
            PbxLog.warning("chan_sip.c", "SIPPEER requires a peer name: SIPPEER(peername[,item])");
            return "";
        }
        SipModule m = SipModule.get(c.pbx());
        SipPeer peer = m == null || m.stack() == null ? null : m.stack().settings().peer(name);
        if (peer == null || !peer.type().isPeer()) {
            PbxLog.warning("chan_sip.c", "SIPPEER(): no SIP peer '" + name + "'");
            return "";
        }
        SipPeerView v = SipPeerView.of(m.stack(), peer);
        String it = item.isEmpty() ? "ip" : item.toLowerCase(Locale.ROOT);
        if (it.startsWith("codec[") && it.endsWith("]")) return codecAt(peer, it.substring(6, it.length() - 1));
        if (it.startsWith("chanvar[") && it.endsWith("]")) return "";
        return switch (it) {
            case "ip" -> v.ip() == null ? "" : v.ip();
            case "port" -> Integer.toString(v.port());
            case "mailbox" -> SipPeerView.nz(peer.mailbox());
            case "context" -> SipPeerView.nz(peer.context());
            case "expire" -> Long.toString(v.expiresIn());
            case "dynamic" -> peer.isDynamic() ? "yes" : "no";
            case "callerid_name" -> SipPeerView.nz(peer.callerIdName());
            case "callerid_num" -> SipPeerView.nz(peer.callerIdNumber());
            case "callgroup", "pickupgroup", "namedcallgroup", "namedpickupgroup", "regexten" -> "";
            case "codecs" -> v.codecs();
            case "status" -> v.status();
            case "limit" -> Integer.toString(peer.callLimit() > 0 ? peer.callLimit() : NO_LIMIT);
            case "busylevel" -> "0";
            case "curcalls" -> Integer.toString(v.inUse());
            case "language" -> SipPeerView.nz(peer.language());
            case "accountcode" -> SipPeerView.nz(peer.accountCode());
            case "useragent" -> v.userAgent();
            case "maxforwards" -> "70";
            default -> {
                PbxLog.warning("chan_sip.c", "SIPPEER(): unknown item '" + item + "'");
                yield "";
            }
        };
    }

    private static String codecAt(SipPeer peer, String index) {
        int i;
        try {
            i = Integer.parseInt(index.strip());
        } catch (NumberFormatException e) {
            return "";
        }
        List<Codec> codecs = peer.codecs();
        return i >= 0 && i < codecs.size() ? codecs.get(i).confName() : "";
    }
}
