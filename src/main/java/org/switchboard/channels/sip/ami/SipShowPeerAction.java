package org.switchboard.channels.sip.ami;

import org.switchboard.channels.sip.SipModule;
import org.switchboard.channels.sip.SipPeerView;
import org.switchboard.channels.sip.SipQualifier;
import org.switchboard.channels.sip.cli.SipShowPeerCommand;
import org.switchboard.channels.sip.config.SipPeer;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;

/** AMI {@code SIPshowpeer}: one peer's details as response headers (chan_sip's _sip_show_peer for the manager). */
public final class SipShowPeerAction extends SipManagerAction {
    public SipShowPeerAction() {
        super("SIPshowpeer", "show SIP peer (text format).",
            "Action: SIPshowpeer\nActionID: <value>\nPeer: <value>",
            "Show one SIP peer with details on current status. Peer is the peer name you want to check.");
    }

    @Override
    void execute(SipModule sip, ManagerRequest request, ManagerReply reply) {
        String name = peerHeader(request, reply);
        if (name == null) return;
        SipPeer p = peer(sip, name);
        if (p == null) {
            reply.error("Peer " + name + " not found.");
            return;
        }
        SipPeerView v = SipPeerView.of(sip.stack(), p);
        var f = fields(
            "Channeltype", "SIP",
            "ObjectName", p.name(),
            "ChanObjectType", "peer",
            "SecretExist", p.secret() == null || p.secret().isEmpty() ? "N" : "Y",
            "RemoteSecretExist", "N",
            "MD5SecretExist", p.md5secret() == null || p.md5secret().isEmpty() ? "N" : "Y",
            "Context", SipPeerView.nz(p.context()),
            "Language", SipPeerView.nz(p.language()));
        if (p.accountCode() != null && !p.accountCode().isEmpty()) f.put("Accountcode", p.accountCode());
        if (p.fromUser() != null && !p.fromUser().isEmpty()) f.put("SIP-FromUser", p.fromUser());
        if (p.fromDomain() != null && !p.fromDomain().isEmpty()) f.put("SIP-FromDomain", p.fromDomain());
        f.putAll(fields(
            "VoiceMailbox", SipPeerView.nz(p.mailbox()),
            "Maxforwards", "70",
            "Call-limit", Integer.toString(p.callLimit()),
            "Busy-level", "0",
            "Dynamic", p.isDynamic() ? "Y" : "N",
            "Callerid", v.callerId(""),
            "RegExpire", v.expiresIn() + " seconds",
            "SIP-AuthInsecure", SipShowPeerCommand.insecure(p),
            "SIP-Forcerport", v.forceRport(),
            "SIP-Comedia", v.comedia(),
            "ACL", p.acl().isEmpty() ? "N" : "Y",
            "SIP-VideoSupport", "N",
            "SIP-TextSupport", "N",
            "SIP-DTMFmode", v.dtmfMode(),
            "ToHost", p.isDynamic() ? "" : p.host(),
            "Address-IP", v.ip() == null ? "(null)" : v.ip(),
            "Address-Port", Integer.toString(v.port()),
            "Default-addr-IP", "(null)",
            "Default-addr-port", "0",
            "Default-Username", SipPeerView.nz(v.username()),
            "Codecs", v.codecs(),
            "Status", v.status(),
            "SIP-Useragent", v.userAgent(),
            "Reg-Contact", v.regContact(),
            "QualifyFreq", (p.qualifyMs() > 0 ? SipQualifier.FREQ_SECONDS * 1000 : 0) + " ms",
            "Description", ""));
        reply.response("Success", null, f);
    }
}
