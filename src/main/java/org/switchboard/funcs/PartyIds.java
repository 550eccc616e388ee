package org.switchboard.funcs;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.switchboard.core.CallerId;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;

/**
 * Reading and writing one party id ({@code name}, {@code num}, {@code all}, {@code tag},
 * {@code pres}, {@code ton}, {@code subaddr}, with their {@code -valid}, {@code -pres},
 * {@code -plan}, {@code -charset} sub-fields), shared by CALLERID and CONNECTEDLINE as
 * func_callerid.c shares party_id_read/party_id_write.
 *
 * <p>A {@link CallerId} holds one presentation and one type-of-number for the whole party, so
 * {@code name-pres}, {@code num-pres} and {@code pres} read and write the same value, and a name
 * or number counts as valid when it is not empty. The rest of Asterisk's party data (the private
 * party, the ANI name and tag, the dialed subaddress, the name character set, subaddress flags)
 * lives in a per-channel {@link Store} datastore.
 */
final class PartyIds {
    private PartyIds() {}

    /** What a party field name turned out to be, as func_callerid.c's ID_FIELD_STATUS. */
    enum Status { VALID, INVALID, UNKNOWN }

    /** Presentation values and names (main/callerid.c pres_types). */
    private static final Map<Integer, String> PRES_NAMES = Map.of(
            0x00, "allowed_not_screened", 0x01, "allowed_passed_screen", 0x02, "allowed_failed_screen",
            0x03, "allowed", 0x20, "prohib_not_screened", 0x21, "prohib_passed_screen",
            0x22, "prohib_failed_screen", 0x23, "prohib", 0x43, "unavailable");

    /** AST_PRES_NUMBER_NOT_AVAILABLE: what a party with neither name nor number presents. */
    static final int PRES_UNAVAILABLE = 0x43;

    /** Name character sets, numbered as AST_PARTY_CHAR_SET_*. */
    private static final List<String> CHARSETS = List.of("unknown", "iso8859-1", "withdrawn", "iso8859-2",
            "iso8859-3", "iso8859-4", "iso8859-5", "iso8859-7", "bmp", "utf8");

    /** ast_named_caller_presentation: the name of a presentation value, {@code unknown} when it has none. */
    static String presentationName(int pres) { return PRES_NAMES.getOrDefault(pres, "unknown"); }

    /** ast_parse_caller_presentation: the value of a presentation name, -1 when unknown. */
    static int parsePresentation(String name) {
        for (Map.Entry<Integer, String> e : PRES_NAMES.entrySet()) {
            if (e.getValue().equalsIgnoreCase(name)) return e.getKey();
        }
        return -1;
    }

    static String charsetName(int charset) {
        return charset >= 0 && charset < CHARSETS.size() ? CHARSETS.get(charset) : "unknown";
    }

    static int parseCharset(String name) { return CHARSETS.indexOf(name.toLowerCase(Locale.ROOT)); }

    // ---- the per-channel store of what CallerId does not hold ----

    /** Party data beyond {@link CallerId}: character set and subaddress flags. */
    static final class Extras {
        int charset = 1;            // AST_PARTY_CHAR_SET_ISO8859_1, Asterisk's default
        boolean subaddrValid;
        int subaddrType;            // 0 NSAP, 2 user specified
        boolean subaddrOdd;
    }

    /** One per channel that used a field CallerId has no room for. */
    static final class Store implements AutoCloseable {
        private final Map<String, CallerId> parties = new HashMap<>();
        private final Map<String, Extras> extras = new HashMap<>();
        int ani2;

        synchronized CallerId party(String role) { return parties.computeIfAbsent(role, k -> new CallerId()); }
        synchronized Extras extras(String role) { return extras.computeIfAbsent(role, k -> new Extras()); }

        @Override
        public void close() { }
    }

    private static final Object STORE_KEY = new Object();

    static Store store(Channel c) {
        synchronized (STORE_KEY) {
            Store s = c.datastore(STORE_KEY);
            if (s == null) {
                s = new Store();
                c.putDatastore(STORE_KEY, s);
            }
            return s;
        }
    }

    // ---- reading ----

