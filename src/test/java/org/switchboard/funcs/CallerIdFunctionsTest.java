package org.switchboard.funcs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.switchboard.core.Channel;
import org.switchboard.testing.TestPbx;

/** func_callerid: CALLERID and CONNECTEDLINE, read and written. */
class CallerIdFunctionsTest {
    private final TestPbx pbx = new TestPbx();
    private final Channel chan = pbx.channel();
    private final CallerIdFunction cid = new CallerIdFunction();
    private final ConnectedLineFunction cl = new ConnectedLineFunction();

    @BeforeEach
    void forgetStartupLog() { pbx.log.clear(); }

    @AfterEach
    void close() { pbx.close(); }

    @Test
    void freshChannelHasNoCallerId() {
        assertThat(cid.read(chan, "all")).isEqualTo("\"\" <>");
        assertThat(cid.read(chan, "name")).isEmpty();
        assertThat(cid.read(chan, "num")).isEmpty();
        assertThat(cid.read(chan, "name-valid")).isEqualTo("0");
        assertThat(cid.read(chan, "num-valid")).isEqualTo("0");
        assertThat(cid.read(chan, "pres")).isEqualTo("unavailable");
        assertThat(cid.read(chan, "num-pres")).isEqualTo("allowed_not_screened");
        assertThat(cid.read(chan, "name-charset")).isEqualTo("iso8859-1");
        assertThat(cid.read(chan, "ton")).isEqualTo("0");
        assertThat(cid.read(chan, "ani2")).isEqualTo("0");
        assertThat(pbx.logLines("ERROR")).isEmpty();
    }

    @Test
    void writesNameAndNumberAndReadsThemBack() {
        cid.write(chan, "name", "  Alice Smith  ");
        cid.write(chan, "num", "5551234 ");
        assertThat(chan.callerId().name()).isEqualTo("Alice Smith");
        assertThat(chan.callerId().number()).isEqualTo("5551234");
        assertThat(cid.read(chan, "name")).isEqualTo("Alice Smith");
        assertThat(cid.read(chan, "NUM")).isEqualTo("5551234");
        assertThat(cid.read(chan, "number")).isEqualTo("5551234");
        assertThat(cid.read(chan, "all")).isEqualTo("\"Alice Smith\" <5551234>");
        assertThat(cid.read(chan, "name-valid")).isEqualTo("1");
        assertThat(cid.read(chan, "pres")).isEqualTo("allowed_not_screened");
    }

    @ParameterizedTest(name = "CALLERID(all)={0}")
    @CsvSource(delimiter = '|', value = {
            "\"Bob Jones\" <2125551212>|Bob Jones|2125551212",
            "Bob Jones <2125551212>|Bob Jones|2125551212",
            "<2125551212>|''|2125551212",
            "2125551212|''|2125551212",
            "(212) 555-1212|''|2125551212",      // phone punctuation goes
            "+1 212.555.1212|''|+12125551212",
            "Bob Jones|Bob Jones|''",
            "\"Bob\"|Bob|''",
            "\"Bob <x>\" <123>|Bob <x>|123",
            "Bob <212-555-1212>|Bob|2125551212",
    })
    void allIsParsedAsAsteriskDoes(String value, String name, String number) {
        cid.write(chan, "all", value);
        assertThat(chan.callerId().name()).isEqualTo(name);
        assertThat(chan.callerId().number()).isEqualTo(number);
    }

    @Test
    void aSecondArgumentIsParsedInsteadOfTheChannel() {
        cid.write(chan, "all", "Channel <1>");
        assertThat(cid.read(chan, "name,\"Bob\" <123>")).isEqualTo("Bob");
        assertThat(cid.read(chan, "num,\"Bob\" <123>")).isEqualTo("123");
        assertThat(cid.read(chan, "all,Bob <123>")).isEqualTo("\"Bob\" <123>");
        assertThat(cid.read(chan, "name,")).isEmpty();
        assertThat(cid.read(chan, "tag,Bob <123>")).isEmpty();
        assertThat(pbx.logLines("Unknown callerid data type 'tag,Bob <123>'.")).hasSize(1);
        assertThat(cid.read(chan, "name")).isEqualTo("Channel");
    }

