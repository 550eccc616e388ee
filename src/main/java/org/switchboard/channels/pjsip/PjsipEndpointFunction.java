package org.switchboard.channels.pjsip;

import java.util.Locale;
import java.util.stream.Collectors;
import org.switchboard.channels.pjsip.config.PjsipEndpoint;
import org.switchboard.channels.sip.config.DtmfMode;

/** PJSIP_ENDPOINT(endpoint,field): a setting of a pjsip.conf endpoint, by its option name. */
public final class PjsipEndpointFunction extends PjsipObjectFunction {
    public PjsipEndpointFunction() { super("endpoint"); }

    @Override public String name() { return "PJSIP_ENDPOINT"; }
    @Override public String synopsis() { return "Get information about a PJSIP endpoint"; }
    @Override public String syntax() { return "PJSIP_ENDPOINT(name,field)"; }

    @Override
    public String description() {
        return """
                field is an endpoint option of pjsip.conf: context, aors, auth, outbound_auth,
                callerid, dtmf_mode, direct_media, from_user, from_domain, rtp_symmetric,
                force_rport, rewrite_contact, language, mailboxes, transport, media_encryption,
                media_encryption_optimistic, allow. Booleans read true or false. An unknown endpoint
                or field: a warning and an empty result.""";
    }

    @Override Object find(PjsipModule m, String id) { return m.settings().endpoint(id); }

    @Override
    String field(PjsipModule m, Object o, String field) {
        PjsipEndpoint e = (PjsipEndpoint) o;
        return switch (field.toLowerCase(Locale.ROOT)) {
            case "context" -> e.context();
            case "aors" -> String.join(",", e.aors());
            case "auth" -> orEmpty(e.auth());
            case "outbound_auth" -> orEmpty(e.outboundAuth());
            case "callerid" -> orEmpty(e.callerId());
            case "dtmf_mode" -> e.dtmfMode() == DtmfMode.RFC2833 ? "rfc4733" : e.dtmfMode().name().toLowerCase(Locale.ROOT);
            case "direct_media" -> bool(e.directMedia());
            case "from_user" -> orEmpty(e.fromUser());
            case "from_domain" -> orEmpty(e.fromDomain());
            case "rtp_symmetric" -> bool(e.rtpSymmetric());
            case "force_rport" -> bool(e.forceRport());
            case "rewrite_contact" -> bool(e.rewriteContact());
            case "language" -> orEmpty(e.language());
            case "mailboxes" -> orEmpty(e.mailboxes());
            case "transport" -> orEmpty(e.transport());
            case "media_encryption" -> e.mediaEncryption().kind() == org.switchboard.channels.sip.config.MediaEncryption.Kind.NONE
                ? "no" : e.mediaEncryption().kind().name().toLowerCase(Locale.ROOT);
            case "media_encryption_optimistic" -> bool(e.mediaEncryption().optimistic());
            case "allow" -> "(" + e.codecs().stream().map(c -> c.confName()).collect(Collectors.joining("|")) + ")";
            default -> null;
        };
    }
}