    /** party_id_read: the value of {@code sub} (a field name split on '-'), or null when the field is unknown. */
    static String read(CallerId p, Extras x, List<String> sub) {
        if (sub.isEmpty()) return null;
        String first = sub.get(0);
        List<String> rest = sub.subList(1, sub.size());
        if (sub.size() == 1 && first.equalsIgnoreCase("all")) {
            return "\"" + p.name() + "\" <" + p.number() + ">";
        } else if (first.equalsIgnoreCase("name")) {
            if (rest.isEmpty()) return p.name();
            if (rest.size() == 1 && rest.get(0).equalsIgnoreCase("valid")) return p.name().isEmpty() ? "0" : "1";
            if (rest.size() == 1 && rest.get(0).equalsIgnoreCase("charset")) return charsetName(x.charset);
            if (rest.size() == 1 && startsWithIgnoreCase(rest.get(0), "pres")) return presentationName(p.pres());
            return null;
        } else if (startsWithIgnoreCase(first, "num")) {
            if (rest.isEmpty()) return p.number();
            if (rest.size() == 1 && rest.get(0).equalsIgnoreCase("valid")) return p.number().isEmpty() ? "0" : "1";
            if (rest.size() == 1 && rest.get(0).equalsIgnoreCase("plan")) return Integer.toString(p.ton());
            if (rest.size() == 1 && startsWithIgnoreCase(rest.get(0), "pres")) return presentationName(p.pres());
            return null;
        } else if (startsWithIgnoreCase(first, "subaddr")) {
            return readSubaddress(p, x, rest);
        } else if (sub.size() == 1 && first.equalsIgnoreCase("tag")) {
            return p.tag();
        } else if (sub.size() == 1 && first.equalsIgnoreCase("ton")) {
            return Integer.toString(p.ton());   // ton is an alias for num-plan
        } else if (sub.size() == 1 && startsWithIgnoreCase(first, "pres")) {
            return presentationName(combinedPresentation(p));
        }
        return null;
    }

    /** party_subaddress_read; null when the field is unknown. */
    static String readSubaddress(CallerId p, Extras x, List<String> rest) {
        if (rest.isEmpty()) return p.subaddr();
        if (rest.size() == 1 && rest.get(0).equalsIgnoreCase("valid")) return x.subaddrValid ? "1" : "0";
        if (rest.size() == 1 && rest.get(0).equalsIgnoreCase("type")) return Integer.toString(x.subaddrType);
        if (rest.size() == 1 && rest.get(0).equalsIgnoreCase("odd")) return x.subaddrOdd ? "1" : "0";
        return null;
    }

    /** ast_party_id_presentation: a party with neither a name nor a number is unavailable. */
    static int combinedPresentation(CallerId p) {
        return p.name().isEmpty() && p.number().isEmpty() ? PRES_UNAVAILABLE : p.pres();
    }

    // ---- writing ----

    /**
     * party_id_write: stores {@code value} (already without leading blanks) into the field.
     * Logs Asterisk's error and returns INVALID for a bad value; UNKNOWN for an unknown field,
     * which the caller reports with its own wording.
     */
    static Status write(CallerId p, Extras x, List<String> sub, String value, String source) {
        if (sub.isEmpty()) return Status.UNKNOWN;
        String first = sub.get(0);
        List<String> rest = sub.subList(1, sub.size());
        if (sub.size() == 1 && first.equalsIgnoreCase("all")) {
            String[] nameNum = splitCallerId(value);
            p.setName(nameNum[0]);
            p.setNumber(nameNum[1]);
            return Status.VALID;
        } else if (first.equalsIgnoreCase("name")) {
            if (rest.isEmpty()) {
                p.setName(trimEnd(value));
            } else if (rest.size() == 1 && rest.get(0).equalsIgnoreCase("valid")) {
                if (FuncArgs.atoi(value) == 0) p.setName("");
            } else if (rest.size() == 1 && rest.get(0).equalsIgnoreCase("charset")) {
                String v = trimEnd(value);
                int cs = startsWithDigit(v) ? FuncArgs.atoi(v) : parseCharset(v);
                if (cs < 0) {
                    PbxLog.error(source, "Unknown name char-set '" + v + "', value unchanged");
                    return Status.INVALID;
                }
                x.charset = cs;
            } else if (rest.size() == 1 && startsWithIgnoreCase(rest.get(0), "pres")) {
                return writePresentation(p, value, "name", source);
            } else {
                return Status.UNKNOWN;
            }
            return Status.VALID;
        } else if (startsWithIgnoreCase(first, "num")) {
            if (rest.isEmpty()) {
                p.setNumber(trimEnd(value));
            } else if (rest.size() == 1 && rest.get(0).equalsIgnoreCase("valid")) {
                if (FuncArgs.atoi(value) == 0) p.setNumber("");
            } else if (rest.size() == 1 && rest.get(0).equalsIgnoreCase("plan")) {
                return writePlan(p, value, source);
            } else if (rest.size() == 1 && startsWithIgnoreCase(rest.get(0), "pres")) {
                return writePresentation(p, value, "number", source);
            } else {
                return Status.UNKNOWN;
            }
            return Status.VALID;
        } else if (startsWithIgnoreCase(first, "subaddr")) {
            return writeSubaddress(p, x, rest, value);
        } else if (sub.size() == 1 && first.equalsIgnoreCase("tag")) {
            p.setTag(trimEnd(value));
            return Status.VALID;
        } else if (sub.size() == 1 && first.equalsIgnoreCase("ton")) {
            return writePlan(p, value, source);
        } else if (sub.size() == 1 && startsWithIgnoreCase(first, "pres")) {
            return writePresentation(p, value, "combined", source);
        }
        return Status.UNKNOWN;
    }

