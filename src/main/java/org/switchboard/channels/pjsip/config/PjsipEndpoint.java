package org.switchboard.channels.pjsip.config;

import java.util.List;
import org.switchboard.channels.sip.config.Codec;
import org.switchboard.channels.sip.config.DtmfMode;

/**
 * A {@code type=endpoint} section, templates applied, with res_pjsip's defaults: {@code context}
 * default, no codecs until {@code allow}, {@code dtmf_mode} rfc4733, {@code direct_media} yes,
 * {@code rtp_symmetric} no, {@code force_rport} yes, {@code rewrite_contact} no. {@code aors}
 * and {@code auth} name only sections that exist (missing ones were problems at read);
 * {@code media} holds the media encryption, ICE and WebRTC options.
 */
public record PjsipEndpoint(String name, String context, List<Codec> codecs, List<String> aors, String auth,
                            String outboundAuth, String callerId, DtmfMode dtmfMode, boolean directMedia,
                            String fromUser, String fromDomain, boolean rtpSymmetric, boolean forceRport,
                            boolean rewriteContact, String language, String mailboxes, String transport,
                            String file, int line, PjsipMedia media) {
    public PjsipEndpoint {
        codecs = List.copyOf(codecs);
        aors = List.copyOf(aors);
        if (media == null) media = PjsipMedia.DEFAULT;
    }

    /** Plain RTP media ({@link PjsipMedia#DEFAULT}). */
    public PjsipEndpoint(String name, String context, List<Codec> codecs, List<String> aors, String auth,
                         String outboundAuth, String callerId, DtmfMode dtmfMode, boolean directMedia,
                         String fromUser, String fromDomain, boolean rtpSymmetric, boolean forceRport,
                         boolean rewriteContact, String language, String mailboxes, String transport,
                         String file, int line) {
        this(name, context, codecs, aors, auth, outboundAuth, callerId, dtmfMode, directMedia, fromUser, fromDomain,
            rtpSymmetric, forceRport, rewriteContact, language, mailboxes, transport, file, line, PjsipMedia.DEFAULT);
    }
}
