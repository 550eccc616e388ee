package org.switchboard.channels.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.switchboard.channels.sip.message.HeaderNames;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;

/**
 * The SIP extensions (option tags) a UAS understands, and the 420 for a request that requires
 * one it does not (RFC 3261 §8.2.2.3, RFC 4475 §3.3.5). A UAS looks at Require only:
 * Proxy-Require is for proxies.
 */
final class SipExtensions {
    /** What our OPTIONS answer says in Supported. */
    static final String SUPPORTED = "replaces, timer";
    private static final Set<String> KNOWN = Set.of("replaces", "timer");

    private SipExtensions() {}

    /** The option tags of the request's Require that we do not support, as sent; empty when none. */
    static List<String> unsupported(SipRequest r) {
        List<String> out = new ArrayList<>();
        for (String v : r.headers().getAll("Require")) {
            for (String tag : v.split(",")) {
                String t = tag.strip();
                if (!t.isEmpty() && !KNOWN.contains(t.toLowerCase(Locale.ROOT)) && !out.contains(t)) out.add(t);
            }
        }
        return out;
    }

    /** §8.2.2.3: 420 Bad Extension listing the unsupported tags in Unsupported. */
    static SipResponse badExtension(SipRequestRouter router, SipRequest r, List<String> unsupported, String tag) {
        SipResponse resp = router.reply(r, 420, tag);
        return resp.withHeaders(resp.headers().toBuilder().addLine("Unsupported", String.join(", ", unsupported))
            .addLine(HeaderNames.SUPPORTED, SUPPORTED).build());
    }
}
