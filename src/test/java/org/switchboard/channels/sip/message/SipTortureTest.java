package org.switchboard.channels.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.channels.sip.message.SipMessages.bytes;
import static org.switchboard.channels.sip.message.SipMessages.crlf;
import static org.switchboard.channels.sip.message.SipMessages.parseFail;
import static org.switchboard.channels.sip.message.SipMessages.parseOk;

import org.junit.jupiter.api.Test;

/**
 * Messages in the manner of RFC 4475 (SIP torture tests), rebuilt by hand: the valid ones of §3.1.1
 * must parse, the invalid ones of §3.1.2 and §3.3 must give a failure value with a reason.
 */
class SipTortureTest {

    private static final String BODY = "v=0\no=mhandley 29739 7272939 IN IP4 192.0.2.3\ns=-\nc=IN IP4 192.0.2.4\n"
        + "t=0 0\nm=audio 49217 RTP/AVP 0 12\nm=video 3227 RTP/AVP 31\na=rtpmap:31 LPC\n";

    private static String withBody(String head, String body) {
        String b = body.replace("\n", "\r\n");
        return head.replace("\n", "\r\n").replace("@LEN@", Integer.toString(b.length())) + "\r\n" + b;
    }

    @Test void shortTortuousInvite() { // §3.1.1.1 wsinv
        String head = """
            INVITE sip:vivekg@chair-dnrc.example.com;unknownparam SIP/2.0
            TO :
             sip:vivekg@chair-dnrc.example.com ;   tag    = 1918181833n
            from   : "J Rosenberg \\\\\\""       <sip:jdrosen@example.com>
              ;
              tag = 98asjd8
            MaX-fOrWaRdS: 0068
            Call-ID: wsinv.ndaksdj@192.0.2.1
            Content-Length   : @LEN@
            cseq: 0009
              INVITE
            Via  : SIP  /   2.0
             /UDP
                192.0.2.2;rport;branch=390skdjuw
            s :
            NewFangledHeader:   newfangled value
             continued newfangled value
            UnknownHeaderWithUnusualValue: ;;,,;;,;
            Content-Type: application/sdp
            Route:
             <sip:services.example.com;lr;unknownwith=value;unknown-no-value>
            v:  SIP  / 2.0  / TCP     spindle.example.com   ;
              branch  =   z9hG4bK9ikj8  ,
             SIP  /    2.0   / UDP  192.168.255.111   ; branch=
             z9hG4bK30239
            m:"Quoted string \\"\\"" <sip:jdrosen@example.com> ; newparam =
                  newvalue ;
              secondparam ; q = 0.33
            """;
        SipRequest r = (SipRequest) parseOk(bytes(withBody(head, BODY)));
        assertThat(r.to().uri().user()).isEqualTo("vivekg");
        assertThat(r.to().tag()).isEqualTo("1918181833n");
        assertThat(r.from().displayName()).isEqualTo("J Rosenberg \\\"");
        assertThat(r.from().tag()).isEqualTo("98asjd8");
        assertThat(r.maxForwards()).isEqualTo(68);
        assertThat(r.cseq()).isEqualTo(new CSeq(9, "INVITE"));
        assertThat(r.vias()).hasSize(3);
        assertThat(r.vias().get(0).rport()).isTrue();
        assertThat(r.vias().get(1).transport()).isEqualTo("TCP");
        assertThat(r.vias().get(1).branch()).isEqualTo("z9hG4bK9ikj8");
        assertThat(r.vias().get(2).host()).isEqualTo("192.168.255.111");
        assertThat(r.vias().get(2).branch()).isEqualTo("z9hG4bK30239");
        assertThat(r.header("Subject")).isEmpty();
        assertThat(r.header("newfangledheader")).isEqualTo("newfangled value continued newfangled value");
        assertThat(r.contacts().get(0).displayName()).isEqualTo("Quoted string \"\"");
        assertThat(r.contacts().get(0).param("q")).isEqualTo("0.33");
        assertThat(r.routes().get(0).uri().looseRouting()).isTrue();
        assertThat(r.bodyText()).startsWith("v=0");
    }

