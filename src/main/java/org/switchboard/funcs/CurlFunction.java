package org.switchboard.funcs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.switchboard.core.Channel;

/** CURL(url[,post-data]): the body of a web page, or a download to a file when written (func_curl). */
public final class CurlFunction extends BaseFunction {
    public CurlFunction() {
        super("CURL", "func_curl", "Retrieve content from a remote web or ftp server", "CURL(url[,post-data])", """
                When read, an HTTP GET of url (an HTTP POST of post-data when it is given, sent as
                application/x-www-form-urlencoded unless CURLOPT(httpheader) sets headers) gives the
                body of the response, whatever its status, without its trailing blanks:
                  exten => s,1,Verbose(0, ${CURL(http://localhost:8088/static/astman.css)})
                When written, url is fetched with a GET and stored in the file named by the value:
                  exten => s,1,Set(CURL(http://localhost:8088/static/astman.css)=/var/spool/asterisk/tmp/astman.css)
                The channel waits for the answer; CURLOPT() sets the timeouts (180 s in all unless
                httptimeout says otherwise), headers, credentials, proxy and redirects. A server that
                cannot be reached, a timeout, or a status listed in CURLOPT(failurecodes) gives an
                empty result and a warning naming the URL; the dialplan goes on. A URL holding a
                carriage return or line feed is refused. Only http and https URLs are fetched; the
                first 8 MiB of a response are kept.""");
    }

    @Override
    public String read(Channel channel, String data) {
        if (noChannel(channel)) return "";
        String[] a = FuncArgs.standard(data == null ? "" : data, 2);
        if (FuncArgs.isEmpty(a[0])) {
            warn("CURL requires an argument (URL)");
            return "";
        }
        String url = a[0];
        if (vulnerable(url)) return "";
        CurlOptions o = CurlOptions.of(channel, false);
        CurlHttp.Reply r = fetch(channel, url, a[1], o);
        if (r == null) return "";
        String text = trimBlanks(headerBlock(r, o) + new String(r.body(), StandardCharsets.UTF_8));
        if (text.isEmpty()) return "";
        String hashcompat = o == null ? null : o.get("hashcompat");
        if (hashcompat == null || hashcompat.equals("no")) return text;
        return toHash(channel, text, hashcompat.equals("legacy"));
    }

    @Override public boolean writable() { return true; }

    @Override
    public void write(Channel channel, String data, String file) {
        if (noChannel(channel)) return;
        String url = data == null ? "" : data.strip();
        if (url.isEmpty()) {
            warn("CURL requires an argument (URL)");
            return;
        }
        if (file == null || file.isBlank()) {
            warn("CURL requires a file to write to: Set(CURL(url)=/path/file)");
            return;
        }
        if (vulnerable(url)) return;
        CurlHttp.Reply r = fetch(channel, url, null, CurlOptions.of(channel, false));
        if (r == null) return;
        try {
            Files.write(Path.of(file.strip()), r.body());
        } catch (IOException | java.nio.file.InvalidPathException e) {
            warn("Unable to open file '" + file.strip() + "' to write the content of " + url + ": " + e.getMessage());
        }
    }

    /** The CVE-2014-8150 check func_curl keeps: a CR or LF in a URL would smuggle a second request to a proxy. */
    private boolean vulnerable(String url) {
        if (url.indexOf('\r') < 0 && url.indexOf('\n') < 0) return false;
        error("URL '" + url + "' is vulnerable to HTTP injection attacks. Aborting CURL() call.");
        return true;
    }

    private CurlHttp.Reply fetch(Channel channel, String url, String post, CurlOptions o) {
        CurlHttp.Reply r;
        try {
            r = CurlHttp.of(channel.pbx()).fetch(url, post, o);
        } catch (CurlHttp.Failure f) {
            warn(f.getMessage() + " ('" + url + "')");
            return null;
        }
        if (r.truncated()) warn("The response of '" + url + "' is longer than " + CurlHttp.MAX_BODY + " bytes; the rest is left out");
        if (o != null && failureCode(o.string("failurecodes"), r.status())) {
            warn("HTTP request to '" + url + "' failed with response code " + r.status());
            return null;
        }
        return r;
    }

    private static boolean failureCode(String codes, int status) {
        if (codes == null) return false;
        for (String c : codes.split(",")) if (c.strip().equals(Integer.toString(status))) return true;
        return false;
    }

    /** CURLOPT(header)=1: the status line and headers before the body, as libcurl writes them. */
    private static String headerBlock(CurlHttp.Reply r, CurlOptions o) {
        if (o == null || !o.flag("header")) return "";
        StringBuilder sb = new StringBuilder(r.version()).append(' ').append(r.status()).append("\r\n");
        for (Map.Entry<String, List<String>> h : r.headers().entrySet()) {
            if (h.getKey().startsWith(":")) continue;
            for (String v : h.getValue()) sb.append(h.getKey()).append(": ").append(v).append("\r\n");
        }
        return sb.append("\r\n").toString();
    }

    /** ast_str_trim_blanks: control characters and spaces at the end go. */
    private static String trimBlanks(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) <= ' ') end--;
        return s.substring(0, end);
    }

    /**
     * hashcompat: {@code key1=value1&key2=value2} becomes the values joined by commas for
     * HASH(), with the keys in {@code ~ODBCFIELDS~}; both URI-decoded (legacy: + is a space),
     * commas inside escaped with a backslash.
     */
    private static String toHash(Channel channel, String text, boolean legacy) {
        StringBuilder fields = new StringBuilder(), values = new StringBuilder();
        boolean first = true;
        for (String piece : text.split("&", -1)) {
            int eq = piece.indexOf('=');
            String name = eq < 0 ? piece : piece.substring(0, eq);
            String value = eq < 0 ? "" : piece.substring(eq + 1);
            if (!first) {
                fields.append(',');
                values.append(',');
            }
            first = false;
            fields.append(escapeCommas(decode(name, legacy)));
            values.append(escapeCommas(decode(value, legacy)));
        }
        channel.setVar("~ODBCFIELDS~", fields.toString());
        return values.toString();
    }

    private static String escapeCommas(String s) { return s.replace("\\", "\\\\").replace(",", "\\,"); }

    private static String decode(String s, boolean legacy) {
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length && Character.digit(in[i + 1], 16) >= 0 && Character.digit(in[i + 2], 16) >= 0) {
                out.write(Character.digit(in[i + 1], 16) * 16 + Character.digit(in[i + 2], 16));
                i += 2;
            } else if (legacy && in[i] == '+') {
                out.write(' ');
            } else {
                out.write(in[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
