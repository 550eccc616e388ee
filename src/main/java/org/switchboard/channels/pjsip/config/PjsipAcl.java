package org.switchboard.channels.pjsip.config;

import org.switchboard.channels.sip.config.NamedAcls;

/**
 * A {@code type=acl} section (res_pjsip_acl): {@code permit}/{@code deny} and {@code acl=} (named
 * acl.conf sections) for the source address of every request, {@code contact_permit}/
 * {@code contact_deny}/{@code contact_acl} for the address in a REGISTER's Contact.
 */
public record PjsipAcl(String name, NamedAcls.Combined source, NamedAcls.Combined contact, String file, int line) {}