    @Test
    void presentationAndPlan() {
        cid.write(chan, "num", "100");
        cid.write(chan, "pres", "prohib");
        assertThat(cid.read(chan, "pres")).isEqualTo("prohib");
        assertThat(cid.read(chan, "name-pres")).isEqualTo("prohib");
        assertThat(cid.read(chan, "num-presentation")).isEqualTo("prohib");
        assertThat(chan.callerId().pres()).isEqualTo(0x23);
        cid.write(chan, "num-pres", "ALLOWED_PASSED_SCREEN");
        assertThat(cid.read(chan, "pres")).isEqualTo("allowed_passed_screen");
        cid.write(chan, "name-pres", "67");
        assertThat(cid.read(chan, "pres")).isEqualTo("unavailable");
        cid.write(chan, "pres", "99");
        assertThat(cid.read(chan, "pres")).isEqualTo("unknown");
        cid.write(chan, "num-plan", "33");
        assertThat(cid.read(chan, "num-plan")).isEqualTo("33");
        assertThat(cid.read(chan, "ton")).isEqualTo("33");
        cid.write(chan, "ton", "17");
        assertThat(chan.callerId().ton()).isEqualTo(17);
    }

    @Test
    void badPresentationPlanOrCharsetLeaveTheValueAndLogAsteriskErrors() {
        cid.write(chan, "num", "100");
        cid.write(chan, "pres", "allowed");
        cid.write(chan, "pres", "hidden");
        assertThat(cid.read(chan, "pres")).isEqualTo("allowed");
        cid.write(chan, "num-pres", "hidden");
        cid.write(chan, "name-pres", "hidden");
        assertThat(pbx.logLines("Unknown combined presentation 'hidden', value unchanged")).hasSize(1);
        assertThat(pbx.logLines("Unknown number presentation 'hidden', value unchanged")).hasSize(1);
        assertThat(pbx.logLines("Unknown name presentation 'hidden', value unchanged")).hasSize(1);
        cid.write(chan, "num-plan", "isdn");
        assertThat(pbx.logLines("Unknown type-of-number/numbering-plan 'isdn', value unchanged")).hasSize(1);
        assertThat(cid.read(chan, "ton")).isEqualTo("0");
        cid.write(chan, "name-charset", "klingon");
        assertThat(pbx.logLines("Unknown name char-set 'klingon', value unchanged")).hasSize(1);
        cid.write(chan, "name-charset", "utf8");
        assertThat(cid.read(chan, "name-charset")).isEqualTo("utf8");
        cid.write(chan, "name-charset", "2");
        assertThat(cid.read(chan, "name-charset")).isEqualTo("withdrawn");
    }

    @Test
    void tagSubaddressAndValidity() {
        cid.write(chan, "tag", "sales ");
        assertThat(cid.read(chan, "tag")).isEqualTo("sales");
        cid.write(chan, "subaddr", "4455");
        cid.write(chan, "subaddr-valid", "1");
        cid.write(chan, "subaddr-type", "1");
        cid.write(chan, "subaddr-odd", "1");
        assertThat(cid.read(chan, "subaddr")).isEqualTo("4455");
        assertThat(cid.read(chan, "subaddress-valid")).isEqualTo("1");
        assertThat(cid.read(chan, "subaddr-type")).isEqualTo("2");
        assertThat(cid.read(chan, "subaddr-odd")).isEqualTo("1");
        cid.write(chan, "name", "Carol");
        cid.write(chan, "name-valid", "0");
        assertThat(cid.read(chan, "name")).isEmpty();
        assertThat(cid.read(chan, "name-valid")).isEqualTo("0");
    }

