package org.switchboard.channels.pjsip;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.switchboard.channels.pjsip.config.PjsipAor;
import org.switchboard.channels.pjsip.config.PjsipAuth;
import org.switchboard.channels.pjsip.config.PjsipEndpoint;
import org.switchboard.channels.pjsip.config.PjsipIdentify;
import org.switchboard.core.Channel;
import org.switchboard.res.devstate.DeviceState;
import org.switchboard.res.devstate.DeviceStates;

/** The blocks of res_pjsip's {@code pjsip show ...} tables: one line per object, indented by kind. */
final class PjsipShow {
    static final String RULE = "==========================================================================================";
    static final String ENDPOINT_HEADER = """

         Endpoint:  <Endpoint/CID.....................................>  <State.....>  <Channels.>
            I/OAuth:  <AuthId/UserName...........................................................>
                Aor:  <Aor............................................>  <MaxContact>
              Contact:  <Aor/ContactUri..........................> <Hash....> <Status> <RTT(ms)..>
           Identify:  <Identify/Endpoint.........................................................>
                Match:  <criteria.........................>
            Channel:  <ChannelId......................................>  <State.....>  <Time.....>
        """ + RULE + "\n";
    static final String AOR_HEADER = """

              Aor:  <Aor..............................................>  <MaxContact>
            Contact:  <Aor/ContactUri............................> <Hash....> <Status> <RTT(ms)..>
        """ + RULE + "\n";
    static final String CONTACT_HEADER = """

          Contact:  <Aor/ContactUri............................> <Hash....> <Status> <RTT(ms)..>
        """ + RULE + "\n";
    static final String AUTH_HEADER = """

             I/OAuth:  <AuthId/UserName.............................................................>
        """ + RULE + "\n";

    private PjsipShow() {}

    /** res_pjsip's list layout: the header, a row (or rows) per object, then how many were found. */
    static <T> void table(PrintWriter out, String header, Iterable<T> objects, java.util.function.Consumer<T> row) {
        out.print(header);
        out.println();
        int n = 0;
        for (T o : objects) {
            row.accept(o);
            n++;
        }
        if (n == 0) out.println("No objects found.");
        else out.printf("%nObjects found: %d%n", n);
    }

    static void endpoint(PjsipModule m, PjsipEndpoint e, PrintWriter out) {
        String cid = e.callerId() == null ? "" : "/" + e.callerId();
        int channels = m.stack().pbx().channels().byPrefix("PJSIP/" + e.name() + "-").size();
        DeviceState st = DeviceStates.of(m.stack().pbx()).state("PJSIP/" + e.name());
        out.printf(" Endpoint:  %-53.53s %-12.12s  %d of inf%n", e.name() + cid, label(st), channels);
        PjsipAuth in = m.settings().auth(e.auth());
        if (in != null) out.printf("     InAuth:  %s/%s%n", in.name(), in.username());
        PjsipAuth outAuth = m.settings().auth(e.outboundAuth());
        if (outAuth != null) out.printf("    OutAuth:  %s/%s%n", outAuth.name(), outAuth.username());
        for (String a : e.aors()) {
            PjsipAor aor = m.settings().aor(a);
            if (aor != null) aor(m, aor, "        ", out);
        }
        for (PjsipIdentify i : m.settings().identifies()) {
            if (!i.endpoint().equals(e.name())) continue;
            out.printf("   Identify:  %s/%s%n", i.name(), i.endpoint());
            i.matches().forEach(r -> out.printf("        Match:  %s%n", r.toString().replaceFirst("^permit ", "")));
        }
        for (Channel c : m.stack().pbx().channels().byPrefix("PJSIP/" + e.name() + "-")) {
            out.printf("    Channel:  %-48.48s %-12.12s%n", c.name(), c.state());
        }
        out.println();
    }

    static void aor(PjsipModule m, PjsipAor aor, String indent, PrintWriter out) {
        out.printf("%s      Aor:  %-53.53s %d%n", indent.isEmpty() ? "" : "  ", aor.name(), aor.maxContacts());
        for (PjsipContacts.Contact c : PjsipContacts.ofAor(m.stack(), aor)) contact(m, c, indent + "  ", out);
    }

    static void contact(PjsipContacts.Contact c, String indent, PrintWriter out) { contact(null, c, indent, out); }

    /** A contact row: its qualify status and round trip in ms when it is qualified (Avail / Unavail), else NonQual. */
    static void contact(PjsipModule m, PjsipContacts.Contact c, String indent, PrintWriter out) {
        String id = c.aor() + "/" + c.uri();
        PjsipQualifier q = m == null ? null : m.qualifier();
        PjsipQualifier.Status s = q == null ? null : q.status(c);
        String status = s == null ? "NonQual" : s.status().equals("Reachable") ? "Avail" : "Unavail";
        String rtt = s == null || s.rttUsec() < 0 ? "nan" : String.format(java.util.Locale.ROOT, "%.3f", s.rttUsec() / 1000.0);
        out.printf("%s  Contact:  %-42.42s %-10.10s %-8.8s %11s%n", indent, id, hash(id), status, rtt);
    }

    static void auth(PjsipAuth a, PrintWriter out) {
        out.printf("        Auth:  %s/%s%n", a.name(), a.username());
    }

    /** ast_devstate_str's words. */
    static String label(DeviceState s) {
        return switch (s) {
            case NOT_INUSE -> "Not in use";
            case INUSE -> "In use";
            case BUSY -> "Busy";
            case INVALID -> "Invalid";
            case UNAVAILABLE -> "Unavailable";
            case RINGING -> "Ringing";
            case RINGINUSE -> "Ring+Inuse";
            case ONHOLD -> "On Hold";
            case UNKNOWN -> "Unknown";
        };
    }

    /** The short contact hash res_pjsip shows beside each contact (ours: MD5 of the id, 10 hex digits). */
    static String hash(String id) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            return "";
        }
    }
}
