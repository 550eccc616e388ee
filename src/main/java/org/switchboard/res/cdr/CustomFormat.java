package org.switchboard.res.cdr;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.switchboard.config.ConfigSection;
import org.switchboard.core.AmaFlags;

/**
 * An advanced cdr_custom.conf mapping: a section named after its output file, with
 * {@code format} (dsv or json), {@code separator_character}, {@code quote_character},
 * {@code quote_escape_character}, {@code quoting_method} (all, minimal, non_numeric, none) and
 * {@code fields}: field names with qualifiers in parentheses joined by {@code ^} ({@code quote},
 * {@code noquote}, {@code int64}, {@code double}, {@code uservar}, {@code literal}, or a strftime
 * format for start/answer/end), and literals in double quotes ({@code "name: value"} for json).
 * Parsing and formatting do no I/O. The rules are those of Asterisk 20's cdr_custom sample.
 */
final class CustomFormat {
    enum Quoting { ALL, MINIMAL, NON_NUMERIC, NONE }

    /** What a field reads and how it comes out. */
    private enum Kind { TEXT, TIME, INTEGER, DISPOSITION, AMAFLAGS, VARIABLE, LITERAL }

    private record Field(String name, Kind kind, boolean numeric, boolean asDouble, String timeFormat,
                         boolean quote, boolean noquote, String literal) {}

    private final boolean json;
    private final char separator;
    private final char quote;
    private final char escape;
    private final List<Field> fields;

    private CustomFormat(boolean json, char separator, char quote, char escape, List<Field> fields) {
        this.json = json;
        this.separator = separator;
        this.quote = quote;
        this.escape = escape;
        this.fields = fields;
    }

    /** @throws IllegalArgumentException with what is wrong, as Asterisk's warning says it */
    static CustomFormat parse(ConfigSection s) {
        String fieldsText = s.get("fields");
        if (fieldsText == null || fieldsText.isBlank()) throw new IllegalArgumentException("Missing 'fields' parameter");
        String format = s.get("format", "dsv").trim();
        boolean json = format.equals("json");
        if (!json && !format.equals("dsv")) throw new IllegalArgumentException("Invalid format '" + format + "'");
        char separator = ',', quote = '"', escape = '"';
        Quoting quoting = json ? Quoting.NON_NUMERIC : Quoting.ALL;
        if (json) {
            escape = '\\';
        } else {
            String v = s.get("separator_character");
            if (v != null && !v.isEmpty()) separator = unescape(v);
            v = s.get("quote_character");
            if (v != null && !v.isEmpty()) quote = v.charAt(0);
            escape = quote;
            v = s.get("quote_escape_character");
            if (v != null && !v.isEmpty()) escape = v.charAt(0);
            v = s.get("quoting_method");
            if (v != null && !v.isEmpty()) {
                try {
                    quoting = Quoting.valueOf(v.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Invalid quoting method '" + v.trim() + "'");
                }
            }
        }
        List<Field> fields = new ArrayList<>();
        for (String template : splitOutsideQuotes(fieldsText)) {
            if (!template.isEmpty()) fields.add(field(template, json, quoting));
        }
        return new CustomFormat(json, separator, quote, escape, List.copyOf(fields));
    }

    private static Field field(String template, boolean json, Quoting quoting) {
        String name;
        String data = null;
        boolean literal = false, variable = false, quote = false, noquote = false, asInt = false, asDouble = false;
        String timeFormat = null;
        if (template.startsWith("\"") || template.startsWith("'")) {
            literal = true;
            name = "literal";
            data = stripQuoted(template);
        } else {
            int open = template.indexOf('(');
            name = (open < 0 ? template : template.substring(0, open)).trim();
            if (open >= 0) {
                int close = template.indexOf(')', open);
                String qualifiers = close < 0 ? template.substring(open + 1) : template.substring(open + 1, close);
                for (String q : qualifiers.split("\\^")) {
                    q = q.trim();
                    switch (q.toLowerCase(Locale.ROOT)) {
                        case "" -> { }
                        case "quote" -> quote = true;
                        case "noquote" -> noquote = true;
                        case "uservar" -> variable = true;
                        case "literal" -> literal = true;
                        case "int64", "int32", "uint32", "uint64" -> asInt = true;
                        case "double" -> asDouble = true;
                        case "string" -> { }
                        default -> {
                            if (q.indexOf('%') >= 0) timeFormat = q;
                        }
                    }
                }
                if (quote && noquote) throw new IllegalArgumentException("Field '" + template + "' has both quote and noquote");
            }
            if (literal) data = name;
        }
        Kind kind;
        if (literal) kind = Kind.LITERAL;
        else if (variable) kind = Kind.VARIABLE;
        else kind = switch (name.toLowerCase(Locale.ROOT)) {
            case "clid", "src", "dst", "dcontext", "channel", "dstchannel", "lastapp", "lastdata", "accountcode",
                 "peeraccount", "uniqueid", "linkedid", "tenantid", "peertenantid", "userfield" -> Kind.TEXT;
            case "start", "answer", "end" -> Kind.TIME;
            case "duration", "billsec", "sequence", "flags" -> Kind.INTEGER;
            case "disposition" -> Kind.DISPOSITION;
            case "amaflags" -> Kind.AMAFLAGS;
            default -> throw new IllegalArgumentException("Field '" + name + "' not found");
        };
        String outName = kind == Kind.VARIABLE ? name : kind == Kind.LITERAL ? "literal" : name.toLowerCase(Locale.ROOT);
        if (kind == Kind.LITERAL && json) {
            int colon = data.indexOf(':');
            if (colon < 0) throw new IllegalArgumentException("Literal field '" + template + "' must be formatted as \"name: value\" when using the 'json' format");
            outName = data.substring(0, colon);
            data = stripQuoted(data.substring(colon + 1));
        }
        if (timeFormat != null && kind != Kind.TIME) timeFormat = null;   // only times take a format
        boolean numeric = kind == Kind.INTEGER || ((kind == Kind.TIME || kind == Kind.DISPOSITION || kind == Kind.AMAFLAGS)
                && (asInt || asDouble) && timeFormat == null);
        boolean dbl = asDouble && kind == Kind.TIME && timeFormat == null;
        if (!noquote) {
            if (quoting == Quoting.ALL) quote = true;
            else if (quoting == Quoting.NON_NUMERIC) {
                if (numeric) noquote = true;
                else quote = true;
            }
        }
        if (quoting == Quoting.NONE) {
            quote = false;
            noquote = true;
        }
        return new Field(outName, kind, numeric, dbl, timeFormat, quote, noquote, data);
    }

    /** The line for one record, without its newline. */
    String format(CdrRecord r) {
        StringBuilder sb = new StringBuilder(json ? "{" : "");
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            if (i > 0) sb.append(separator);
            if (json) sb.append('"').append(f.name()).append("\":");
            sb.append(value(f, r));
        }
        return json ? sb.append('}').toString() : sb.toString();
    }

