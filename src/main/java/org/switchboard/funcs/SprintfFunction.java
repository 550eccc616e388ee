package org.switchboard.funcs;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.switchboard.core.Channel;

/**
 * {@code SPRINTF(format,arg1[,arg2[,...]])} (func_sprintf.c): printf formatting of dialplan
 * values. The format is scanned with func_sprintf.c's state machine (flags, width, precision,
 * length, conversion); each conversion is then rendered the way glibc's printf renders it, with
 * exact decimal rounding of doubles. Integers are C ints read like {@code sscanf("%d")}.
 */
public final class SprintfFunction extends BaseFunction {
    static final int MAX_RESULT = 4095;
    private static final int FLAG = 0, WIDTH = 1, PRECISION = 2, LENGTH = 3, CONVERSION = 4;

    public SprintfFunction() {
        super("SPRINTF", "func_sprintf", "Format a variable according to a format string.",
                "SPRINTF(format,arg1[,arg2[,...][,argN]])",
                """
                Returns format with each conversion replaced by the next argument, as
                sprintf(3) does: %d %i %u %o %x %X %c take an integer, %e %E %f %F %g %G %a %A
                a floating-point number, %s a string, and %% is a percent sign. Flags (#, 0, -,
                space, +), a field width and a precision are supported; length modifiers are
                accepted and ignored except hh and h. An argument that is not a number where one
                is needed, a missing argument or an unsupported conversion (such as a * width)
                is an error and gives nothing. As in Asterisk, the result is at most 4095
                characters and %c of 0 ends it.
                Example: ${SPRINTF(%04d,7)} returns 0007.""");
    }

