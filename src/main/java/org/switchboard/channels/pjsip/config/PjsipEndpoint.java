package org.switchboard.channels.pjsip.config;

import java.util.List;
import org.switchboard.channels.sip.config.Codec;
import org.switchboard.channels.sip.config.DtmfMode;

/**
 * A {@code type=endpoint} section, templates applied, with res_pjsip's defaults: {@code context}
 * default, no codecs until {@code allow}, {@code dtmf_mode} rfc4733, {@code direct_media} yes,
 * {@code rtp_symmetric} no, {@code force_rport} yes, {@code rewrite_contact} no, {@code media_encryption}
 * no ({@code media_encryption_optimistic} no); {@code transport} names a {@code type=transport} section. {@code aors}
 * and {@code auth} name only sections that exist (missing ones were problems at read);
 * {@code media} holds the media encryption, ICE and WebRTC options ({@code mediaEncryption} is its
 * encryption with {@code media_encryption_optimistic}: sdes goes to SDES-SRTP, dtls to the ICE/DTLS path);
 * {@code identity} the trust_id_* / send_pai / send_rpid options.
 */
public record PjsipEndpoint(String name, String context, List<Codec> codecs, List<String> aors, String auth,
                            String outboundAuth, String callerId, DtmfMode dtmfMode, boolean directMedia,
                            String fromUser, String fromDomain, boolean rtpSymmetric, boolean forceRport,
                            boolean rewriteContact, String language, String mailboxes, String transport,
                            org.switchboard.channels.sip.config.MediaEncryption mediaEncryption,
                            String file, int line, PjsipMedia media, PjsipIdentity identity) {
    public PjsipEndpoint {
        if (identity == null) identity = PjsipIdentity.DEFAULT;
        codecs = List.copyOf(codecs);
        aors = List.copyOf(aors);
        if (media == null) media = PjsipMedia.DEFAULT;
        if (mediaEncryption == null) mediaEncryption = org.switchboard.channels.sip.config.MediaEncryption.of(media.encryption().name(), false);
    }

    /** {@code media}'s encryption, not optimistic. */
    public PjsipEndpoint(String name, String context, List<Codec> codecs, List<String> aors, String auth,
                         String outboundAuth, String callerId, DtmfMode dtmfMode, boolean directMedia,
                         String fromUser, String fromDomain, boolean rtpSymmetric, boolean forceRport,
                         boolean rewriteContact, String language, String mailboxes, String transport,
                         String file, int line, PjsipMedia media) {
        this(name, context, codecs, aors, auth, outboundAuth, callerId, dtmfMode, directMedia, fromUser, fromDomain,
            rtpSymmetric, forceRport, rewriteContact, language, mailboxes, transport, null, file, line, media, null);
    }

    /** Plain RTP media ({@link PjsipMedia#DEFAULT}). */
    public PjsipEndpoint(String name, String context, List<Codec> codecs, List<String> aors, String auth,
                         String outboundAuth, String callerId, DtmfMode dtmfMode, boolean directMedia,
                         String fromUser, String fromDomain, boolean rtpSymmetric, boolean forceRport,
                         boolean rewriteContact, String language, String mailboxes, String transport,
                         String file, int line) {
        this(name, context, codecs, aors, auth, outboundAuth, callerId, dtmfMode, directMedia, fromUser, fromDomain,
            rtpSymmetric, forceRport, rewriteContact, language, mailboxes, transport, null, file, line, PjsipMedia.DEFAULT, null);
    }
}
