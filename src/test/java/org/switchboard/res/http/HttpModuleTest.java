package org.switchboard.res.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.config.ConfigReader;
import org.switchboard.testing.TestPbx;

/** http.conf as Asterisk reads it, and the server's life: off unless enabled, a bad certificate declines with one line. */
class HttpModuleTest {
    @TempDir Path dir;

    private static HttpConfig parse(String text) { return HttpConfig.from(ConfigReader.parse("http.conf", text, Path.of("."))); }

    @Test
    void readsAsteriskSettingsWithTheirDefaults() {
        HttpConfig off = parse("[general]\n");
        assertThat(off.enabled()).isFalse();
        assertThat(off.plain().getPort()).isEqualTo(8088);
        assertThat(off.tls()).isNull();

        HttpConfig c = parse("""
            [general]
            enabled=yes
            bindaddr=127.0.0.1
            bindport=8090
            tlsenable=yes
            tlsbindaddr=0.0.0.0:8443
            tlscertfile=/etc/asterisk/keys/asterisk.pem
            sessionlimit=100
            """);
        assertThat(c.enabled()).isTrue();
        assertThat(c.plain().getHostString() + ":" + c.plain().getPort()).isEqualTo("127.0.0.1:8090");
        assertThat(c.tls().getHostString() + ":" + c.tls().getPort()).isEqualTo("0.0.0.0:8443");
        assertThat(c.privateKey()).as("the key in the certificate file, as Asterisk").isEqualTo("/etc/asterisk/keys/asterisk.pem");
        assertThat(c.problems()).isEmpty();
        assertThat(parse("[general]\ntlsenable=yes\ntlsbindaddr=0.0.0.0\n").tls()).as("no certificate: no HTTPS").isNull();
    }

    @Test
    void badValuesAreProblemsWithFileAndLine() {
        HttpConfig c = parse("[general]\nenabled=yes\nbindport=eighty\nfrobnicate=1\ntlsenable=yes\n");
        assertThat(c.problems()).anyMatch(p -> p.startsWith("http.conf:3: invalid bindport 'eighty'; using 8088"))
            .anyMatch(p -> p.startsWith("http.conf:4: unknown option 'frobnicate'"))
            .anyMatch(p -> p.contains("tlsenable=yes without tlscertfile"));
        assertThat(c.plain().getPort()).isEqualTo(8088);
    }

    @Test
    void offWithoutEnabledAndAnUnreadableCertificateDeclinesNamingIt() throws Exception {
        Files.writeString(dir.resolve("modules.conf"), "[modules]\nautoload=yes\nnoload => chan_skype\nnoload => res_manager\n");
        Files.writeString(dir.resolve("http.conf"), "[general]\nbindaddr=127.0.0.1\nbindport=0\n");
        try (TestPbx p = new TestPbx(dir)) {
            assertThat(HttpModule.get(p.pbx)).isNull();
            assertThat(p.logLines("http.conf has enabled = no: the HTTP server is off")).hasSize(1);
        }
        Files.writeString(dir.resolve("http.conf"), "[general]\nenabled=yes\nbindaddr=127.0.0.1\nbindport=0\n"
            + "tlsenable=yes\ntlsbindaddr=127.0.0.1:0\ntlscertfile=" + dir.resolve("missing.pem") + "\n");
        try (TestPbx p = new TestPbx(dir)) {
            assertThat(HttpModule.get(p.pbx)).isNull();
            assertThat(p.logLines("declined to load: HTTP server cannot listen on 127.0.0.1:0 / HTTPS 127.0.0.1:0"))
                .singleElement().asString().contains("missing.pem");
        }
    }

    @Test
    void servesOnlyWsAndSays404ForTheRest() throws Exception {
        Files.writeString(dir.resolve("modules.conf"), "[modules]\nautoload=yes\nnoload => chan_skype\nnoload => res_manager\n");
        Files.writeString(dir.resolve("http.conf"), "[general]\nenabled=yes\nbindaddr=127.0.0.1\nbindport=0\n");
        try (TestPbx p = new TestPbx(dir)) {
            int port = HttpModule.get(p.pbx).httpAddress().getPort();
            HttpClient http = HttpClient.newHttpClient();
            for (String path : new String[] {"/", "/httpstatus", "/ws/other", "/../etc/passwd"}) {
                var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path.replace("..", "%2e%2e"))).build(),
                    HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(path).isEqualTo(404);
            }
            var ws = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ws")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ws.statusCode()).as("plain GET /ws").isEqualTo(400);
            http.close();
        }
    }
}