    @Test void wideRangeOfValidCharacters() { // §3.1.1.2 intmeth
        String m = "!interesting-Method0123456789_*+`.%indeed'~";
        String head = m + " sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too.(doesn't-it)"
            + "@example.com SIP/2.0\n"
            + "Via: SIP/2.0/TCP host1.example.com;branch=z9hG4bK-.!%66*_+`'~\n"
            + "To: \"BEL:\\\u0007 NUL:\\\u0000 DEL:\\\u007f\" <sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*@example.com>\n"
            + "From: token1~` token2'+_ token3*%!.- <sip:mundane@example.com>;fromParam''~+*_!.-%=\"работающий\";tag=_token~1'+`*%!-.\n"
            + "Call-ID: intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{\n"
            + "CSeq: 139122385 " + m + "\n"
            + "Max-Forwards: 255\n"
            + "extensionHeader-!.%*+_`'~: \uFEFF大停電\n"
            + "Content-Length: 0\n\n";
        SipRequest r = (SipRequest) parseOk(bytes(head.replace("\n", "\r\n")));
        assertThat(r.method()).isEqualTo(m);
        assertThat(r.uri().user()).isEqualTo("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*");
        assertThat(r.uri().password()).isEqualTo("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)");
        assertThat(r.from().tag()).isEqualTo("_token~1'+`*%!-.");
        assertThat(r.from().displayName()).isEqualTo("token1~` token2'+_ token3*%!.-");
        assertThat(r.header("extensionHeader-!.%*+_`'~")).endsWith("大停電");
    }

    @Test void escapesAndEscapedNull() { // §3.1.1.3 esc01, §3.1.1.4 escnull, §3.1.1.5 esc02
        SipRequest r = (SipRequest) parseOk(crlf("""
            INVITE sip:sips%3Auser%40example.com@example.net SIP/2.0
            To: sip:%75se%72@example.com
            From: <sip:I%20have%20spaces@example.net>;tag=938
            Max-Forwards: 87
            i: esc01.239409asdfakjkn23onasd0-3234
            CSeq: 234234 INVITE
            Via: SIP/2.0/UDP host5.example.net;branch=z9hG4bKkdjuw
            C: application/sdp
            Contact: <sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31>
            Content-Length: 0

            """));
        assertThat(r.uri().user()).isEqualTo("sips%3Auser%40example.com");
        assertThat(r.contacts().get(0).uri().param("n%61me")).isEqualTo("v%61lue%25%34%31");
        assertThat(r.contentType()).isEqualTo("application/sdp");
        SipRequest r2 = (SipRequest) parseOk(crlf("""
            RE%47IST%45R sip:registrar.example.com SIP/2.0
            To: "%Z%45" <sip:resource@example.com>
            From: "%Z%45" <sip:resource@example.com>;tag=f232jadfj23
            Call-ID: esc02.asdfnqwo34rq23i34jrjasdcnl23nrlknsdf
            Via: SIP/2.0/TCP host.example.com;rport;branch=z9hG4bK209%fzsnel234
            CSeq: 29344 RE%47IST%45R
            Max-Forwards: 70
            Contact: <sip:alias1@host1.example.com>
            Contact: <sip:alias2@host2.example.com>, <sip:alias3@host3.example.com>
            l: 0

            """));
        assertThat(r2.method()).isEqualTo("RE%47IST%45R");
        assertThat(r2.contacts()).hasSize(3);
    }

    @Test void noSpaceBeforeAngleAndSemicolonUserAndIpv6() { // §3.1.1.6 lwsdisp, §3.1.1.9 semiuri, RFC 5118
        SipRequest r = (SipRequest) parseOk(crlf("""
            OPTIONS sip:user;par=u%40example.net@example.com SIP/2.0
            To: sip:j_user@example.com
            From: caller<sip:caller@example.com>;tag=323
            Max-Forwards: 70
            Call-ID: lwsdisp.1234abcd@funky.example.com
            CSeq: 60 OPTIONS
            Via: SIP/2.0/UDP [2001:db8::9:1]:5070;branch=z9hG4bKas3-111;received=[2001:db8::9:255];rport=5070
            Contact: <sip:[2001:db8::10]:5060;transport=tcp>
            l: 0

            """));
        assertThat(r.uri().user()).isEqualTo("user;par=u%40example.net");
        assertThat(r.from().displayName()).isEqualTo("caller");
        Via v = r.topVia();
        assertThat(v.host()).isEqualTo("[2001:db8::9:1]");
        assertThat(v.port()).isEqualTo(5070);
        assertThat(v.received()).isEqualTo("[2001:db8::9:255]");
        assertThat(v.rportValue()).isEqualTo(5070);
        SipUri c = r.contacts().get(0).uri();
        assertThat(c.host()).isEqualTo("[2001:db8::10]");
        assertThat(c.port()).isEqualTo(5060);
        assertThat(c.transportParam()).isEqualTo("tcp");
    }

