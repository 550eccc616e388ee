package org.switchboard.channels.sip.call;

import org.switchboard.core.Frame;
import org.switchboard.media.rtp.RtpSession;

/**
 * The RTP session's listener for a call that does not exist yet when the session opens (its
 * port goes into the SDP the call is built from): what arrives before the call is set is dropped.
 */
public final class SipRtpListener implements RtpSession.Listener {
    private volatile SipCall call;

    public void attach(SipCall c) { call = c; }

    @Override public void onVoice(RtpSession s, Frame.VoiceFrame f) {
        SipCall c = call;
        if (c != null) c.onVoice(s, f);
    }

    @Override public void onDtmf(RtpSession s, Frame.DtmfFrame f) {
        SipCall c = call;
        if (c != null) c.onDtmf(s, f);
    }

    /** The media transport failed (WebRTC: ICE or DTLS, or consent lost): the call ends, said once. */
    void mediaFailed(String why) {
        SipCall c = call;
        org.switchboard.core.Channel ch = c == null ? null : c.channel();
        if (ch == null) return;
        org.switchboard.core.PbxLog.warning("res_rtp_asterisk.c", "Hanging up " + ch.name() + ": " + why);
        ch.softHangup(org.switchboard.core.HangupCause.NORMAL_TEMPORARY_FAILURE);
    }

    @Override public void onTimeout(RtpSession s) {
        SipCall c = call;
        if (c != null) c.onTimeout(s);
    }
}
