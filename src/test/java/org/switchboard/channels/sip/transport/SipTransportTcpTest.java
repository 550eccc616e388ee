package org.switchboard.channels.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.channels.sip.message.SipLimits;
import org.switchboard.channels.sip.message.SipMessage;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.message.SipResponses;

class SipTransportTcpTest {
    record Received(SipMessage message, Endpoint source) {}

    private final BlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
    private TcpSipTransport transport;

    @BeforeEach void setUp() throws Exception {
        transport = TcpSipTransport.bind(new InetSocketAddress("127.0.0.1", 0), (m, s) -> inbox.add(new Received(m, s)));
    }

    @AfterEach void tearDown() { transport.close(); }

    static String options(String branch) {
        return SipTransportUdpTest.options(branch, "client.example.com:5060;transport=tcp", "").replace("SIP/2.0/UDP", "SIP/2.0/TCP");
    }

    private Socket connect() throws Exception {
        Socket s = new Socket();
        s.connect(transport.localAddress(), 5000);
        s.setSoTimeout(5000);
        return s;
    }

    private static void write(Socket s, String text) throws Exception {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String read(Socket s, int n) throws Exception {
        InputStream in = s.getInputStream();
        byte[] b = in.readNBytes(n);
        return new String(b, StandardCharsets.UTF_8);
    }

    private Received take() throws InterruptedException {
        Received r = inbox.poll(5, TimeUnit.SECONDS);
        assertThat(r).as("a message within 5 s").isNotNull();
        return r;
    }

    @Test void messageSplitAcrossWritesIsFramedOnce() throws Exception {
        try (Socket s = connect()) {
            String m = options("z9hG4bKsplit");
            write(s, m.substring(0, 17));
            write(s, m.substring(17, 90));
            write(s, m.substring(90));
            Received r = take();
            assertThat(r.message().topVia().branch()).isEqualTo("z9hG4bKsplit");
            assertThat(r.message().topVia().received()).isEqualTo("127.0.0.1"); // sent-by is a name
            assertThat(inbox.poll(200, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test void twoMessagesInOneWrite() throws Exception {
        try (Socket s = connect()) {
            write(s, options("z9hG4bKone") + options("z9hG4bKtwo"));
            assertThat(take().message().topVia().branch()).isEqualTo("z9hG4bKone");
            assertThat(take().message().topVia().branch()).isEqualTo("z9hG4bKtwo");
        }
    }

    @Test void garbageThenValidMessage() throws Exception {
        try (Socket s = connect()) {
            write(s, "GARBAGE \u0001\u0002 nonsense\r\nmore junk\r\n\r\n" + options("z9hG4bKafter"));
            assertThat(take().message().topVia().branch()).isEqualTo("z9hG4bKafter");
        }
    }

    @Test void responseGoesBackOverTheSameConnection() throws Exception {
        try (Socket s = connect()) {
            write(s, options("z9hG4bKresp"));
            Received r = take();
            Endpoint to = ResponseRouting.destination(r.message().topVia(), r.source());
            assertThat(to).isEqualTo(r.source());
            assertThat(transport.connectionCount()).isEqualTo(1);
            byte[] expect = org.switchboard.channels.sip.message.SipWriter.write(SipResponses.create((SipRequest) r.message(), 200, "t"));
            transport.send(SipResponses.create((SipRequest) r.message(), 200, "t"), to);
            assertThat(read(s, expect.length)).startsWith("SIP/2.0 200 OK\r\n");
            assertThat(transport.connectionCount()).isEqualTo(1);
        }
    }

    @Test void doubleCrlfPingGetsCrlfPong() throws Exception {
        try (Socket s = connect()) {
            write(s, "\r\n\r\n");
            assertThat(read(s, 2)).isEqualTo("\r\n");
            write(s, options("z9hG4bKping"));
            assertThat(take().message().topVia().branch()).isEqualTo("z9hG4bKping");
        }
    }

    @Test void malformedRequestOnStreamGets400() throws Exception {
        try (Socket s = connect()) {
            String bad = options("z9hG4bKbad").replace("CSeq: 1 OPTIONS\r\n", "CSeq: 1 OPTIONS\r\nBroken header line\r\n");
            write(s, bad);
            assertThat(read(s, 12)).isEqualTo("SIP/2.0 400 ");
        }
    }

    @Test void transportToTransportReusesTheConnection() throws Exception {
        BlockingQueue<Received> clientInbox = new LinkedBlockingQueue<>();
        try (TcpSipTransport other = TcpSipTransport.bind(new InetSocketAddress("127.0.0.1", 0),
                (m, src) -> clientInbox.add(new Received(m, src)), Duration.ofSeconds(30), SipLimits.DEFAULT)) {
            SipRequest req = (SipRequest) new org.switchboard.channels.sip.message.SipParser()
                .parse(options("z9hG4bKt2t").getBytes(StandardCharsets.UTF_8)).messageOrNull();
            other.send(req, Endpoint.tcp(transport.localAddress()));
            Received r = take();
            transport.send(SipResponses.create((SipRequest) r.message(), 200, "t"), r.source());
            Received back = clientInbox.poll(5, TimeUnit.SECONDS);
            assertThat(back).isNotNull();
            assertThat(((SipResponse) back.message()).status()).isEqualTo(200);
            other.send(req, Endpoint.tcp(transport.localAddress()));
            take();
            assertThat(other.connectionCount()).isEqualTo(1);
            assertThat(transport.connectionCount()).isEqualTo(1);
        }
    }

    @Test void responseOpensANewConnectionToSentByWhenTheOldOneIsGone() throws Exception {
        BlockingQueue<Received> peerInbox = new LinkedBlockingQueue<>();
        try (TcpSipTransport peer = TcpSipTransport.bind(new InetSocketAddress("127.0.0.1", 0),
                (m, src) -> peerInbox.add(new Received(m, src)), Duration.ofSeconds(30), SipLimits.DEFAULT)) {
            Received r;
            try (Socket s = connect()) {
                write(s, SipTransportUdpTest.options("z9hG4bKgone", "127.0.0.1:" + peer.localAddress().getPort(), "")
                    .replace("SIP/2.0/UDP", "SIP/2.0/TCP"));
                r = take();
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> transport.connectionCount() == 0);
            transport.send(SipResponses.create((SipRequest) r.message(), 200, "t"), r.source()); // §18.2.2
            Received back = peerInbox.poll(5, TimeUnit.SECONDS);
            assertThat(back).isNotNull();
            assertThat(((SipResponse) back.message()).status()).isEqualTo(200);
        }
    }

    @Test void idleConnectionsAreClosed() throws Exception {
        try (TcpSipTransport quick = TcpSipTransport.bind(new InetSocketAddress("127.0.0.1", 0), (m, src) -> {},
                Duration.ofMillis(100), SipLimits.DEFAULT); Socket s = new Socket()) {
            s.connect(quick.localAddress(), 5000);
            s.setSoTimeout(5000);
            assertThat(s.getInputStream().read()).isEqualTo(-1); // the server closed it
        }
    }
}
