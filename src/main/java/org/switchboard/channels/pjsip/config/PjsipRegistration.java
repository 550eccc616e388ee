package org.switchboard.channels.pjsip.config;

/**
 * A {@code type=registration} section (res_pjsip_outbound_registration), with its defaults:
 * {@code retry_interval} 60, {@code forbidden_retry_interval} 0 (a 403 is final),
 * {@code max_retries} 10, {@code expiration} 3600, {@code contact_user} "s".
 *
 * @param serverUri    the registrar's URI, the Request-URI of every REGISTER
 * @param clientUri    the address of record, in To and From
 * @param outboundAuth the {@code type=auth} that answers challenges, or null (only names that exist)
 * @param transport    the {@code type=transport} section to send over, or null for the first udp one
 * @param line         {@code line=yes}: calls from the registrar carry a line parameter for {@code endpoint}
 * @param endpoint     the endpoint incoming calls through this registration belong to, or null
 */
public record PjsipRegistration(String name, String serverUri, String clientUri, String outboundAuth,
                                int retryInterval, int forbiddenRetryInterval, int fatalRetryInterval, int maxRetries,
                                int expiration, String contactUser, String transport, boolean line, String endpoint,
                                boolean authRejectionPermanent, String file, int lineNumber) {}
