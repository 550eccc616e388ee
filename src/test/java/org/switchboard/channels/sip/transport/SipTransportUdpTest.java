package org.switchboard.channels.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.channels.sip.message.SipMessage;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponses;
import org.switchboard.channels.sip.message.Via;
import org.switchboard.core.PbxLog;

class SipTransportUdpTest {
    record Received(SipMessage message, Endpoint source) {}

    private final BlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
    private UdpSipTransport transport;
    private DatagramSocket client;

    @BeforeEach void setUp() throws Exception {
        transport = UdpSipTransport.bind(new InetSocketAddress("127.0.0.1", 0), (m, s) -> {
            if (m.header("X-Explode") != null) throw new IllegalStateException("TU bug");
            inbox.add(new Received(m, s));
        });
        client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        client.setSoTimeout(5000);
    }

    @AfterEach void tearDown() {
        client.close();
        transport.close();
    }

    static String options(String branch, String via, String extra) {
        return "OPTIONS sip:100@127.0.0.1 SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP " + via + ";branch=" + branch + "\r\n"
            + "Max-Forwards: 70\r\nFrom: <sip:alice@example.com>;tag=a1\r\nTo: <sip:100@example.com>\r\n"
            + "Call-ID: c1@example.com\r\nCSeq: 1 OPTIONS\r\n" + extra + "Content-Length: 0\r\n\r\n";
    }

    private void sendRaw(String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        client.send(new DatagramPacket(b, b.length, transport.localAddress()));
    }

    private String receiveRaw() throws IOException {
        DatagramPacket p = new DatagramPacket(new byte[65536], 65536);
        client.receive(p);
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
    }

    private Received take() throws InterruptedException {
        Received r = inbox.poll(5, TimeUnit.SECONDS);
        assertThat(r).as("a message within 5 s").isNotNull();
        return r;
    }

