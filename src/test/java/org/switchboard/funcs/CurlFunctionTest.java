package org.switchboard.funcs;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.testing.TestPbx;

/**
 * CURL and CURLOPT (func_curl) against an HTTP server of the test's own on 127.0.0.1: GET, POST,
 * the options a dialplan sets, HASH-ready answers, downloads to a file, and what happens when the
 * server is away or slow (an empty result, a warning, and the dialplan goes on).
 */
class CurlFunctionTest {
    private TestPbx t;
    private HttpServer server;
    private String base;
    private final CountDownLatch release = new CountDownLatch(1);

    @TempDir Path dir;

    @BeforeEach
    void start() throws IOException {
        t = new TestPbx();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hello", x -> reply(x, 200, "hello world\r\n\n"));
        server.createContext("/echo", x -> {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var h = x.getRequestHeaders();
            reply(x, 200, x.getRequestMethod() + "|" + body + "|" + h.getFirst("Content-Type") + "|" + h.getFirst("User-Agent")
                    + "|" + h.getFirst("Cookie") + "|" + h.getFirst("Authorization") + "|" + h.getFirst("X-Tenant") + "|" + h.getFirst("Referer"));
        });
        server.createContext("/form", x -> reply(x, 200, "name=Alice%20Smith&city=New+York&note=a%2Cb&empty"));
        server.createContext("/moved", x -> {
            x.getResponseHeaders().add("Location", "/hello");
            reply(x, 302, "see elsewhere");
        });
        server.createContext("/missing", x -> reply(x, 404, "nope"));
        server.createContext("/slow", x -> {
            try {
                release.await(30, TimeUnit.SECONDS);   // held until the test ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(x, 200, "late");
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        t.close();
    }

    private static void reply(HttpExchange x, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, b.length);
        try (var out = x.getResponseBody()) {
            out.write(b);
        }
    }

    private String run(String lines) {
        t.log.clear();
        t.runDialplan("[curl]\nexten => s,1,NoOp()\n" + lines.replace("BASE", base) + "\n same => n,Verbose(1,@ end)\n", "Test/curl", "curl", "s");
        return String.join("\n", t.path());
    }

    @Test
    void aGetGivesTheBodyWithoutItsTrailingBlanks() {
        assertThat(run(" same => n,Verbose(1,@ [${CURL(BASE/hello)}])")).isEqualTo("@ [hello world]\n@ end");
    }

    @Test
    void aPostSendsTheDataAsAFormWithTheOptionsOfTheChannel() {
        assertThat(run("""
                 same => n,Verbose(1,@ ${CURL(BASE/echo,a=1&b=2)})
                 same => n,Set(CURLOPT(useragent)=switchboard-test)
                 same => n,Set(CURLOPT(cookie)=session=42)
                 same => n,Set(CURLOPT(userpwd)=alice:secret)
                 same => n,Set(CURLOPT(referer)=http://example.test/)
                 same => n,Set(CURLOPT(httpheader)=X-Tenant: acme)
                 same => n,Verbose(1,@ ${CURL(BASE/echo)})
                 same => n,Verbose(1,@ ${CURL(BASE/echo,x=y)})""")).isEqualTo(String.join("\n",
                "@ POST|a=1&b=2|application/x-www-form-urlencoded|asterisk-libcurl-agent/1.0|null|null|null|null",
                "@ GET||null|switchboard-test|session=42|Basic YWxpY2U6c2VjcmV0|acme|http://example.test/",
                // a header set by httpheader drops the default Content-Type
                "@ POST|x=y|null|switchboard-test|session=42|Basic YWxpY2U6c2VjcmV0|acme|http://example.test/",
                "@ end"));
    }

    @Test
    void curlOptReadsBackWhatWasSet() {
        assertThat(run("""
                 same => n,Set(CURLOPT(conntimeout)=2.5)
                 same => n,Set(CURLOPT(httptimeout)=30)
                 same => n,Set(CURLOPT(followlocation)=yes)
                 same => n,Set(CURLOPT(maxredirs)=3)
                 same => n,Set(CURLOPT(hashcompat)=legacy)
                 same => n,Set(CURLOPT(proxytype)=socks5h)
                 same => n,Verbose(1,@ [${CURLOPT(conntimeout)}] [${CURLOPT(httptimeout)}] [${CURLOPT(followlocation)}] [${CURLOPT(maxredirs)}])
                 same => n,Verbose(1,@ [${CURLOPT(hashcompat)}] [${CURLOPT(proxytype)}] [${CURLOPT(cookie)}])""")).isEqualTo(String.join("\n",
                "@ [2.500] [30] [1] [3]", "@ [legacy] [socks5hostname] []", "@ end"));
    }

    @Test
    void redirectsAreFollowedOnlyWhenAsked() {
        assertThat(run("""
                 same => n,Verbose(1,@ [${CURL(BASE/moved)}])
                 same => n,Set(CURLOPT(followlocation)=1)
                 same => n,Verbose(1,@ [${CURL(BASE/moved)}])
                 same => n,Set(CURLOPT(maxredirs)=0)
                 same => n,Verbose(1,@ [${CURL(BASE/moved)}])""")).isEqualTo("@ [see elsewhere]\n@ [hello world]\n@ []\n@ end");
        assertThat(t.said("Maximum (0) redirects followed ('" + base + "/moved')")).hasSize(1);
    }

    @Test
    void hashcompatMakesAnAnswerReadyForHash() {
        assertThat(run("""
                 same => n,Set(CURLOPT(hashcompat)=yes)
                 same => n,Set(HASH(person)=${CURL(BASE/form)})
                 same => n,Verbose(1,@ [${HASH(person,name)}] [${HASH(person,city)}] [${HASH(person,note)}] [${HASHKEYS(person)}])
                 same => n,Set(CURLOPT(hashcompat)=legacy)
                 same => n,Set(HASH(person)=${CURL(BASE/form)})
                 same => n,Verbose(1,@ [${HASH(person,city)}])""")).isEqualTo(String.join("\n",
                "@ [Alice Smith] [New+York] [a,b] [city,empty,name,note]", "@ [New York]", "@ end"));
    }

    @Test
    void writingDownloadsToAFile() throws IOException {
        Path file = dir.resolve("page.txt");
        run(" same => n,Set(CURL(BASE/hello)=" + file + ")");
        assertThat(Files.readString(file)).isEqualTo("hello world\r\n\n");
    }

    @Test
    void aStatusIsAnAnswerUnlessFailurecodesSaysOtherwise() {
        assertThat(run("""
                 same => n,Verbose(1,@ [${CURL(BASE/missing)}])
                 same => n,Set(CURLOPT(failurecodes)=404,500)
                 same => n,Verbose(1,@ [${CURL(BASE/missing)}])""")).isEqualTo("@ [nope]\n@ []\n@ end");
        assertThat(t.said("HTTP request to '" + base + "/missing' failed with response code 404")).hasSize(1);
    }

    @Test
    void aPortWhereNothingListensGivesNothingAndALogLine() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/x";
        assertThat(run(" same => n,Set(R=${CURL(" + url + ")})\n same => n,Verbose(1,@ [${R}])")).isEqualTo("@ []\n@ end");
        assertThat(t.said("Failed to connect to 127.0.0.1 port " + port + ": Connection refused ('" + url + "')")).hasSize(1);
    }

    @Test
    void aSlowServerIsCutOffAtHttptimeout() {
        long start = System.nanoTime();
        assertThat(run(" same => n,Set(CURLOPT(httptimeout)=0.3)\n same => n,Verbose(1,@ [${CURL(BASE/slow)}])")).isEqualTo("@ []\n@ end");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(20);
        assertThat(t.said("Operation timed out")).hasSize(1);
    }

    @Test
    void badInputIsWarnedAndTheDialplanGoesOn() {
        assertThat(run("""
                 same => n,Verbose(1,@ [${CURL()}] [${CURL(ftp://127.0.0.1/file)}] [${CURL(not a url)}])
                 same => n,Set(CURLOPT(bogus)=1)
                 same => n,Verbose(1,@ [${CURLOPT(bogus)}])
                 same => n,Set(CURLOPT(proxy)=127.0.0.1:9)
                 same => n,Set(CURLOPT(proxytype)=socks5)
                 same => n,Verbose(1,@ [${CURL(BASE/hello)}])
                 same => n,Set(CURL(BASE/hello)=)""")).isEqualTo("@ [] [] []\n@ []\n@ []\n@ end");
        assertThat(t.said("CURL requires an argument (URL)")).hasSize(1);
        assertThat(t.said("Protocol \"ftp\" not supported")).hasSize(1);
        assertThat(t.said("URL using bad/illegal format or missing URL ('not a url')")).hasSize(1);
        assertThat(t.said("Unrecognized option: bogus")).hasSize(1);
        assertThat(t.said("Unrecognized option: 'bogus'")).hasSize(1);
        assertThat(t.said("proxytype socks5 is not supported here")).hasSize(1);
        assertThat(t.said("CURL requires a file to write to")).hasSize(1);
        // a line feed in the URL could smuggle a second request through a proxy: refused
        var c = t.channel();
        assertThat(new CurlFunction().read(c, base + "/hello\nDELETE /all")).isEmpty();
        assertThat(t.said("is vulnerable to HTTP injection attacks. Aborting CURL() call.")).hasSize(1);
    }
}
