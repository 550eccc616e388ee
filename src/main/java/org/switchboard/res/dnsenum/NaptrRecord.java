package org.switchboard.res.dnsenum;

/**
 * One NAPTR resource record (RFC 3403 §4.1) as the DNS answered it: the order and preference that
 * sort it, its flags ({@code u}: the rule ends in a URI), its service field ({@code E2U+sip}) and
 * the substitution expression that turns the number into that URI.
 */
public record NaptrRecord(int order, int preference, String flags, String service, String regexp, String replacement) {}
