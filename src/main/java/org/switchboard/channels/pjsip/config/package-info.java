/**
 * pjsip.conf as res_pjsip reads it (Asterisk 20): transports, endpoints, aors, auths, identifies
 * and [global], as immutable records with every problem at its file:line. No I/O here.
 */
package org.switchboard.channels.pjsip.config;
