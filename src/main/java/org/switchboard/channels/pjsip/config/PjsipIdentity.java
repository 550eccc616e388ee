package org.switchboard.channels.pjsip.config;

/**
 * An endpoint's caller identity options (res_pjsip_caller_id), all off by default:
 * {@code trust_id_inbound} takes an incoming call's caller ID from P-Asserted-Identity (RFC 3325
 * §9.1), else Remote-Party-ID; {@code send_pai}/{@code send_rpid} add those headers to calls we
 * make; {@code trust_id_outbound} sends them even when the caller asked for privacy.
 */
public record PjsipIdentity(boolean trustInbound, boolean trustOutbound, boolean sendPai, boolean sendRpid) {
    public static final PjsipIdentity DEFAULT = new PjsipIdentity(false, false, false, false);
}