    @Override
    @SuppressWarnings("fallthrough")   // the states fall into each other, as in func_sprintf.c
    public String read(Channel channel, String data) {
        String[] args = FuncArgs.standard(data, 101);
        String format = args[0];
        if (format == null) return "";
        StringBuilder out = new StringBuilder(format.length() + 16);
        int state = -1;
        int start = 0;
        int argi = 1;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            switch (state) {
                case FLAG:
                    if ("#0- +'I".indexOf(c) >= 0) break;
                    state = WIDTH;
                    // fall through
                case WIDTH:
                    if (c >= '0' && c <= '9') break;
                    if (c == '.') {
                        state = PRECISION;
                    } else {
                        state = LENGTH;
                        i--;
                    }
                    break;
                case PRECISION:
                    if (c >= '0' && c <= '9') break;
                    state = LENGTH;
                    // fall through
                case LENGTH:
                    if (c == 'h' || c == 'l') {
                        if (i + 1 < format.length() && format.charAt(i + 1) == c) i++;
                        state = CONVERSION;
                        break;
                    } else if ("Lqjzt".indexOf(c) >= 0) {
                        state = CONVERSION;
                        break;
                    }
                    state = CONVERSION;
                    // fall through
                case CONVERSION: {
                    String spec = format.substring(start, i + 1);
                    String arg = argi < args.length ? args[argi] : null;
                    if ("diouxXc".indexOf(c) >= 0) {
                        if (arg == null) {
                            error("SPRINTF() has more format specifiers than arguments!");
                            return null;
                        }
                        argi++;
                        Integer v = FuncArgs.leadingInt(arg);
                        if (v == null) {
                            error("Argument '" + arg + "' is not an integer number for format '" + spec + "'");
                            return null;
                        }
                        String text = formatInt(new Spec(spec), v);
                        int nul = text.indexOf('\0');       // %c of 0: the C string ends there
                        out.append(nul < 0 ? text : text.substring(0, nul));
                    } else if ("eEfFgGaA".indexOf(c) >= 0) {
                        if (arg == null) {
                            error("SPRINTF() has more format specifiers than arguments!");
                            return null;
                        }
                        argi++;
                        Double v = FuncArgs.leadingDouble(arg);
                        if (v == null) {
                            error("Argument '" + arg + "' is not a floating point number for format '" + spec + "'");
                            return null;
                        }
                        out.append(formatDouble(new Spec(spec), v));
                    } else if (c == 's') {
                        argi++;
                        out.append(formatString(new Spec(spec), arg == null ? "(null)" : arg));
                    } else if (c == '%') {
                        out.append('%');
                    } else {
                        error("Format type not supported: '" + spec + "' with argument '" + (arg == null ? "(null)" : arg) + "'");
                        return null;
                    }
                    state = -1;
                    break;
                }
                default:
                    if (c == '%') {
                        state = FLAG;
                        start = i;
                    } else {
                        out.append(c);
                    }
            }
        }
        // the result lands in a VAR_BUF_SIZE (4096) buffer, NUL included
        return out.length() > MAX_RESULT ? out.substring(0, MAX_RESULT) : out.toString();
    }

    /** One conversion specification, {@code %[flags][width][.precision][length]conversion}. */
    static final class Spec {
        boolean left, plus, space, alt, zero;
        int width;
        int precision = -1;
        String length = "";
        char conv;

        Spec(String s) {
            int i = 1;
            while (i < s.length() && "#0- +'I".indexOf(s.charAt(i)) >= 0) {
                switch (s.charAt(i)) {
                    case '-' -> left = true;
                    case '+' -> plus = true;
                    case ' ' -> space = true;
                    case '#' -> alt = true;
                    case '0' -> zero = true;
                    default -> { }
                }
                i++;
            }
            while (i < s.length() && Character.isDigit(s.charAt(i))) width = Math.min(4096, width * 10 + s.charAt(i++) - '0');
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                precision = 0;
                while (i < s.length() && Character.isDigit(s.charAt(i))) precision = Math.min(4096, precision * 10 + s.charAt(i++) - '0');
            }
            int l = i;
            while (i < s.length() - 1) i++;
            length = s.substring(l, i);
            conv = s.charAt(s.length() - 1);
        }
    }

    static String formatInt(Spec sp, int v) {
        long value = v;
        boolean signed = sp.conv == 'd' || sp.conv == 'i';
        if (sp.length.equals("hh")) value = signed ? (byte) v : v & 0xFF;
        else if (sp.length.equals("h")) value = signed ? (short) v : v & 0xFFFF;
        else if (!signed) value = v & 0xFFFFFFFFL;
        if (sp.conv == 'c') return pad(sp, String.valueOf((char) (v & 0xFF)), "", false);
        String digits = switch (sp.conv) {
            case 'o' -> Long.toOctalString(value);
            case 'x' -> Long.toHexString(value);
            case 'X' -> Long.toHexString(value).toUpperCase(java.util.Locale.ROOT);
            default -> Long.toString(Math.abs(value));
        };
        if (sp.precision == 0 && value == 0) digits = "";
        if (sp.precision > digits.length()) digits = "0".repeat(sp.precision - digits.length()) + digits;
        String prefix = "";
        if (signed) {
            if (value < 0) prefix = "-";
            else if (sp.plus) prefix = "+";
            else if (sp.space) prefix = " ";
        } else if (sp.alt) {
            if (sp.conv == 'o' && !digits.startsWith("0")) digits = "0" + digits;
            if ((sp.conv == 'x' || sp.conv == 'X') && value != 0) prefix = sp.conv == 'x' ? "0x" : "0X";
        }
        return pad(sp, digits, prefix, sp.precision < 0);
    }

    static String formatDouble(Spec sp, double v) {
        boolean upper = Character.isUpperCase(sp.conv);
        String prefix = v < 0 || (v == 0 && 1 / v < 0) ? "-" : sp.plus ? "+" : sp.space ? " " : "";
        double a = Math.abs(v);
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            String t = Double.isNaN(v) ? "nan" : "inf";
            if (Double.isNaN(v)) prefix = sp.plus ? "+" : sp.space ? " " : "";
            return pad(sp, upper ? t.toUpperCase(java.util.Locale.ROOT) : t, prefix, false);
        }
        int p = sp.precision < 0 ? 6 : sp.precision;
        String body = switch (Character.toLowerCase(sp.conv)) {
            case 'f' -> fixed(a, p, sp.alt);
            case 'e' -> exponent(a, p, sp.alt);
            case 'g' -> general(a, p == 0 ? 1 : p, sp.alt);
            default -> hex(a);
        };
        return pad(sp, upper ? body.toUpperCase(java.util.Locale.ROOT) : body, prefix, true);
    }

    private static String fixed(double a, int p, boolean alt) {
        String s = new BigDecimal(a).setScale(p, RoundingMode.HALF_EVEN).toPlainString();
        return p == 0 && alt ? s + "." : s;
    }

    private static String exponent(double a, int p, boolean alt) {
        if (a == 0) return "0" + (p > 0 ? "." + "0".repeat(p) : alt ? "." : "") + "e+00";
        BigDecimal r = new BigDecimal(a).round(new MathContext(p + 1, RoundingMode.HALF_EVEN));
        String digits = r.unscaledValue().toString();
        int exp = digits.length() - 1 - r.scale();
        if (digits.length() < p + 1) digits = digits + "0".repeat(p + 1 - digits.length());
        digits = digits.substring(0, p + 1);
        StringBuilder b = new StringBuilder().append(digits.charAt(0));
        if (p > 0 || alt) b.append('.');
        b.append(digits, 1, digits.length());
        b.append('e').append(exp < 0 ? '-' : '+');
        int e = Math.abs(exp);
        if (e < 10) b.append('0');
        return b.append(e).toString();
    }

    private static String general(double a, int p, boolean alt) {
        int x;
        if (a == 0) {
            x = 0;
        } else {
            BigDecimal r = new BigDecimal(a).round(new MathContext(p, RoundingMode.HALF_EVEN));
            x = r.precision() - 1 - r.scale();
        }
        String s = (p > x && x >= -4) ? fixed(a, p - 1 - x, alt) : exponent(a, p - 1, alt);
        if (alt) return s;
        int e = s.indexOf('e');
        String mant = e < 0 ? s : s.substring(0, e);
        String tail = e < 0 ? "" : s.substring(e);
        if (mant.indexOf('.') >= 0) {
            int end = mant.length();
            while (mant.charAt(end - 1) == '0') end--;
            if (mant.charAt(end - 1) == '.') end--;
            mant = mant.substring(0, end);
        }
        return mant + tail;
    }

    /** %a as glibc writes it: 0x1.8p+1, 0x1p+0, 0x0p+0. */
    private static String hex(double a) {
        String s = Double.toHexString(a);          // 0x1.8p1, 0x1.0p0, 0x0.0p0
        int pAt = s.indexOf('p');
        String mant = s.substring(0, pAt);
        if (mant.endsWith(".0")) mant = mant.substring(0, mant.length() - 2);
        String exp = s.substring(pAt + 1);
        return mant + "p" + (exp.startsWith("-") ? exp : "+" + exp);
    }

    static String formatString(Spec sp, String s) {
        if (sp.precision >= 0 && sp.precision < s.length()) s = s.substring(0, sp.precision);
        return pad(sp, s, "", false);
    }

    /** Pads to the field width: left-justified, zero-filled after the sign, or space-filled. */
    private static String pad(Spec sp, String body, String prefix, boolean zeroAllowed) {
        int len = prefix.length() + body.length();
        if (sp.width <= len) return prefix + body;
        String fill;
        if (sp.left) return prefix + body + " ".repeat(sp.width - len);
        if (sp.zero && zeroAllowed) {
            fill = "0".repeat(sp.width - len);
            return prefix + fill + body;
        }
        return " ".repeat(sp.width - len) + prefix + body;
    }
}