    @Test
    void aniDnidRdnisAndThePrivateParty() {
        cid.write(chan, "ANI", "5550000");
        assertThat(chan.callerId().ani()).isEqualTo("5550000");
        assertThat(cid.read(chan, "ani")).isEqualTo("5550000");
        assertThat(cid.read(chan, "ani-num")).isEqualTo("5550000");
        cid.write(chan, "ani-name", "Front desk");
        assertThat(cid.read(chan, "ani-all")).isEqualTo("\"Front desk\" <5550000>");
        cid.write(chan, "ani2", "61");
        assertThat(cid.read(chan, "ani2")).isEqualTo("61");
        cid.write(chan, "ani2", "x");
        assertThat(pbx.logLines("Unknown callerid ani2 'x', value unchanged")).hasSize(1);

        cid.write(chan, "DNID", "8005551212");
        assertThat(chan.callerId().dnid()).isEqualTo("8005551212");
        assertThat(cid.read(chan, "dnid")).isEqualTo("8005551212");
        assertThat(cid.read(chan, "dnid-num")).isEqualTo("8005551212");
        cid.write(chan, "dnid-num-plan", "4");
        assertThat(cid.read(chan, "dnid-num-plan")).isEqualTo("4");
        cid.write(chan, "dnid-subaddr", "77");
        assertThat(cid.read(chan, "dnid-subaddr")).isEqualTo("77");

        cid.write(chan, "RDNIS", "3035550000");
        assertThat(chan.callerId().rdnis()).isEqualTo("3035550000");
        assertThat(cid.read(chan, "rdnis")).isEqualTo("3035550000");

        cid.write(chan, "priv-name", "Private Name");
        cid.write(chan, "priv-num", "999");
        assertThat(cid.read(chan, "priv-all")).isEqualTo("\"Private Name\" <999>");
        assertThat(cid.read(chan, "name")).isEmpty();
        assertThat(pbx.logLines("ERROR")).hasSize(1);
    }

    @Test
    void unknownDataTypesAreLoggedAndEmpty() {
        for (String bad : new String[] {"colour", "name-colour", "num-plan-x", "dnid-foo", "priv", "all-x", "",
                "a-b-c-d-e-f-g-h-i-j"}) {
            assertThat(cid.read(chan, bad)).as(bad).isEmpty();
        }
        assertThat(pbx.logLines("Unknown callerid data type")).hasSize(8);
        cid.write(chan, "colour", "red");
        assertThat(pbx.logLines("Unknown callerid data type 'colour'.")).hasSize(2);
        assertThat(pbx.logLines("func_callerid.c")).hasSize(9);
    }

    // ---- CONNECTEDLINE ----

    @Test
    void connectedLineIsItsOwnParty() {
        cl.write(chan, "name", "Reception");
        cl.write(chan, "num,i", "200");
        assertThat(chan.connectedLine().name()).isEqualTo("Reception");
        assertThat(chan.connectedLine().number()).isEqualTo("200");
        assertThat(cl.read(chan, "all")).isEqualTo("\"Reception\" <200>");
        assertThat(cl.read(chan, "num")).isEqualTo("200");
        assertThat(cid.read(chan, "num")).isEmpty();
        cl.write(chan, "all", "\"Sales\" <300>");
        assertThat(cl.read(chan, "name")).isEqualTo("Sales");
        cl.write(chan, "pres", "prohib");
        assertThat(cl.read(chan, "pres")).isEqualTo("prohib");
        cl.write(chan, "priv-num", "301");
        assertThat(cl.read(chan, "priv-num")).isEqualTo("301");
        assertThat(cl.read(chan, "num")).isEqualTo("300");
        assertThat(pbx.logLines("ERROR")).isEmpty();
    }

    @Test
    void connectedLineUnknownFieldsAreLogged() {
        assertThat(cl.read(chan, "rdnis")).isEmpty();
        assertThat(cl.read(chan, "")).isEmpty();
        cl.write(chan, "ani", "1");
        assertThat(pbx.logLines("Unknown connectedline data type")).hasSize(3);
    }

    @Test
    void modulesAreAsterisks() {
        assertThat(pbx.moduleOfFunction("CALLERID")).isEqualTo("func_callerid");
        assertThat(pbx.moduleOfFunction("CONNECTEDLINE")).isEqualTo("func_callerid");
        assertThat(cid.writable()).isTrue();
        assertThat(cl.writable()).isTrue();
    }
}
