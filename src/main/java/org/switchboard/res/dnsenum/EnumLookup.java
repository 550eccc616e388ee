package org.switchboard.res.dnsenum;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.switchboard.config.Config;
import org.switchboard.config.ConfigEntry;
import org.switchboard.config.ConfigSection;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;

/**
 * ENUM (RFC 6116) as Asterisk's enum.c does it, one per PBX: a number becomes a domain under a
 * zone suffix ({@code +49 30 1234} is {@code 4.3.2.1.0.3.9.4.e164.arpa}), its NAPTR records are
 * fetched, sorted by order and preference, filtered by enumservice and turned into URIs by their
 * substitution expressions. enum.conf's {@code [general] search => zone} lines are the suffixes
 * tried when a call names none; {@code nameserver = host[:port]} and {@code timeout} (ours) say
 * whom to ask, else the first name server of /etc/resolv.conf. The {@code i} option asks the
 * infrastructure ENUM tree: {@code [ienum] branchlabel} (default {@code i}) goes between the
 * country code and the rest of the number ({@code +43 1 2345} is {@code 5.4.3.2.1.i.3.4.e164.arpa}),
 * the country code's length taken from E.164's assignments.
 */
public final class EnumLookup {
    public static final String CONF = "enum.conf";
    static final String LOG = "enum.c";
    public static final String DEFAULT_SUFFIX = "e164.arpa";

    /** Options of ENUMLOOKUP: count, full URI, ISN, infrastructure ENUM, direct (no digit flipping). */
    public record Options(boolean count, boolean fullUri, boolean isn, boolean infrastructure, boolean direct) {
        public static Options parse(String text) {
            String t = text == null ? "" : text;
            return new Options(t.indexOf('c') >= 0, t.indexOf('u') >= 0, t.indexOf('s') >= 0, t.indexOf('i') >= 0, t.indexOf('d') >= 0);
        }
    }

    /** URIs of the matching records in order (scheme kept), or the reason there are none. */
    public record Result(List<String> uris, String error) {}

    private final Pbx pbx;

    private EnumLookup(Pbx pbx) { this.pbx = pbx; }

    public static EnumLookup of(Pbx pbx) { return pbx.service(EnumLookup.class, EnumLookup::new); }

    /**
     * Looks {@code number} up for enumservice {@code tech} ({@code ALL}: every one) under {@code suffix}
     * (empty: enum.conf's search list, then e164.arpa). Blocks the calling thread for the DNS round trip.
     */
    public Result lookup(String number, String tech, Options o, String suffix) {
        Settings s = settings();
        String digits = digits(number, o.isn());
        if (digits.isEmpty()) return new Result(List.of(), "no digits in '" + number + "'");
        List<String> zones = !suffix.isBlank() ? List.of(suffix.strip()) : s.search();
        String error = null;
        DnsNaptrResolver dns = new DnsNaptrResolver(s.nameserver(), s.timeoutMs(), 2);
        for (String zone : zones) {
            String name = domain(digits, o, zone, s.branchLabel());
            DnsNaptrResolver.Answer a = dns.naptr(name);
            if (a.error() != null) {
                error = name + ": " + a.error();
                PbxLog.warning(LOG, "ENUM lookup of " + name + " failed: " + a.error());
                continue;
            }
            List<String> uris = uris(a.records(), "+" + digits.replace("*", ""), tech, name);
            if (!uris.isEmpty()) return new Result(uris, null);
        }
        return new Result(List.of(), error);
    }

