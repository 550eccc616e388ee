package org.switchboard.channels.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.switchboard.channels.sip.message.Headers;
import org.switchboard.channels.sip.message.SipIds;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.message.SipUri;
import org.switchboard.channels.sip.message.Via;
import org.switchboard.channels.sip.transaction.ClientTransaction;
import org.switchboard.channels.sip.transaction.ClientTransactionUser;
import org.switchboard.channels.sip.transaction.ManualSipTimers;
import org.switchboard.channels.sip.transaction.ScheduledSipTimers;
import org.switchboard.channels.sip.transaction.ServerInviteTransaction;
import org.switchboard.channels.sip.transaction.ServerTransaction;
import org.switchboard.channels.sip.transaction.TimerSettings;
import org.switchboard.channels.sip.transaction.TransactionLayer;
import org.switchboard.channels.sip.transaction.TransactionUser;

/** Transaction layers over real transports: how the pieces are wired. */
class SipTransportLayerTest {

    /** A UAS that answers every request 200. */
    static final class Answering implements TransactionUser {
        @Override public void onRequest(ServerTransaction tx, SipRequest request) { tx.respond(200, SipIds.tag()); }
        @Override public void onCancel(ServerTransaction c, ServerInviteTransaction i, SipRequest r) { c.respond(200, null); }
    }

    /** Collects what a client transaction reports. */
    static final class Collecting implements ClientTransactionUser {
        final BlockingQueue<SipResponse> responses = new LinkedBlockingQueue<>();
        final CompletableFuture<Throwable> failure = new CompletableFuture<>();
        @Override public void onResponse(ClientTransaction tx, SipResponse r) { responses.add(r); }
        @Override public void onTimeout(ClientTransaction tx) { failure.complete(new IllegalStateException("timeout")); }
        @Override public void onTransportError(ClientTransaction tx, Throwable cause) { failure.complete(cause); }
    }

    static SipRequest options(String transport, InetSocketAddress local) {
        Headers h = Headers.builder()
            .add("Via", Via.of(transport, "127.0.0.1", local.getPort(), SipIds.branch()).toString())
            .add("Max-Forwards", "70")
            .add("From", "<sip:alice@127.0.0.1>;tag=" + SipIds.tag())
            .add("To", "<sip:100@127.0.0.1>")
            .add("Call-ID", SipIds.callId("127.0.0.1"))
            .add("CSeq", "1 OPTIONS")
            .build();
        return new SipRequest("OPTIONS", SipUri.parse("sip:100@127.0.0.1"), h, null);
    }

    @Test void optionsRoundTripOverUdpThroughTwoTransactionLayers() throws Exception {
        TransactionLayer[] serverLayer = new TransactionLayer[1];
        TransactionLayer[] clientLayer = new TransactionLayer[1];
        try (ScheduledSipTimers timers = new ScheduledSipTimers();
             UdpSipTransport server = UdpSipTransport.bind(new InetSocketAddress("127.0.0.1", 0), (m, s) -> serverLayer[0].onMessage(m, s));
             UdpSipTransport client = UdpSipTransport.bind(new InetSocketAddress("127.0.0.1", 0), (m, s) -> clientLayer[0].onMessage(m, s))) {
            serverLayer[0] = new TransactionLayer(server, timers, TimerSettings.DEFAULT, new Answering());
            clientLayer[0] = new TransactionLayer(client, timers, TimerSettings.DEFAULT, new Answering());
            Collecting uac = new Collecting();
            clientLayer[0].sendRequest(options("UDP", client.localAddress()), Endpoint.udp(server.localAddress()), uac);
            SipResponse r = uac.responses.poll(5, TimeUnit.SECONDS);
            assertThat(r).isNotNull();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.topVia().rportValue()).isEqualTo(client.localAddress().getPort());
            assertThat(uac.failure).isNotDone();
        }
    }

    @Test void refusedTcpConnectionIsATransportErrorNotATimeout() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        ManualSipTimers timers = new ManualSipTimers(); // never advanced: only the transport can fail it
        try (TcpSipTransport tcp = TcpSipTransport.bind(new InetSocketAddress("127.0.0.1", 0), (m, s) -> {})) {
            TransactionLayer layer = new TransactionLayer(tcp, timers, TimerSettings.DEFAULT, new Answering());
            Collecting uac = new Collecting();
            ClientTransaction tx = layer.sendRequest(options("TCP", tcp.localAddress()),
                Endpoint.tcp(new InetSocketAddress("127.0.0.1", closedPort)), uac);
            Throwable cause = uac.failure.get(5, TimeUnit.SECONDS);
            assertThat(cause).isNotInstanceOf(IllegalStateException.class);
            assertThat(tx.isTerminated()).isTrue();
            assertThat(layer.clientCount()).isZero();
        }
    }
}
