package org.switchboard.funcs;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.switchboard.core.Pbx;

/**
 * The HTTP side of CURL(): one request with a channel's CURLOPT settings, on
 * {@link java.net.http.HttpClient}, bounded in time (180 s unless {@code httptimeout} says
 * otherwise, as func_curl sets libcurl's timeout) and in size. The caller blocks, which is what
 * CURL() does to its channel; channels run on virtual threads, so no platform thread waits.
 * Clients are kept per PBX, one per connect timeout, proxy and certificate policy.
 */
final class CurlHttp implements AutoCloseable {
    /** func_curl's default CURLOPT_TIMEOUT and user agent. */
    static final long DEFAULT_TIMEOUT_MS = 180_000;
    static final String USER_AGENT = "asterisk-libcurl-agent/1.0";
    /** The most of a response kept: a dialplan value, not a download manager. */
    static final int MAX_BODY = 8 << 20;
    /** libcurl's default proxy port. */
    private static final int DEFAULT_PROXY_PORT = 1080;
    /** Redirects followed at most when maxredirs is -1 (unlimited). */
    private static final int REDIRECT_CAP = 50;

    /** What came back: status, headers as sent, the body (cut at {@link #MAX_BODY}). */
    record Reply(int status, String version, Map<String, List<String>> headers, byte[] body, boolean truncated) {}

    /** Why a request failed, in words for the log line. */
    static final class Failure extends Exception {
        Failure(String message) { super(message); }
    }

    private record ClientKey(long connectMs, String proxyHost, int proxyPort, boolean verify) {}

    private final Pbx pbx;
    private final Map<ClientKey, HttpClient> clients = new ConcurrentHashMap<>();

    private CurlHttp(Pbx pbx) { this.pbx = pbx; }

    static CurlHttp of(Pbx pbx) { return pbx.service(CurlHttp.class, CurlHttp::new); }

