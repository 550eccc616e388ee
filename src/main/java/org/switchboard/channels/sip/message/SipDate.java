package org.switchboard.channels.sip.message;

import java.util.regex.Pattern;

/**
 * The Date header's grammar (RFC 3261 §20.17, §25.1): {@code SIP-date = rfc1123-date}, that is
 * {@code wkday "," SP 2DIGIT SP month SP 4DIGIT SP 2DIGIT ":" 2DIGIT ":" 2DIGIT SP "GMT"}. "GMT" is
 * the only zone; "EST", "UT" and "UTC" are not (RFC 4475 §3.1.2.12).
 */
public final class SipDate {
    // ABNF strings are case-insensitive (RFC 2234 §2.3)
    private static final Pattern RFC1123 = Pattern.compile(
        "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4} "
            + "[0-9]{2}:[0-9]{2}:[0-9]{2} GMT", Pattern.CASE_INSENSITIVE);

    private SipDate() {}

    public static boolean isValid(String value) { return RFC1123.matcher(value).matches(); }
}
