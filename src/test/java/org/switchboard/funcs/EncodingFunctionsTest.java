package org.switchboard.funcs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;
import org.switchboard.core.DialplanFunction;
import org.switchboard.testing.TestPbx;

/**
 * MD5, SHA1 (func_md5.c, func_sha1.c), BASE64_ENCODE/DECODE (func_base64.c) and
 * URIENCODE/URIDECODE (func_uri.c): the warnings Asterisk gives for bad input, what a dialplan
 * reads back, and round trips of arbitrary text.
 */
class EncodingFunctionsTest {
    static final List<String> NAMES = List.of("MD5", "SHA1", "BASE64_ENCODE", "BASE64_DECODE", "URIENCODE", "URIDECODE");

    private TestPbx pbx;
    private Channel c;

    @BeforeEach
    void start() {
        pbx = new TestPbx();
        c = pbx.channel();
        pbx.log.clear();
    }

    @AfterEach
    void stop() { pbx.close(); }

    private String eval(String text) { return pbx.eval(c, text); }

    @Test
    void registeredUnderAsteriskModuleNames() {
        for (String name : NAMES) {
            DialplanFunction f = pbx.pbx.modules().function(name);
            assertThat(f).as(name).isNotNull();
            assertThat(pbx.pbx.modules().moduleOf(f)).as(name).isEqualTo(switch (name) {
                case "MD5" -> "func_md5";
                case "SHA1" -> "func_sha1";
                case "BASE64_ENCODE", "BASE64_DECODE" -> "func_base64";
                default -> "func_uri";
            });
        }
        assertThat(pbx.pbx.modules().state("func_base64.so").status().text()).isEqualTo("Running");
    }

    @Test
    void emptyDigestAndBase64InputIsAWarningNamingTheFunction() {
        for (String name : List.of("MD5", "SHA1", "BASE64_ENCODE", "BASE64_DECODE")) {
            pbx.log.clear();
            assertThat(eval("[${" + name + "()}]")).as(name).isEqualTo("[]");
            String source = switch (name) {
                case "MD5" -> "func_md5.c";
                case "SHA1" -> "func_sha1.c";
                default -> "func_base64.c";
            };
            assertThat(pbx.said("Syntax: " + name + "(<data>) - missing argument!")).as(name)
                    .singleElement().satisfies(l -> assertThat(l).contains("WARNING", source));
        }
    }

    @Test
    void emptyUriInputIsQuietlyEmpty() {
        assertThat(eval("[${URIENCODE()}][${URIDECODE()}]")).isEqualTo("[][]");
        assertThat(pbx.logLines("WARNING")).isEmpty();
    }

    @Test
    void base64GarbageDecodesAsAsteriskDoesAndIsWarned() {
        assertThat(eval("${BASE64_DECODE(QUI.)}")).isEqualTo("AB?");
        assertThat(eval("${BASE64_DECODE(QUI/)}")).isEqualTo("AB?");
        assertThat(pbx.said("WARNING")).singleElement()
                .satisfies(l -> assertThat(l).contains("func_base64.c", "'QUI.' is not base64", "0x2e"));
        // a line break, as in MIME bodies, is outside the alphabet too
        pbx.log.clear();
        assertThat(eval("${BASE64_DECODE(SGVs\nbG8=)}")).isNotEqualTo("Hello");
        assertThat(pbx.said("is not base64")).hasSize(1);
        // valid input is not warned
        pbx.log.clear();
        assertThat(eval("${BASE64_DECODE(SGVsbG8=)}")).isEqualTo("Hello");
        assertThat(pbx.logLines("WARNING")).isEmpty();
    }

    @Test
    void base64AndUriRoundTripArbitraryText() {
        Random r = new Random(14);
        BaseFunction enc = new Base64EncodeFunction(), dec = new Base64DecodeFunction();
        BaseFunction uenc = new UriEncodeFunction(), udec = new UriDecodeFunction();
        for (int i = 0; i < 2000; i++) {
            StringBuilder s = new StringBuilder();
            int n = 1 + r.nextInt(40);
            for (int k = 0; k < n; k++) {
                int cp = switch (r.nextInt(4)) {
                    case 0 -> 1 + r.nextInt(127);               // ASCII, no NUL
                    case 1 -> 0xA0 + r.nextInt(0x700);          // Latin, Greek, Cyrillic
                    case 2 -> 0x4E00 + r.nextInt(0x500);        // CJK
                    default -> 0x1F600 + r.nextInt(0x40);       // outside the BMP
                };
                s.appendCodePoint(cp);
            }
            String text = s.toString();
            assertThat(dec.read(c, enc.read(c, text))).isEqualTo(text);
            String uri = uenc.read(c, text);
            assertThat(uri).matches("[A-Za-z0-9%_.!~*'()-]*");
            assertThat(udec.read(c, uri)).isEqualTo(text);
        }
        assertThat(pbx.logLines("WARNING")).isEmpty();
    }

    @Test
    void oddInputNeverThrows() {
        String[] inputs = {"", ",", "%", "%%", "%-1", "% 4", "=", "====", "\u0000", "\uFFFF", "\uD800", "a,b,c", "\"q\"",
                "(", ")", "\\", "%C3", "%C3%", "%zz%41"};
        for (String name : NAMES) {
            DialplanFunction f = pbx.pbx.modules().function(name);
            for (String in : inputs) assertThat(f.read(c, in)).as(name + "(" + in + ")").isNotNull();
        }
    }
}
