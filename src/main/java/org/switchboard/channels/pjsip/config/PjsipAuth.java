package org.switchboard.channels.pjsip.config;

/**
 * A {@code type=auth} section: {@code auth_type=userpass} with {@code password}, or {@code md5}
 * with {@code md5_cred} (the MD5 of username:realm:password); {@code username} is what the
 * digest must carry; {@code realm} null for [global]'s default_realm.
 */
public record PjsipAuth(String name, String authType, String username, String password, String md5Cred,
                        String realm, String file, int line) {}
