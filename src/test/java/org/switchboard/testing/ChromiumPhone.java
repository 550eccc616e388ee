package org.switchboard.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real browser as a WebRTC phone: Debian's chromium, headless, driven through chromedriver
 * (Selenium's W3C WebDriver client). It loads {@code webrtc/phone.html}, a hand-written
 * SIP-over-WebSocket phone, from a tiny HTTP server of its own on 127.0.0.1 (a secure context
 * for getUserMedia), and its microphone is a WAV file ({@code --use-file-for-fake-audio-capture},
 * looped). What the page measured (times in ms of {@code performance.now()}, the loudest
 * frequency of the remote audio) is read from {@code window.sb}.
 */
public final class ChromiumPhone implements AutoCloseable {
    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final HttpServer pages;
    private final ChromeDriver driver;

    private ChromiumPhone(HttpServer pages, ChromeDriver driver) {
        this.pages = pages;
        this.driver = driver;
    }

    public static boolean installed() { return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER); }

    /** Starts the browser with {@code microphone} as its audio input and opens the phone page. */
    public static ChromiumPhone start(Path microphone) throws IOException {
        HttpServer pages = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pages.createContext("/phone.html", ex -> {
            byte[] page;
            try (InputStream in = ChromiumPhone.class.getResourceAsStream("/webrtc/phone.html")) {
                page = in.readAllBytes();
            }
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, page.length);
            ex.getResponseBody().write(page);
            ex.close();
        });
        pages.start();
        ChromeOptions o = new ChromeOptions();
        o.setBinary(BROWSER.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
            "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
            "--use-file-for-fake-audio-capture=" + microphone.toAbsolutePath(),
            "--autoplay-policy=no-user-gesture-required",
            "--allow-loopback-in-peer-connection", // the PBX's ICE candidates are on 127.0.0.1
            "--ignore-certificate-errors"); // wss:// to the PBX's self-signed test certificate
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort().build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, o);
        } catch (RuntimeException e) {
            pages.stop(0);
            throw e;
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        driver.get("http://127.0.0.1:" + pages.getAddress().getPort() + "/phone.html");
        return new ChromiumPhone(pages, driver);
    }

    /** Runs {@code sb.NAME(args...)}, waits for its promise, and returns what it resolved with ("error: ..." if it threw). */
    public Object await(String name, Object... args) {
        return driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
            + "sb." + name + "(...Array.from(arguments).slice(0, -1)).then(done, e => done('error: ' + e));", args);
    }

    /** A JavaScript expression's value, e.g. {@code "sb.state"}. */
    public Object eval(String expression) { return ((JavascriptExecutor) driver).executeScript("return " + expression + ";"); }

    /** The page's timestamps ({@code wsStart}, {@code registered}, {@code callStart}, {@code firstAudio}...), in ms. */
    @SuppressWarnings("unchecked")
    public Map<String, Number> times() { return (Map<String, Number>) eval("sb.t"); }

    /** The page's log: what it sent and received, one line each. */
    @SuppressWarnings("unchecked")
    public List<String> log() { return (List<String>) eval("sb.log"); }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            pages.stop(0);
        }
    }
}
