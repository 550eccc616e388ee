package org.switchboard.res.voicemail;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.switchboard.dialplan.Substitution;
import org.switchboard.dialplan.SubstitutionContext;

/**
 * The notification mail app_voicemail writes for a new message (make_email_file), built without
 * I/O: headers, {@code emailsubject} / {@code emailbody} with {@code ${VM_NAME}}, {@code ${VM_DUR}},
 * {@code ${VM_MSGNUM}}, {@code ${VM_MAILBOX}}, {@code ${VM_CALLERID}}, {@code ${VM_CIDNAME}},
 * {@code ${VM_CIDNUM}}, {@code ${VM_DATE}}, ... substituted (else Asterisk's default subject and
 * text), and with {@code attach=yes} the recording as a base64 MIME part (RFC 2045/2046).
 */
public final class VoicemailEmail {
    /** strftime "%a, %d %b %Y %H:%M:%S %z" (RFC 2822 date). */
    private static final DateTimeFormatter RFC2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);
    /** emaildateformat's default, "%A, %B %d, %Y at %r". */
    private static final DateTimeFormatter EMAIL_DATE = DateTimeFormatter.ofPattern("EEEE, MMMM dd, yyyy 'at' hh:mm:ss a", Locale.US);

    private VoicemailEmail() {}

    /** What the mail is about: one new message. */
    public record Message(Mailbox box, int number, String cidName, String cidNum, int durationSecs,
                          ZonedDateTime when, String fileName, byte[] audio, String hostname) {}

    /** The variables emailsubject and emailbody may use (prep_email_sub_vars). */
    static Map<String, String> variables(Message m) {
        Map<String, String> v = new LinkedHashMap<>();
        boolean name = m.cidName() != null && !m.cidName().isEmpty(), num = m.cidNum() != null && !m.cidNum().isEmpty();
        v.put("VM_NAME", m.box().fullName());
        v.put("VM_DUR", duration(m.durationSecs()));
        v.put("VM_MSGNUM", Integer.toString(m.number() + 1));
        v.put("VM_CONTEXT", m.box().context());
        v.put("VM_MAILBOX", m.box().box());
        v.put("VM_CALLERID", name && num ? "\"" + m.cidName() + "\" <" + m.cidNum() + ">" : name ? m.cidName()
                : num ? m.cidNum() : "an unknown caller");
        v.put("VM_CIDNAME", name ? m.cidName() : "an unknown caller");
        v.put("VM_CIDNUM", num ? m.cidNum() : "an unknown caller");
        v.put("VM_DATE", m.when().format(EMAIL_DATE));
        v.put("VM_CATEGORY", "no category");
        v.put("VM_FLAG", "");
        v.put("VM_MESSAGEFILE", m.fileName());
        return v;
    }

    /** The whole mail as sendmail -t reads it (LF line ends, as Asterisk writes them). */
    public static String build(Message m) {
        Mailbox b = m.box();
        Map<String, String> vars = variables(m);
        String from = b.option("serveremail", "asterisk");
        if (from.indexOf('@') < 0) from = from + "@" + m.hostname();
        String fromName = b.option("fromstring", "Asterisk PBX");
        String subject = b.option("emailsubject", "");
        subject = subject.isEmpty() ? "[PBX]: New message " + (m.number() + 1) + " in mailbox " + b.box()
                : substitute(unescape(subject), vars);
        String text = b.option("emailbody", "");
        text = text.isEmpty() ? defaultBody(vars) : substitute(unescape(text), vars);
        String boundary = "----voicemail_" + m.number() + b.box() + b.context() + Long.toHexString(m.when().toEpochSecond());
        boolean attach = b.flag("attach", false) && m.audio() != null;

        StringBuilder s = new StringBuilder();
        s.append("Date: ").append(m.when().format(RFC2822)).append('\n');
        s.append("From: ").append(quoted(fromName)).append(" <").append(from).append(">\n");
        s.append("To: ").append(quoted(b.fullName())).append(" <").append(b.email()).append(">\n");
        s.append("Subject: ").append(subject.replace('\n', ' ')).append('\n');
        s.append("Message-ID: <Asterisk-").append(m.number()).append('-').append(b.box()).append('-')
                .append(m.when().toEpochSecond()).append('@').append(m.hostname()).append(">\n");
        s.append("X-Asterisk-VM-Message-Num: ").append(m.number() + 1).append('\n');
        s.append("X-Asterisk-VM-Server-Name: ").append(from).append('\n');
        s.append("X-Asterisk-VM-Context: ").append(b.context()).append('\n');
        s.append("X-Asterisk-VM-Extension: ").append(b.box()).append('\n');
        s.append("X-Asterisk-VM-Caller-ID-Num: ").append(vars.get("VM_CIDNUM")).append('\n');
        s.append("X-Asterisk-VM-Caller-ID-Name: ").append(vars.get("VM_CIDNAME")).append('\n');
        s.append("X-Asterisk-VM-Duration: ").append(m.durationSecs()).append('\n');
        s.append("X-Asterisk-VM-Message-Type: New\n");
        s.append("X-Asterisk-VM-Orig-date: ").append(vars.get("VM_DATE")).append('\n');
        s.append("X-Asterisk-VM-Orig-time: ").append(m.when().toEpochSecond()).append('\n');
        s.append("MIME-Version: 1.0\n");
        s.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\n\n");
        s.append("This is a multi-part message in MIME format.\n\n");
        s.append("--").append(boundary).append('\n');
        s.append("Content-Type: text/plain; charset=ISO-8859-1\nContent-Transfer-Encoding: 8bit\n\n");
        s.append(text).append('\n');
        if (attach) {
            String ext = m.fileName().substring(m.fileName().lastIndexOf('.') + 1);
            s.append("--").append(boundary).append('\n');
            s.append("Content-Type: audio/x-").append(ext).append("; name=\"").append(m.fileName()).append("\"\n");
            s.append("Content-Transfer-Encoding: base64\n");
            s.append("Content-Description: Voicemail sound attachment.\n");
            s.append("Content-Disposition: attachment; filename=\"").append(m.fileName()).append("\"\n\n");
            s.append(Base64.getMimeEncoder(72, new byte[] {'\n'}).encodeToString(m.audio())).append("\n\n");
        }
        s.append("--").append(boundary).append("--\n");
        return s.toString();
    }

    /**
     * The short mail to the box's pager address (sendpage): no attachment, {@code pagersubject} /
     * {@code pagerbody} substituted, else "New VM" and one line.
     */
    public static String buildPager(Message m) {
        Mailbox b = m.box();
        Map<String, String> vars = variables(m);
        String from = b.option("serveremail", "asterisk");
        if (from.indexOf('@') < 0) from = from + "@" + m.hostname();
        String subject = b.option("pagersubject", "");
        subject = subject.isEmpty() ? "New VM" : substitute(unescape(subject), vars);
        String text = b.option("pagerbody", "");
        String cid = !"an unknown caller".equals(vars.get("VM_CIDNAME")) ? vars.get("VM_CIDNAME")
                : !"an unknown caller".equals(vars.get("VM_CIDNUM")) ? vars.get("VM_CIDNUM") : "unknown";
        text = text.isEmpty() ? "New " + vars.get("VM_DUR") + " long msg in box " + b.box() + "\nfrom " + cid + ", on "
                + vars.get("VM_DATE") : substitute(unescape(text), vars);
        return "Date: " + m.when().format(RFC2822) + "\n"
                + "From: " + quoted(b.option("pagerfromstring", b.option("fromstring", "Asterisk PBX"))) + " <" + from + ">\n"
                + "To: " + b.pager() + "\n"
                + "Subject: " + subject.replace('\n', ' ') + "\n\n"
                + text + "\n";
    }

    private static String defaultBody(Map<String, String> v) {
        String from = !"an unknown caller".equals(v.get("VM_CIDNAME")) ? v.get("VM_CIDNAME") : v.get("VM_CIDNUM");
        return "Dear " + v.get("VM_NAME") + ":\n\n\tJust wanted to let you know you were just left a " + v.get("VM_DUR")
                + " long message (number " + v.get("VM_MSGNUM") + ")\nin mailbox " + v.get("VM_MAILBOX") + " from " + from
                + ", on " + v.get("VM_DATE") + " so you might\nwant to check it when you get a chance.  Thanks!\n\n\t\t\t\t--Asterisk\n";
    }

    static String duration(int secs) { return secs / 60 + ":" + String.format("%02d", secs % 60); }

    private static String quoted(String name) { return "\"" + name.replace("\"", "") + "\""; }

    /** voicemail.conf's emailbody escapes: \n, \r, \t and \\ (substitute_escapes). */
    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            out.append(switch (e) {
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                default -> e;
            });
        }
        return out.toString();
    }

    private static String substitute(String text, Map<String, String> vars) {
        return Substitution.substitute(text, new SubstitutionContext() {
            @Override public String variable(String name) { return vars.get(name); }
            @Override public String function(String name, String args) { return null; }
            @Override public void warning(String source, String message) { }
        });
    }

    /** The bytes handed to mailcmd. */
    static byte[] bytes(String mail) { return mail.getBytes(StandardCharsets.ISO_8859_1); }
}