    private String value(Field f, CdrRecord r) {
        return switch (f.kind()) {
            case LITERAL -> text(f, f.literal());
            case VARIABLE -> {
                String v = r.variable(f.name());
                yield text(f, v == null ? "" : v);
            }
            case TEXT -> text(f, r.format(f.name(), false) == null ? "" : r.format(f.name(), false));
            case INTEGER -> number(f, switch (f.name()) {
                case "duration" -> Long.toString(r.duration());
                case "billsec" -> Long.toString(r.billsec());
                case "sequence" -> Integer.toString(r.sequence());
                default -> "0";
            });
            case DISPOSITION -> f.numeric() ? number(f, Integer.toString(r.disposition().value())) : text(f, r.disposition().text());
            case AMAFLAGS -> f.numeric() ? number(f, Integer.toString(r.amaFlags())) : text(f, AmaFlags.name(r.amaFlags()));
            case TIME -> time(f, f.name().equals("answer") ? r.answerMicros() : f.name().equals("end") ? r.endMicros() : r.startMicros());
        };
    }

    private String time(Field f, long micros) {
        if (f.asDouble()) return number(f, String.format(Locale.ROOT, "%.6f", micros / 1_000_000.0));
        if (f.numeric()) return number(f, Long.toString(Math.floorDiv(micros, 1_000_000L)));
        if (micros <= 0) return text(f, "");
        if (f.timeFormat() == null) return text(f, CdrTimes.localDate(micros));
        ZonedDateTime t = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L)).atZone(ZoneId.systemDefault());
        return text(f, org.switchboard.funcs.StrftimeFunction.strftime(f.timeFormat(), t));
    }

    /** Numbers are quoted only when told to (quoting_method all, or the quote qualifier). */
    private String number(Field f, String n) { return f.quote() && !f.noquote() ? quote + n + quote : n; }

    /** Text is quoted when told to, and always when it holds the quote, the separator or a line break. */
    private String text(Field f, String s) {
        if (s.isEmpty()) return f.quote() ? "\"\"" : "";
        boolean needs = f.quote();
        StringBuilder escaped = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote) {
                needs = true;
                escaped.append(escape);
            } else if (c == separator || c == '\r' || c == '\n') {
                needs = true;
            }
            escaped.append(c);
        }
        return needs ? quote + escaped.toString() + quote : s;
    }

    /** The fields list split at commas outside double quotes, each trimmed. */
    private static List<String> splitOutsideQuotes(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inQuotes = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') inQuotes = !inQuotes;
            if (c == ',' && !inQuotes) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().trim());
        return out;
    }

    private static String stripQuoted(String s) {
        String t = s.trim();
        if (t.length() >= 2 && (t.charAt(0) == '"' || t.charAt(0) == '\'') && t.charAt(t.length() - 1) == t.charAt(0)) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }

    /** {@code \t} and the other C escapes of separator_character. */
    private static char unescape(String v) {
        if (v.length() >= 2 && v.charAt(0) == '\\') {
            return switch (v.charAt(1)) {
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case '0' -> '\0';
                default -> v.charAt(1);
            };
        }
        return v.charAt(0);
    }
}