    /** The terminal records whose enumservice matches, sorted, each one's URI (RFC 3403 §4.1, RFC 6116 §3.4). */
    static List<String> uris(List<NaptrRecord> records, String aus, String tech, String name) {
        List<NaptrRecord> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparingInt(NaptrRecord::order).thenComparingInt(NaptrRecord::preference));
        List<String> out = new ArrayList<>();
        for (NaptrRecord r : sorted) {
            if (!r.flags().equalsIgnoreCase("u")) continue;     // non-terminal rules lead elsewhere; enum.c does not follow them
            if (!serves(r.service(), tech)) continue;
            NaptrRegexp.Parsed p = NaptrRegexp.parse(r.regexp());
            if (p.error() != null) {
                PbxLog.warning(LOG, "NAPTR record of " + name + " (order " + r.order() + ", " + r.service() + ") has a bad regexp '"
                        + r.regexp() + "': " + p.error() + "; skipped");
                continue;
            }
            String uri = p.regexp().apply(aus);
            if (uri == null || uri.isEmpty()) continue;
            out.add(uri);
        }
        return out;
    }

    /** {@code E2U+sip}, {@code E2U+voice:tel}, old {@code sip+E2U}: whether the enumservice is {@code tech} (or tech is ALL). */
    static boolean serves(String service, String tech) {
        String s = service.toLowerCase(Locale.ROOT);
        String t = tech.toLowerCase(Locale.ROOT);
        if (s.startsWith("e2u+")) s = s.substring(4);
        else if (s.endsWith("+e2u")) s = s.substring(0, s.length() - 4);
        else return false;
        if (t.equals("all")) return true;
        for (String part : s.split("[:+]")) if (part.equals(t)) return true;
        return false;
    }

    /** The digits of a number ({@code +}, spaces, dashes dropped); with ISN its {@code *} is kept. */
    static String digits(String number, boolean isn) {
        StringBuilder sb = new StringBuilder();
        for (char ch : number.toCharArray()) if (Character.isDigit(ch) || (isn && ch == '*')) sb.append(ch);
        return sb.toString();
    }

    /** RFC 6116 §2.4: the digits reversed, dot-separated, the suffix after; ISN {@code 1234*256} is {@code 4.3.2.1.256.suffix}. */
    static String domain(String digits, Options o, String zone) { return domain(digits, o, zone, DEFAULT_BRANCH_LABEL); }

    static String domain(String digits, Options o, String zone, String branchLabel) {
        String z = zone.endsWith(".") ? zone.substring(0, zone.length() - 1) : zone;
        if (o.direct()) return digits + "." + z;
        String head = digits, itad = null;
        int star = digits.indexOf('*');
        if (o.isn() && star >= 0) {
            head = digits.substring(0, star);
            itad = digits.substring(star + 1).replace("*", "");
        } else if (o.infrastructure() && digits.length() > countryCodeLength(digits)) {
            // draft-haberler-carrier-enum: the branch label between the subscriber part and the country code
            int cc = countryCodeLength(digits);
            return reversed(digits.substring(cc)) + branchLabel + "." + reversed(digits.substring(0, cc)) + z;
        }
        StringBuilder sb = new StringBuilder(reversed(head));
        if (itad != null && !itad.isEmpty()) sb.append(itad).append('.');
        return sb.append(z).toString();
    }

    private static String reversed(String digits) {
        StringBuilder sb = new StringBuilder();
        for (int i = digits.length() - 1; i >= 0; i--) sb.append(digits.charAt(i)).append('.');
        return sb.toString();
    }

    /** Length of the E.164 country code a number starts with (ITU-T E.164 assignments: 1, 7; the two-digit codes; else 3). */
    static int countryCodeLength(String digits) {
        if (digits.startsWith("1") || digits.startsWith("7")) return 1;
        if (digits.length() < 2) return digits.length();
        return TWO_DIGIT_CODES.contains(digits.substring(0, 2)) ? 2 : Math.min(3, digits.length());
    }

    private static final java.util.Set<String> TWO_DIGIT_CODES = java.util.Set.of("20", "27", "30", "31", "32", "33", "34", "36",
            "39", "40", "41", "43", "44", "45", "46", "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61",
            "62", "63", "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98");
    static final String DEFAULT_BRANCH_LABEL = "i";

    /** The URI as ENUMLOOKUP returns it without the u option: what follows the scheme's colon. */
    public static String withoutScheme(String uri) {
        int colon = uri.indexOf(':');
        return colon < 0 ? uri : uri.substring(colon + 1);
    }

    record Settings(List<String> search, InetSocketAddress nameserver, int timeoutMs, String branchLabel) {}

    private Settings settings() {
        List<String> search = new ArrayList<>();
        String ns = null;
        int timeoutMs = 2000;
        String branchLabel = DEFAULT_BRANCH_LABEL;
        if (pbx.hasConfig(CONF)) {
            Config c = pbx.config(CONF);
            ConfigSection ienum = c.section("ienum");
            if (ienum != null) {
                for (ConfigEntry e : ienum.entries()) {
                    if (!e.key().equalsIgnoreCase("branchlabel")) {
                        PbxLog.warning(LOG, e.file() + ":" + e.line() + ": unknown option '" + e.key() + "' in [ienum]");
                    } else if (e.value().strip().matches("[A-Za-z0-9-]{1,63}")) {
                        branchLabel = e.value().strip();
                    } else {
                        PbxLog.warning(LOG, e.file() + ":" + e.line() + ": branchlabel must be one DNS label, not '" + e.value() + "'; 'i' is used");
                    }
                }
            }
            ConfigSection g = c.section("general");
            if (g != null) {
                for (ConfigEntry e : g.entries()) {
                    switch (e.key().toLowerCase(Locale.ROOT)) {
                        case "search" -> search.add(e.value().strip());
                        case "nameserver" -> ns = e.value().strip();
                        case "timeout" -> {
                            try {
                                timeoutMs = (int) Math.round(Double.parseDouble(e.value().strip()) * 1000);
                                if (timeoutMs < 100 || timeoutMs > 30_000) throw new NumberFormatException();
                            } catch (NumberFormatException ex) {
                                PbxLog.warning(LOG, e.file() + ":" + e.line() + ": timeout must be seconds from 0.1 to 30, not '" + e.value() + "'; 2 is used");
                                timeoutMs = 2000;
                            }
                        }
                        default -> PbxLog.warning(LOG, e.file() + ":" + e.line() + ": unknown option '" + e.key() + "' in [general]");
                    }
                }
            }
        }
        if (search.isEmpty()) search.add(DEFAULT_SUFFIX);
        InetSocketAddress server;
        try {
            server = address(ns == null ? resolvConf() : ns);
        } catch (RuntimeException e) {
            PbxLog.warning(LOG, CONF + ": nameserver '" + ns + "' is not host[:port]; /etc/resolv.conf's is used");
            server = address(resolvConf());
        }
        return new Settings(search, server, timeoutMs, branchLabel);
    }

    /** {@code host}, {@code host:port}, {@code [v6]:port}; port 53 when none is given. */
    static InetSocketAddress address(String text) {
        String t = text.strip();
        int port = 53;
        String host = t;
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            host = t.substring(1, close);
            if (close + 1 < t.length() && t.charAt(close + 1) == ':') port = Integer.parseInt(t.substring(close + 2));
        } else if (t.indexOf(':') == t.lastIndexOf(':') && t.indexOf(':') > 0) {
            host = t.substring(0, t.indexOf(':'));
            port = Integer.parseInt(t.substring(t.indexOf(':') + 1));
        }
        return new InetSocketAddress(host, port);
    }

    /** The first {@code nameserver} of /etc/resolv.conf, read, never written; 127.0.0.1 when there is none. */
    private static String resolvConf() {
        try {
            for (String l : Files.readAllLines(Path.of("/etc/resolv.conf"))) {
                String[] w = l.strip().split("\\s+");
                if (w.length >= 2 && w[0].equals("nameserver")) return w[1].contains(":") ? "[" + w[1] + "]" : w[1];
            }
        } catch (IOException e) {
            // no resolv.conf: loopback
        }
        return "127.0.0.1";
    }
}