    @Test void trailingOctetsOfADatagramAreDropped() { // §3.1.1.8 dblreq
        String two = withBody("""
            REGISTER sip:example.com SIP/2.0
            To: sip:j.user@example.com
            From: sip:j.user@example.com;tag=43251j3j324
            Max-Forwards: 8
            I: dblreq.0ha0isndaksdj99sdfafnl3lk233412
            Contact: sip:j.user@host.example.com
            CSeq: 8 REGISTER
            Via: SIP/2.0/UDP 192.0.2.125;branch=z9hG4bKkdjuw23492
            Content-Length: 0
            """, "INVITE sip:joe@example.com SIP/2.0\nt: sip:joe@example.com\n");
        SipRequest r = (SipRequest) parseOk(bytes(two));
        assertThat(r.method()).isEqualTo("REGISTER");
        assertThat(r.body()).isEmpty();
    }

    @Test void unusualTransportsReasonsAndUnknownSchemes() { // §3.1.1.10, §3.1.1.12, §3.1.1.13, §3.3.4
        SipRequest r = (SipRequest) parseOk(crlf("""
            OPTIONS sip:t.watson@example.org SIP/2.0
            Via: SIP/2.0/UDP t1.example.com;branch=z9hG4bKkdjuw
            Via: SIP/2.0/SCTP t2.example.com;branch=z9hG4bKklasjdhf
            Via: SIP/2.0/TLS t3.example.com;branch=z9hG4bK2980unddj
            Via: SIP/2.0/UNKNOWN t4.example.com;branch=z9hG4bKasd0f3en
            Via: SIP/2.0/TCP t5.example.com;branch=z9hG4bK0a9idfnee
            To: isbn:2983792873
            From: <http://www.example.com>;tag=3234233
            Call-ID: transports.kijh4akdnaqjkwendsasfdj
            Max-Forwards: 60
            CSeq: 63104 OPTIONS
            Contact: <name:John_Smith>
            l: 0

            """));
        assertThat(r.vias()).extracting(Via::transport).containsExactly("UDP", "SCTP", "TLS", "UNKNOWN", "TCP");
        assertThat(r.to().uri().scheme()).isEqualTo("isbn");
        assertThat(r.from().uri().toString()).isEqualTo("http://www.example.com");
        SipResponse ok = (SipResponse) parseOk(crlf("""
            SIP/2.0 200 = 2**3 * 5**2 но сто девяносто девять - простое
            Via: SIP/2.0/UDP 192.0.2.198;branch=z9hG4bK1324923
            Call-ID: unreason.1234ksdfak3j2erwedfsASdf
            CSeq: 35 INVITE
            From: sip:user@example.com;tag=11141343
            To: sip:user@example.edu;tag=2229
            Content-Length: 0

            """));
        assertThat(ok.reason()).endsWith("простое");
        SipResponse noReason = (SipResponse) parseOk(crlf("""
            SIP/2.0 100 \nVia: SIP/2.0/UDP 192.0.2.105;branch=z9hG4bK2398ndaoe
            Call-ID: noreason.asndj203insdf99223ndf
            CSeq: 35 INVITE
            From: <sip:user@example.com>;tag=39ansfi3
            To: <sip:user@example.edu>;tag=902jndnke3
            Content-Length: 0

            """));
        assertThat(noReason.reason()).isEmpty();
    }

    private static final String TAIL = """
        To: sip:j.user@example.com
        From: sip:caller@example.net;tag=134161461246
        Max-Forwards: 7
        Call-ID: torture.0ha0isndaksdjasdf3234nas
        CSeq: 8 INVITE
        Via: SIP/2.0/UDP 192.0.2.15;branch=z9hG4bKkdjuw
        Content-Length: 0

        """;

