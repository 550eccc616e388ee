package org.switchboard.channels.sip.cli;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.channels.sip.SipModule;
import org.switchboard.channels.sip.SipPeerView;
import org.switchboard.channels.sip.SipQualifier;
import org.switchboard.channels.sip.config.SipPeer;
import org.switchboard.core.Pbx;

/** {@code sip show peer <name>}: chan_sip's key/value block for one peer. */
public final class SipShowPeerCommand extends SipCliCommand {
    public SipShowPeerCommand() {
        super("sip show peer", """
            Usage: sip show peer <name>
                   Shows all details on one SIP peer and the current status.""");
    }

    @Override
    boolean execute(SipModule sip, List<String> args, PrintWriter out) {
        if (args.size() != 1) return false;
        SipPeer p = sip.stack().settings().peer(args.get(0));
        if (p == null || !p.type().isPeer()) {
            out.println("Peer " + args.get(0) + " not found.");
            out.println();
            return true;
        }
        SipPeerView v = SipPeerView.of(sip.stack(), p);
        out.println();
        out.println();
        line(out, "* Name", p.name());
        line(out, "Description", "");
        line(out, "Secret", set(p.secret()));
        line(out, "MD5Secret", set(p.md5secret()));
        line(out, "Context", SipPeerView.nz(p.context()));
        line(out, "Language", SipPeerView.nz(p.language()));
        if (p.accountCode() != null && !p.accountCode().isEmpty()) line(out, "Accountcode", p.accountCode());
        if (p.fromUser() != null && !p.fromUser().isEmpty()) line(out, "FromUser", p.fromUser());
        if (p.fromDomain() != null && !p.fromDomain().isEmpty()) line(out, "FromDomain", p.fromDomain() + " Port 5060");
        line(out, "Mailbox", SipPeerView.nz(p.mailbox()));
        line(out, "Call limit", Integer.toString(p.callLimit()));
        line(out, "In use", Integer.toString(v.inUse()));
        line(out, "Dynamic", p.isDynamic() ? "Yes" : "No");
        line(out, "Callerid", v.callerId("<unspecified>"));
        line(out, "Expire", Long.toString(v.expiresIn()));
        line(out, "Insecure", insecure(p));
        line(out, "Force rport", v.forceRport());
        line(out, "Symmetric RTP", v.comedia());
        line(out, "ACL", p.acl().isEmpty() ? "No" : "Yes");
        line(out, "DTMFmode", v.dtmfMode());
        line(out, "ToHost", p.isDynamic() ? "" : p.host());
        line(out, "Addr->IP", v.address());
        line(out, "Defaddr->IP", "(null)");
        line(out, "Prim.Transp.", v.binding() == null ? "UDP" : v.binding().transport());
        line(out, "Def. Username", SipPeerView.nz(v.username()));
        line(out, "Codecs", v.codecs());
        line(out, "Status", v.status());
        line(out, "Useragent", v.userAgent());
        line(out, "Reg. Contact", v.regContact());
        line(out, "Qualify Freq", (p.qualifyMs() > 0 ? SipQualifier.FREQ_SECONDS * 1000 : 0) + " ms");
        out.println();
        return true;
    }

    /** {@code "  Key          : value"}: the key padded to chan_sip's 13 columns. */
    private static void line(PrintWriter out, String key, String value) {
        out.println("  " + String.format("%-13s", key) + ": " + value);
    }

    private static String set(String secret) { return secret == null || secret.isEmpty() ? "<Not set>" : "<Set>"; }

    /** chan_sip's insecure2str. */
    public static String insecure(SipPeer p) {
        boolean port = p.insecure().contains(SipPeer.Insecure.PORT), invite = p.insecure().contains(SipPeer.Insecure.INVITE);
        return port && invite ? "port,invite" : port ? "port" : invite ? "invite" : "no";
    }

    @Override
    public List<String> complete(Pbx pbx, List<String> args) {
        return args.size() == 1 ? peerNames(pbx, args.get(0)) : List.of();
    }
}