    @Test void requestRoundTripWithRportAndReceived() throws Exception {
        sendRaw(options("z9hG4bKudp1", "192.0.2.10:5060;rport", ""));
        Received in = take();
        SipRequest req = (SipRequest) in.message();
        Via top = req.topVia();
        // RFC 3581 §4: received= the source IP, rport= the source port
        assertThat(top.received()).isEqualTo("127.0.0.1");
        assertThat(top.rportValue()).isEqualTo(client.getLocalPort());
        assertThat(in.source().address().getPort()).isEqualTo(client.getLocalPort());
        Endpoint to = ResponseRouting.destination(top, in.source());
        assertThat(to.address()).isEqualTo(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), client.getLocalPort()));
        transport.send(SipResponses.create(req, 200, "t1"), to);
        String answer = receiveRaw();
        assertThat(answer).startsWith("SIP/2.0 200 OK\r\n").contains("received=127.0.0.1").contains("rport=" + client.getLocalPort());
    }

    @Test void receivedIsAddedWithoutRportWhenSentByDiffers() throws Exception {
        sendRaw(options("z9hG4bKudp2", "192.0.2.10:5060", ""));
        Via top = take().message().topVia();
        assertThat(top.received()).isEqualTo("127.0.0.1");
        assertThat(top.rport()).isFalse();
    }

    @Test void malformedDatagramGets400AndTheNextOneStillWorks() throws Exception {
        sendRaw(options("z9hG4bKbad", "127.0.0.1:" + client.getLocalPort(), "").replace("Content-Length: 0", "Content-Length: 99"));
        String answer = receiveRaw();
        assertThat(answer).startsWith("SIP/2.0 400 ").contains("CSeq: 1 OPTIONS").contains("z9hG4bKbad");
        List<String> log = new CopyOnWriteArrayList<>();
        Consumer<PbxLog.Line> sink = l -> log.add(l.text());
        PbxLog.addSink(sink);
        try {
            sendRaw("this is not SIP at all\r\n\r\n"); // unanswerable: dropped with a log line
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> log.stream().anyMatch(l -> l.contains("dropped")));
        } finally {
            PbxLog.removeSink(sink);
        }
        sendRaw(options("z9hG4bKboom", "127.0.0.1:" + client.getLocalPort(), "X-Explode: yes\r\n")); // TU throws
        sendRaw(options("z9hG4bKgood", "127.0.0.1:" + client.getLocalPort(), ""));
        assertThat(take().message().topVia().branch()).isEqualTo("z9hG4bKgood");
    }

    @Test void keepAliveIsAnsweredWithCrlf() throws Exception {
        sendRaw("\r\n\r\n");
        assertThat(receiveRaw()).isEqualTo("\r\n");
        assertThat(inbox).isEmpty();
    }

    @Test void oversizeMessagesAreNotSent() throws Exception {
        String big = options("z9hG4bKbig", "127.0.0.1:1", "X-Pad: " + "a".repeat(70_000) + "\r\n");
        SipMessage m = new org.switchboard.channels.sip.message.SipParser(
            new org.switchboard.channels.sip.message.SipLimits(1 << 20, 100, 1 << 20)).parse(big.getBytes(StandardCharsets.UTF_8)).messageOrNull();
        assertThat(m).isNotNull();
        transport.send(m, Endpoint.udp((InetSocketAddress) client.getLocalSocketAddress()));
        transport.send(SipResponses.create((SipRequest) m, 200, "t"), Endpoint.udp((InetSocketAddress) client.getLocalSocketAddress()));
        assertThat(receiveRaw()).startsWith("SIP/2.0 200"); // the big one never left, the small one did
    }

    /**
     * On Linux with more than one core, one socket per core shares the port (SO_REUSEPORT): many
     * senders are all heard, whichever socket the kernel gives each, and every reply comes from
     * the one port.
     */
    @Test void severalReadersShareThePortAndEverySenderIsHeard() throws Exception {
        boolean multi = Runtime.getRuntime().availableProcessors() > 1 && io.netty.channel.epoll.Epoll.isAvailable();
        assertThat(transport.readers()).isEqualTo(multi ? Runtime.getRuntime().availableProcessors() : 1);
        List<DatagramSocket> senders = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 24; i++) {
                DatagramSocket d = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                senders.add(d);
                byte[] b = options("z9hG4bK-many" + i, "127.0.0.1:" + d.getLocalPort(), "").getBytes(StandardCharsets.UTF_8);
                d.send(new DatagramPacket(b, b.length, transport.localAddress()));
            }
            java.util.Set<Integer> heard = new java.util.HashSet<>();
            for (int i = 0; i < 24; i++) {
                Received r = inbox.poll(5, TimeUnit.SECONDS);
                assertThat(r).as("message %d", i).isNotNull();
                heard.add(r.source().address().getPort());
                transport.send(SipResponses.create((SipRequest) r.message(), 200, "t"), r.source());
            }
            assertThat(heard).hasSize(24);
            for (DatagramSocket d : senders) {
                d.setSoTimeout(5000);
                DatagramPacket p = new DatagramPacket(new byte[4096], 4096);
                d.receive(p);
                assertThat(p.getPort()).as("replies leave from the bound port").isEqualTo(transport.localAddress().getPort());
            }
        } finally {
            senders.forEach(DatagramSocket::close);
        }
    }

    /** SO_REUSEPORT must not let a second PBX share a port silently: a port in use fails to bind as before. */
    @Test void aPortInUseStillFailsToBind() throws Exception {
        InetSocketAddress taken = transport.localAddress();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> UdpSipTransport.bind(taken, (m, s) -> { }).close())
            .hasMessageContaining(Integer.toString(taken.getPort()));
        try (DatagramSocket plain = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            InetSocketAddress other = new InetSocketAddress("127.0.0.1", plain.getLocalPort());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> UdpSipTransport.bind(other, (m, s) -> { }).close())
                .isNotNull();
        }
    }
}