    private static ParseResult.Failure invalid(String startLine, String tail) {
        ParseResult.Failure f = parseFail(crlf(startLine + "\n" + tail));
        assertThat(f.reason()).isNotBlank();
        return f;
    }

    @Test void invalidMessagesGiveAFailureWithAReason() { // §3.1.2
        String[][] cases = {
            {"INVITE sip:user@example.com SIP/2.0", "Via: SIP/2.0/UDP 192.0.2.15;;,;,,", "Via"}, // badinv01
            {"INVITE sip:user@example.com SIP/2.0", "Content-Length: 9999", "Content-Length"}, // clerr
            {"INVITE sip:user@example.com SIP/2.0", "Content-Length: -999", "Content-Length"}, // ncl
            {"INVITE sip:user@example.com SIP/2.0", "Max-Forwards: 300", "Max-Forwards"}, // scalar02
            {"INVITE sip:user@example.com SIP/2.0", "To: \"Mr. J. User <sip:j.user@example.com>", "quoted"}, // quotbal
            {"INVITE sip:user@example.com SIP/2.0", "From: Bell, Alexander <sip:a.g.bell@example.com>;tag=43", "display"}, // baddn
            {"REGISTER sip:example.com SIP/2.0", "Contact: sip:user@example.com?Route=%3Csip:sip.example.com%3E", "addr-spec"}, // regbadct
            {"OPTIONS sip:user@example.com SIP/2.0", "", "CSeq method"}, // mismatch01
            {"NEWMETHOD sip:user@example.com SIP/2.0", "", "CSeq method"}, // mismatch02
            {"INVITE sip:user@example.com SIP/2.0", "To: sip:other@example.com", "more than one"}, // multi01
            {"INVITE sip:user@example.com SIP/2.0", "Content-Length: 5", "Content-Length"}, // mcl01
        };
        for (String[] c : cases) {
            String tail = TAIL;
            // the bad header replaces the good one of the same name, except where duplication is the fault
            if (c[1].startsWith("To: \"") || c[1].startsWith("From:") || c[1].startsWith("Via:")) {
                String prefix = c[1].substring(0, c[1].indexOf(':') + 1);
                tail = tail.lines().filter(l -> !l.startsWith(prefix)).collect(java.util.stream.Collectors.joining("\n", "", "\n\n"));
            }
            tail = c[1].isEmpty() ? tail : c[1] + "\n" + tail;
            ParseResult.Failure f = invalid(c[0], c[0].startsWith("REGISTER") ? tail.replace("8 INVITE", "8 REGISTER") : tail);
            assertThat(f.status()).as(c[0] + " / " + c[1]).isEqualTo(400);
            assertThat(f.reason()).as(c[1]).containsIgnoringCase(c[2]);
        }
    }

    @Test void requestLineErrorsMapToTheirStatus() { // §3.1.2.7-11, §3.1.2.16, §3.3.2, §3.3.3
        assertThat(invalid("INVITE <sip:user@example.com> SIP/2.0", TAIL).status()).isEqualTo(400);
        assertThat(invalid("INVITE sip:user@example.com; lr SIP/2.0", TAIL).status()).isEqualTo(400);
        assertThat(invalid("INVITE  sip:user@example.com  SIP/2.0", TAIL).status()).isEqualTo(400);
        assertThat(invalid("INVITE sip:user@example.com SIP/2.0  ", TAIL).status()).isEqualTo(400);
        assertThat(invalid("INVITE sip:user@example.com?Route=%3Csip:example.com%3E SIP/2.0", TAIL).status()).isEqualTo(400);
        ParseResult.Failure v7 = invalid("INVITE sip:user@example.com SIP/7.0", TAIL);
        assertThat(v7.status()).isEqualTo(505);
        assertThat(v7.canAnswer()).isTrue();
        assertThat(invalid("INVITE nobodyknowsthisscheme:totallyopaquecontent SIP/2.0", TAIL).status()).isEqualTo(416);
        assertThat(invalid("INVITE soap.beep://192.0.2.103:3002 SIP/2.0", TAIL).status()).isEqualTo(416);
        assertThat(parseFail(crlf("SIP/2.0 4294967301 better not break the receiver\n" + TAIL)).isRequest()).isFalse();
    }

