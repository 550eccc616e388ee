package org.switchboard.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.switchboard.channels.sip.message.ParseResult;
import org.switchboard.channels.sip.message.SipMessage;
import org.switchboard.channels.sip.message.SipParser;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponses;
import org.switchboard.channels.sip.message.SipWriter;
import org.switchboard.channels.sip.sdp.Codec;
import org.switchboard.channels.sip.sdp.Direction;
import org.switchboard.channels.sip.sdp.SdpNegotiator;
import org.switchboard.channels.sip.sdp.SdpParser;

/**
 * The SIP codec on a typical INVITE with SDP, as a softphone sends it (about 900 bytes): parse
 * alone; parse and read what a transaction layer reads (top Via, CSeq, From/To tags, Call-ID);
 * write; the UAS path of parse, 180 built and written; and SDP parse plus offer/answer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class SipParseBench {
    static final String INVITE = """
        INVITE sip:100@192.0.2.1:5060;transport=udp SIP/2.0
        Via: SIP/2.0/UDP 192.0.2.50:5060;rport;branch=z9hG4bKPj3f8a1c2e7b4d4f0a9c
        Max-Forwards: 70
        From: "Alice" <sip:0000FFFF0001@192.0.2.1>;tag=a8f3c1e2b9d74e6f
        To: <sip:100@192.0.2.1>
        Contact: <sip:0000FFFF0001@192.0.2.50:5060;ob>
        Call-ID: 7c0a4b1e-2d3f-4e5a-8b9c-0d1e2f3a4b5c
        CSeq: 23104 INVITE
        Route: <sip:192.0.2.1;lr>
        Allow: PRACK, INVITE, ACK, BYE, CANCEL, UPDATE, INFO, SUBSCRIBE, NOTIFY, REFER, MESSAGE, OPTIONS
        Supported: replaces, 100rel, timer, norefersub
        Session-Expires: 1800
        Min-SE: 90
        User-Agent: baresip v3.10.1 (x86_64/linux)
        Content-Type: application/sdp
        Content-Length: @LEN@

        """;
    static final String SDP = """
        v=0
        o=- 3918283748 3918283748 IN IP4 192.0.2.50
        s=baresip
        c=IN IP4 192.0.2.50
        t=0 0
        m=audio 4000 RTP/AVP 96 9 0 8 101
        a=rtpmap:96 opus/48000/2
        a=fmtp:96 stereo=1;sprop-stereo=1
        a=rtpmap:9 G722/8000
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15
        a=ptime:20
        a=sendrecv
        """;

    private final SipParser parser = new SipParser();
    private final SdpNegotiator.Local local =
        new SdpNegotiator.Local("192.0.2.1", 10000, "switchboard", 1, 1, true, 20, Direction.SENDRECV);
    private final java.util.List<Codec> allowed = java.util.List.of(Codec.PCMU, Codec.PCMA, Codec.G722, Codec.OPUS);
    private byte[] wire;
    private SipMessage parsed;
    private String sdpText;

    @Setup(Level.Trial)
    public void setup() {
        sdpText = SDP.replace("\n", "\r\n");
        String head = INVITE.replace("\n", "\r\n").replace("@LEN@", Integer.toString(sdpText.length()));
        wire = (head + sdpText).getBytes(StandardCharsets.UTF_8);
        ParseResult r = parser.parse(wire);
        if (!(r instanceof ParseResult.Ok ok)) throw new IllegalStateException("bench INVITE does not parse: " + r);
        parsed = ok.message();
    }

    @Benchmark
    public ParseResult parseInvite() { return parser.parse(wire); }

    @Benchmark
    public void parseInviteAndReadKeyHeaders(Blackhole bh) {
        SipMessage m = parser.parse(wire).messageOrNull();
        bh.consume(m.topVia().branch());
        bh.consume(m.cseq().seq());
        bh.consume(m.from().tag());
        bh.consume(m.to().tag());
        bh.consume(m.callId());
    }

    @Benchmark
    public byte[] writeInvite() { return SipWriter.write(parsed); }

    @Benchmark
    public byte[] parseInviteAnswerRinging() {
        SipRequest req = (SipRequest) parser.parse(wire).messageOrNull();
        return SipWriter.write(SipResponses.create(req, 180, "as7d9f1e"));
    }

    @Benchmark
    public Object parseSdpAndNegotiate() {
        SdpParser.Result r = SdpParser.parse(sdpText);
        return SdpNegotiator.answer(((SdpParser.Parsed) r).sdp(), allowed, local);
    }
}
