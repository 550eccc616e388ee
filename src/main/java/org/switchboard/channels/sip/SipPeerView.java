package org.switchboard.channels.sip;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.switchboard.channels.sip.config.Codec;
import org.switchboard.channels.sip.config.SipPeer;
import org.switchboard.channels.sip.registrar.Binding;

/**
 * One peer as the console and the Manager show it (chan_sip's {@code sip show peers}, SIPpeers,
 * SIPshowpeer): its current address (registered contact or static host), its qualify status and
 * chan_sip's yes/no words for its settings. A snapshot; computing it never blocks on the network
 * except to resolve a static host name, as the qualifier does.
 *
 * @param ip      the peer's current address, or null when it has none (unregistered, unresolved)
 * @param port    its port, 0 when it has no address
 * @param binding the live registration of a dynamic peer, or null
 */
public record SipPeerView(SipPeer peer, String ip, int port, Binding binding, SipPeerStates.Qualify qualify, int inUse) {

    /** Every peer (type peer or friend) of the stack in sip.conf order, optionally only names matching {@code like}. */
    public static List<SipPeerView> all(SipStack stack, Pattern like) {
        List<SipPeerView> out = new ArrayList<>();
        for (SipPeer p : stack.settings().peers().values()) {
            if (!p.type().isPeer()) continue;
            if (like != null && !like.matcher(p.name()).find()) continue;
            out.add(of(stack, p));
        }
        return out;
    }

    public static SipPeerView of(SipStack stack, SipPeer p) {
        String ip = null;
        int port = 0;
        Binding b = null;
        if (p.isDynamic()) {
            b = stack.registrar().contact(p.name());
            if (b != null) {
                ip = b.targetHost();
                port = b.targetPort();
            }
        } else {
            InetSocketAddress a = new InetSocketAddress(p.host(), p.port());
            if (!a.isUnresolved()) {
                ip = a.getAddress().getHostAddress();
                port = p.port();
            }
        }
        return new SipPeerView(p, ip, port, b, stack.peerStates().qualify(p.name()), stack.peerStates().inUse(p.name()));
    }

    public boolean monitored() { return peer.qualifyMs() > 0; }

    /** chan_sip's peer_status(): {@code OK (12 ms)}, {@code UNREACHABLE}, {@code UNKNOWN}, or {@code Unmonitored}. */
    public String status() { return monitored() ? qualify.describe() : "Unmonitored"; }

    /**
     * Whether the peer counts as online in the {@code sip show peers} footer: a monitored peer when
     * its last qualify was answered (OK or LAGGED), an unmonitored one when it has an address.
     */
    public boolean online() {
        if (monitored()) return qualify.status().equals("OK") || qualify.status().equals("LAGGED");
        return ip != null;
    }

    /** The user part: the registered Contact's user, else {@code defaultuser}, else null. */
    public String username() {
        if (binding != null && binding.contact().user() != null && !binding.contact().user().isEmpty()) return binding.contact().user();
        return peer.defaultUser();
    }

    /** {@code ip:port} as chan_sip's ast_sockaddr_stringify, {@code (null)} without an address. */
    public String address() { return ip == null ? "(null)" : (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + port; }

    /** Whether the registration shows the peer behind NAT (the REGISTER came from elsewhere than its Contact). */
    public boolean natDetected() {
        if (binding == null || binding.source() == null) return false;
        InetAddress src = binding.source().getAddress();
        return src == null || !binding.contact().host().equals(src.getHostAddress())
            || (binding.contact().port() < 0 ? 5060 : binding.contact().port()) != binding.source().getPort();
    }

    /** The Forcerport column: {@code Yes}, {@code No}, or {@code Auto (Yes)}/{@code Auto (No)} with auto_force_rport. */
    public String forceRport() {
        if (peer.nat().auto() && peer.nat().forceRport()) return natDetected() ? "Auto (Yes)" : "Auto (No)";
        return peer.nat().forceRport() ? "Yes" : "No";
    }

    /** The Comedia column, likewise. */
    public String comedia() {
        if (peer.nat().auto() && peer.nat().comedia()) return natDetected() ? "Auto (Yes)" : "Auto (No)";
        return peer.nat().comedia() ? "Yes" : "No";
    }

    /** {@code (ulaw|alaw)} as ast_format_cap_get_names, {@code (nothing)} when empty. */
    public String codecs() {
        if (peer.codecs().isEmpty()) return "(nothing)";
        StringBuilder sb = new StringBuilder("(");
        for (Codec c : peer.codecs()) sb.append(sb.length() > 1 ? "|" : "").append(c.confName());
        return sb.append(')').toString();
    }

    /** chan_sip's dtmfmode2str. */
    public String dtmfMode() { return peer.dtmfMode().name().toLowerCase(Locale.ROOT); }

    /** ast_callerid_merge: {@code "Name" <num>}, the name or number alone, or {@code unknown}. */
    public String callerId(String unknown) {
        String n = peer.callerIdName(), num = peer.callerIdNumber();
        if (n != null && num != null) return "\"" + n + "\" <" + num + ">";
        if (n != null) return n;
        return num != null ? num : unknown;
    }

    public String userAgent() { return binding == null || binding.userAgent() == null ? "" : binding.userAgent(); }

    public String regContact() { return binding == null ? "" : binding.contact().toString(); }

    /** Seconds until the registration expires, -1 when not registered (chan_sip's ast_sched_when of none). */
    public long expiresIn() { return binding == null ? -1 : binding.expiresIn(Instant.now()); }

    public static String nz(String s) { return s == null ? "" : s; }
}