    @Test void aDateOutsideGmtOrSpacesInsideAngleBracketsAreRefused() { // §3.1.2.12 baddate, §3.1.2.14 badaspec
        ParseResult.Failure est = invalid("INVITE sip:user@example.com SIP/2.0", "Date: Fri, 01 Jan 2010 16:00:00 EST\n" + TAIL);
        assertThat(est.status()).isEqualTo(400);
        assertThat(est.reason()).contains("Date");
        assertThat(parseOk(crlf("INVITE sip:user@example.com SIP/2.0\nDate: Sat, 13 Nov 2010 23:29:00 GMT\n" + TAIL))).isNotNull();
        assertThat(invalid("INVITE sip:user@example.com SIP/2.0", "Date: Sat, 13 Nov 2010 23:29:00 UTC\n" + TAIL).status()).isEqualTo(400);
        // a response's Date only informs: an odd one from a provider must not lose its 200
        assertThat(parseOk(crlf("SIP/2.0 200 OK\nDate: Mon, 7 Dec 2026 19:50:00 EST\n" + TAIL))).isInstanceOf(SipResponse.class);
        ParseResult.Failure spaces = invalid("OPTIONS sip:user@example.org SIP/2.0",
            TAIL.replace("To: sip:j.user@example.com", "To: \"Watson, Thomas\" < sip:t.watson@example.org >").replace("8 INVITE", "8 OPTIONS"));
        assertThat(spaces.reason()).contains("whitespace inside <>");
        assertThat(parseOk(crlf("OPTIONS sip:user@example.org SIP/2.0\n" + TAIL.replace("To: sip:j.user@example.com",
            "To: \"Watson, Thomas\"   <sip:t.watson@example.org>  ;tag=1").replace("8 INVITE", "8 OPTIONS")))).isNotNull();
    }

    @Test void missingRequiredHeaders() { // §3.3.1 insuf
        ParseResult.Failure f = parseFail(crlf("""
            INVITE sip:user@example.com SIP/2.0
            CSeq: 193942 INVITE
            Via: SIP/2.0/UDP 192.0.2.95;branch=z9hG4bKkdj.insuf
            Content-Type: application/sdp
            l: 0

            """));
        assertThat(f.status()).isEqualTo(400);
        assertThat(f.reason()).contains("missing");
        assertThat(f.canAnswer()).isTrue(); // "Ideally, it will respond with a 400 Bad Request error."
        SipResponse answer = SipResponses.reject(f, "t");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.topVia().branch()).isEqualTo("z9hG4bKkdj.insuf");
        assertThat(answer.header("CSeq")).isEqualTo("193942 INVITE");
        assertThat(answer.header("Call-ID")).isNull();
        assertThat(answer.header("From")).isNull();
    }

    @Test void longValuesBelowTheLimitsParse() { // §3.1.1.7 longreq, in spirit
        String longName = "extreme".repeat(100);
        StringBuilder m = new StringBuilder("INVITE sip:user@example.com SIP/2.0\n")
            .append("To: \"I have a user name of ").append(longName).append(" proportion\"<sip:user@example.com:6000;unknownparam1=")
            .append("very".repeat(100)).append(";longparamnamesthat").append("areverylong".repeat(20)).append(">\n")
            .append("From: sip:").append("a".repeat(300)).append("@example.com;tag=").append("12982".repeat(80)).append("\n")
            .append("Call-ID: longreq.").append("onereallyreallyreallyreallylongcallid".repeat(20)).append("\n")
            .append("CSeq: 3882340 INVITE\nMax-Forwards: 70\nContent-Length: 0\n");
        for (int i = 0; i < 40; i++) m.append("Via: SIP/2.0/TCP sip").append(i).append(".example.com;branch=z9hG4bK").append(i).append("\n");
        m.append("\n");
        SipRequest r = (SipRequest) parseOk(crlf(m.toString()));
        assertThat(r.vias()).hasSize(40);
        assertThat(r.to().uri().params().size()).isEqualTo(2);
        assertThat(r.from().uri().user()).hasSize(300);
    }
}
