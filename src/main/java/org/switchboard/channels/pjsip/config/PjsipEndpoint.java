package org.switchboard.channels.pjsip.config;

import java.util.List;
import org.switchboard.channels.sip.config.Codec;
import org.switchboard.channels.sip.config.DtmfMode;

/**
 * A {@code type=endpoint} section, templates applied, with res_pjsip's defaults: {@code context}
 * default, no codecs until {@code allow}, {@code dtmf_mode} rfc4733, {@code direct_media} yes,
 * {@code rtp_symmetric} no, {@code force_rport} yes, {@code rewrite_contact} no, {@code media_encryption}
 * no ({@code media_encryption_optimistic} no); {@code transport} names a {@code type=transport} section. {@code aors}
 * and {@code auth} name only sections that exist (missing ones were problems at read).
 */
public record PjsipEndpoint(String name, String context, List<Codec> codecs, List<String> aors, String auth,
                            String outboundAuth, String callerId, DtmfMode dtmfMode, boolean directMedia,
                            String fromUser, String fromDomain, boolean rtpSymmetric, boolean forceRport,
                            boolean rewriteContact, String language, String mailboxes, String transport,
                            org.switchboard.channels.sip.config.MediaEncryption mediaEncryption,
                            String file, int line) {
    public PjsipEndpoint {
        codecs = List.copyOf(codecs);
        aors = List.copyOf(aors);
    }
}