    /** Performs the request: GET, or POST of {@code postData} when it is not null. */
    Reply fetch(String url, String postData, CurlOptions o) throws Failure {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new Failure("URL using bad/illegal format or missing URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Failure("Protocol \"" + scheme + "\" not supported or disabled in libcurl");
        }
        if (uri.getHost() == null) throw new Failure("URL using bad/illegal format or missing URL");
        String proxyType = o == null ? null : o.get("proxytype");
        if (proxyType != null && !proxyType.equals("http") && o.string("proxy") != null) {
            throw new Failure("proxytype " + proxyType + " is not supported here (only http proxies)");
        }
        long totalMs = o == null ? DEFAULT_TIMEOUT_MS : o.number("httptimeout", DEFAULT_TIMEOUT_MS);
        if (totalMs <= 0) totalMs = DEFAULT_TIMEOUT_MS;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(totalMs);
        HttpClient client = client(o);
        boolean follow = o != null && o.flag("followlocation");
        long maxRedirs = o == null ? -1 : o.number("maxredirs", -1);
        int redirects = 0;
        for (;;) {
            Reply r = once(client, uri, postData, o, deadline, url);
            boolean redirect = r.status() >= 300 && r.status() < 400 && r.headers().containsKey("location");
            if (!follow || !redirect) return r;
            long cap = maxRedirs < 0 ? REDIRECT_CAP : maxRedirs;
            if (redirects >= cap) throw new Failure("Maximum (" + cap + ") redirects followed");
            redirects++;
            uri = uri.resolve(r.headers().get("location").get(0));
            if (r.status() != 307 && r.status() != 308) postData = null;   // libcurl turns a redirected POST into GET for 301-303
        }
    }

    private Reply once(HttpClient client, URI uri, String postData, CurlOptions o, long deadline, String url) throws Failure {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri);
        b.header("User-Agent", o != null && o.string("useragent") != null ? o.string("useragent") : USER_AGENT);
        b.header("Accept", "*/*");
        if (o != null) {
            String referer = o.string("referer");
            if (referer != null) b.header("Referer", referer);
            String cookie = o.string("cookie");
            if (cookie != null) b.header("Cookie", cookie);
            String userpwd = o.string("userpwd");
            if (userpwd == null && uri.getUserInfo() != null) userpwd = uri.getUserInfo();
            if (userpwd != null) b.header("Authorization", basic(userpwd));
            String proxyPwd = o.string("proxyuserpwd");
            if (proxyPwd != null && o.string("proxy") != null) b.header("Proxy-Authorization", basic(proxyPwd));
        }
        List<String> extra = o == null ? List.of() : o.list("httpheader");
        for (String h : extra) {
            int colon = h.indexOf(':');
            if (colon <= 0) continue;
            try {
                b.setHeader(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new Failure("the header '" + h.substring(0, colon).strip() + "' cannot be set");
            }
        }
        if (postData != null) {
            if (extra.isEmpty()) b.header("Content-Type", "application/x-www-form-urlencoded");
            b.POST(HttpRequest.BodyPublishers.ofString(postData, StandardCharsets.UTF_8));
        } else {
            b.GET();
        }
        long left = remainingMs(deadline);
        b.timeout(Duration.ofMillis(left));
        Future<HttpResponse<InputStream>> f = client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> resp;
        try {
            resp = f.get(left, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new Failure("Operation timed out after " + (System.nanoTime() - deadline + TimeUnit.MILLISECONDS.toNanos(left)) / 1_000_000
                    + " milliseconds with 0 bytes received");
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        } catch (ExecutionException e) {
            throw new Failure(describe(e.getCause(), uri));
        }
        return read(resp, deadline);
    }

    /** The body, read on this thread; the stream is closed at the deadline so a slow server cannot hold the channel. */
    private Reply read(HttpResponse<InputStream> resp, long deadline) throws Failure {
        InputStream in = resp.body();
        ScheduledFuture<?> stop = pbx.scheduler().schedule(() -> {
            try {
                in.close();
            } catch (IOException ignored) {
                // closing is all we want
            }
        }, Math.max(1, remainingMs(deadline)), TimeUnit.MILLISECONDS);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        boolean truncated = false;
        try (in) {
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0; ) {
                int room = MAX_BODY - out.size();
                if (n > room) {
                    out.write(buf, 0, room);
                    truncated = true;
                    break;
                }
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            if (System.nanoTime() - deadline >= 0) throw new Failure("Operation timed out with " + out.size() + " bytes received");
            throw new Failure("Failure when receiving data from the peer: " + e.getMessage());
        } finally {
            stop.cancel(false);
        }
        String version = resp.version() == HttpClient.Version.HTTP_2 ? "HTTP/2" : "HTTP/1.1";
        return new Reply(resp.statusCode(), version, resp.headers().map(), out.toByteArray(), truncated);
    }

    private static long remainingMs(long deadline) { return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())); }

    private static String basic(String userpwd) {
        return "Basic " + Base64.getEncoder().encodeToString(userpwd.getBytes(StandardCharsets.UTF_8));
    }

    /** libcurl's words for what went wrong, where there are some. */
    private static String describe(Throwable t, URI uri) {
        String where = uri.getHost() + " port " + (uri.getPort() > 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80);
        if (t instanceof HttpConnectTimeoutException) return "Connection timed out: failed to connect to " + where;
        if (t instanceof HttpTimeoutException) return "Operation timed out";
        if (t instanceof ConnectException) return "Failed to connect to " + where + ": Connection refused";
        if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException
                || (t != null && t.getCause() instanceof java.nio.channels.UnresolvedAddressException)) {
            return "Could not resolve host: " + uri.getHost();
        }
        if (t instanceof javax.net.ssl.SSLException) return "SSL connect error: " + t.getMessage();
        return t == null ? "unknown error" : (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    }

    private HttpClient client(CurlOptions o) {
        long connectMs = o == null ? 0 : o.number("conntimeout", 0);
        String proxy = o == null ? null : o.string("proxy");
        int proxyPort = (int) (o == null ? 0 : o.number("proxyport", 0));
        boolean verify = o == null || o.number("ssl_verifypeer", 1) != 0;
        String proxyHost = null;
        if (proxy != null && !proxy.isBlank()) {
            String p = proxy.strip().replaceFirst("^[a-zA-Z0-9+.-]+://", "");
            int colon = p.lastIndexOf(':');
            if (colon > 0 && p.substring(colon + 1).matches("\\d+")) {
                if (proxyPort == 0) proxyPort = Integer.parseInt(p.substring(colon + 1));
                p = p.substring(0, colon);
            }
            proxyHost = p;
            if (proxyPort == 0) proxyPort = DEFAULT_PROXY_PORT;
        }
        ClientKey key = new ClientKey(connectMs, proxyHost, proxyPort, verify);
        HttpClient c = clients.get(key);
        if (c != null) return c;
        if (clients.size() >= 32) close();   // settings that change with every call: start over rather than grow
        return clients.computeIfAbsent(key, CurlHttp::build);
    }

    private static HttpClient build(ClientKey k) {
        HttpClient.Builder b = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newVirtualThreadPerTaskExecutor());
        if (k.connectMs() > 0) b.connectTimeout(Duration.ofMillis(k.connectMs()));
        if (k.proxyHost() != null) b.proxy(ProxySelector.of(InetSocketAddress.createUnresolved(k.proxyHost(), k.proxyPort())));
        if (!k.verify()) b.sslContext(CurlTrustAll.context());
        return b.build();
    }

    @Override
    public void close() {
        List<HttpClient> all = new ArrayList<>(clients.values());
        clients.clear();
        for (HttpClient c : all) c.shutdownNow();
    }
}