    static Status writeSubaddress(CallerId p, Extras x, List<String> rest, String value) {
        if (rest.isEmpty()) {
            p.setSubaddr(trimEnd(value));
        } else if (rest.size() == 1 && rest.get(0).equalsIgnoreCase("valid")) {
            x.subaddrValid = FuncArgs.atoi(value) != 0;
        } else if (rest.size() == 1 && rest.get(0).equalsIgnoreCase("type")) {
            x.subaddrType = FuncArgs.atoi(value) != 0 ? 2 : 0;
        } else if (rest.size() == 1 && rest.get(0).equalsIgnoreCase("odd")) {
            x.subaddrOdd = FuncArgs.atoi(value) != 0;
        } else {
            return Status.UNKNOWN;
        }
        return Status.VALID;
    }

    static Status writePlan(CallerId p, String value, String source) {
        String v = trimEnd(value);
        if (!startsWithDigit(v)) {
            PbxLog.error(source, "Unknown type-of-number/numbering-plan '" + v + "', value unchanged");
            return Status.INVALID;
        }
        p.setTon(FuncArgs.atoi(v));
        return Status.VALID;
    }

    private static Status writePresentation(CallerId p, String value, String which, String source) {
        String v = trimEnd(value);
        int pres = startsWithDigit(v) ? FuncArgs.atoi(v) : parsePresentation(v);
        if (pres < 0) {
            PbxLog.error(source, "Unknown " + which + " presentation '" + v + "', value unchanged");
            return Status.INVALID;
        }
        p.setPres(pres);
        return Status.VALID;
    }

    // ---- "Name" <number> ----

    /**
     * ast_callerid_split: {@code "Name" <number>}, {@code Name <number>}, a bare number or a bare
     * name into {name, number}; the number loses the punctuation people write in phone numbers.
     */
    static String[] splitCallerId(String text) {
        String input = FuncArgs.strip(text);
        String inner = FuncArgs.stripQuoted(input);
        boolean quotesStripped = !inner.equals(input);
        String name;
        String number;
        int lt = inner.lastIndexOf('<');
        if (lt >= 0) {
            String location = inner.substring(lt + 1);
            int gt = location.lastIndexOf('>');
            if (gt >= 0) location = location.substring(0, gt);
            name = FuncArgs.stripQuoted(inner.substring(0, lt));
            number = shrinkPhoneNumber(location);
        } else {
            String shrunk = shrinkPhoneNumber(inner);
            if (!quotesStripped && isPhoneNumber(shrunk)) {
                name = "";
                number = shrunk;
            } else {
                name = FuncArgs.stripQuoted(inner);
                number = "";
            }
        }
        return new String[] {unescapeQuoted(name), number};
    }

    /** ast_shrink_phone_number: drops ( ) and blanks, '-' outside [..], and '.' unless it ends the text. */
    static String shrinkPhoneNumber(String n) {
        StringBuilder out = new StringBuilder(n.length());
        int bracketed = 0;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            switch (c) {
                case '[' -> { bracketed++; out.append(c); }
                case ']' -> { bracketed--; out.append(c); }
                case '-' -> { if (bracketed > 0) out.append(c); }
                case '.' -> { if (i == n.length() - 1) out.append(c); }
                case '(', ')', ' ' -> { }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** ast_isphonenumber: not empty, only digits, *, # and +. */
    static boolean isPhoneNumber(String n) {
        if (n.isEmpty()) return false;
        for (int i = 0; i < n.length(); i++) {
            if ("0123456789*#+".indexOf(n.charAt(i)) < 0) return false;
        }
        return true;
    }

    private static String unescapeQuoted(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) c = s.charAt(++i);
            out.append(c);
        }
        return out.toString();
    }

    // ---- small helpers ----

    static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    static boolean startsWithDigit(String s) { return !s.isEmpty() && s.charAt(0) >= '0' && s.charAt(0) <= '9'; }

    /** ast_trim_blanks: trailing blanks removed. */
    static String trimEnd(String s) {
        int b = s.length();
        while (b > 0 && FuncArgs.isSpace(s.charAt(b - 1))) b--;
        return s.substring(0, b);
    }

    /** ast_skip_blanks: leading blanks removed. */
    static String trimStart(String s) {
        int a = 0;
        while (a < s.length() && FuncArgs.isSpace(s.charAt(a))) a++;
        return s.substring(a);
    }

    /** A field name such as {@code name-pres} split on '-', or null when it has no parts or 10 or more. */
    static List<String> members(String field) {
        String[] parts = FuncArgs.separate(field, '-', true, 10);
        List<String> out = FuncArgs.present(parts);
        if (out.isEmpty() || out.size() >= 10) return null;
        return out;
    }
}
