package org.switchboard.funcs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.switchboard.core.Channel;
import org.switchboard.testing.TestPbx;

/** func_math (MATH, INC, DEC) and func_rand (RAND). */
class MathFunctionsTest {
    private final TestPbx pbx = new TestPbx();
    private final Channel chan = pbx.channel();

    @BeforeEach
    void forgetStartupLog() { pbx.log.clear(); }

    @AfterEach
    void close() { pbx.close(); }

    @ParameterizedTest(name = "MATH({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
            "3+4|7.000000",
            "123%16,int|11",
            "123%16,i|11",
            "10/4|2.500000",
            "10/4,i|2",
            "10/4,float|2.500000",
            "10/4,F|2.500000",
            "1.5*2|3.000000",
            "5.5-2,i|3",
            "2^10,i|1024",
            "2^0.5|1.414214",
            "1<<4,i|16",
            "256>>4,i|16",
            "12AND10,i|8",
            "12OR3,i|15",
            "12XOR10,i|6",
            "255+0,h|ff",
            "255+0,hex|ff",
            "-1+0,h|ffffffff",
            "65+0,c|A",
            "97+0,char|a",
            "0+0,c|''",
            "3>2|TRUE",
            "2>3|FALSE",
            "3>=3|TRUE",
            "2<=1|FALSE",
            "2<3|TRUE",
            "3==3|TRUE",
            "3==3.0|TRUE",
            "3==4|FALSE",
            "-3-2|-5.000000",             // a leading minus belongs to the first number
            "3--2|5.000000",              // subtraction is looked for last
            "3*-2|-6.000000",
            "-10/2|-5.000000",
            "10/0|0.000000",              // Asterisk gives 0 for a division by zero...
            "10/-2|0.000000",             // ...and for one by a negative number
            "10%0|0.000000",
            "-7%3,i|-1",
            "7.9%3,i|1",                  // remainder of the whole parts
            "' 3 + 4 '|7.000000",
            "1e3+1,i|1001",
            "2.5*2,int|5",
            "9/2,i|4",
            "-9/2,i|-4",                  // (int) truncates toward zero
            "1000000*1000000|1000000000000.000000",
    })
    void mathComputesLikeFuncMath(String args, String expected) {
        assertThat(new MathFunction().read(chan, args)).isEqualTo(expected);
        assertThat(pbx.logLines("WARNING")).isEmpty();
    }

    @ParameterizedTest(name = "MATH({0}) warns {1}")
    @CsvSource(delimiter = '|', value = {
            "''|Syntax: MATH(<number1><op><number 2>[,<type_of_result>]) - missing argument!",
            "5|Supply all the parameters - just this once, please",
            "3=3|Supply all the parameters - just this once, please",
            "abc+1|'abc' is not a valid number",
            "1+abc|'abc' is not a valid number",
            "1+|'' is not a valid number",
            "1+1,x|Unknown type of result requested 'x'.",
            "1+1,u|Unknown type of result requested 'u'.",
            "1+1, i|Unknown type of result requested ' i'.",
            "1+1,i,extra|Unknown type of result requested 'i,extra'.",
    })
    void mathWithBadArgumentsWarnsAndIsEmpty(String args, String warning) {
        assertThat(new MathFunction().read(chan, args)).isEmpty();
        assertThat(pbx.logLines(warning)).hasSize(1);
        assertThat(pbx.logLines("func_math.c")).isNotEmpty();
    }

    // ---- INC / DEC ----

    @Test
    void incAndDecChangeTheVariableAndReturnIt() {
        chan.setVar("COUNT", "5");
        assertThat(new IncFunction().read(chan, "COUNT")).isEqualTo("6");
        assertThat(chan.getVar("COUNT")).isEqualTo("6");
        assertThat(new DecFunction().read(chan, "COUNT")).isEqualTo("5");
        assertThat(new DecFunction().read(chan, "COUNT")).isEqualTo("4");
        assertThat(chan.getVar("COUNT")).isEqualTo("4");
        chan.setVar("NEG", "-1");
        assertThat(new IncFunction().read(chan, "NEG")).isEqualTo("0");
        chan.setVar("SPACED", " 12");
        assertThat(new IncFunction().read(chan, "SPACED")).isEqualTo("13");
    }

    @Test
    void incOfAGlobalStoresAChannelVariable() {
        pbx.pbx.globals().put("G", "10");
        assertThat(new IncFunction().read(chan, "G")).isEqualTo("11");
        assertThat(chan.getVar("G")).isEqualTo("11");
        assertThat(pbx.pbx.globals()).containsEntry("G", "10");
    }

    @Test
    void incOfSomethingThatIsNotANumberIsLeftAlone() {
        IncFunction inc = new IncFunction();
        assertThat(inc.read(chan, "MISSING")).isEmpty();
        assertThat(pbx.logLines("NOTICE")).anyMatch(l -> l.contains("Failed to obtain variable MISSING, bailing out"));
        chan.setVar("EMPTY", "");
        assertThat(inc.read(chan, "EMPTY")).isEmpty();
        assertThat(pbx.logLines("Variable EMPTY doesn't exist - are you sure you wrote it correctly?")).hasSize(1);
        for (String bad : new String[] {"abc", "1.5", "12 ", "7x"}) {
            chan.setVar("BAD", bad);
            assertThat(inc.read(chan, "BAD")).isEmpty();
            assertThat(chan.getVar("BAD")).isEqualTo(bad);
        }
        assertThat(pbx.logLines("The content of ${BAD} is not a numeric value - bailing out!")).hasSize(4);
        assertThat(inc.read(chan, "")).isEmpty();
        assertThat(new DecFunction().read(chan, "")).isEmpty();
        assertThat(pbx.logLines("Syntax: INC(<data>) - missing argument!")).hasSize(1);
        assertThat(pbx.logLines("Syntax: DEC(<data>) - missing argument!")).hasSize(1);
    }

    // ---- RAND ----

    @Test
    void randStaysInItsRangeAndCoversIt() {
        RandFunction rand = new RandFunction();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String v = rand.read(chan, "1,3");
            assertThat(v).isIn("1", "2", "3");
            seen.add(v);
        }
        assertThat(seen).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(rand.read(chan, "5,5")).isEqualTo("5");
        assertThat(rand.read(chan, "-2,-2")).isEqualTo("-2");
        for (int i = 0; i < 100; i++) assertThat(Integer.parseInt(rand.read(chan, "9,7"))).isBetween(7, 9);
    }

    @Test
    void randDefaultsAreZeroAndRandMax() {
        RandFunction rand = new RandFunction();
        for (int i = 0; i < 100; i++) {
            assertThat(Long.parseLong(rand.read(chan, ""))).isBetween(0L, (long) Integer.MAX_VALUE);
            assertThat(Long.parseLong(rand.read(chan, "2147483000"))).isBetween(2147483000L, (long) Integer.MAX_VALUE);
            assertThat(rand.read(chan, ",0")).isEqualTo("0");
            assertThat(rand.read(chan, "x,0")).isEqualTo("0");          // a min that is not a number is 0
            assertThat(rand.read(chan, "5abc,5")).isEqualTo("5");       // sscanf reads the leading number
        }
        assertThat(pbx.logLines("WARNING")).isEmpty();
    }

    @Test
    void modulesAreAsterisks() {
        assertThat(pbx.moduleOfFunction("MATH")).isEqualTo("func_math");
        assertThat(pbx.moduleOfFunction("INC")).isEqualTo("func_math");
        assertThat(pbx.moduleOfFunction("DEC")).isEqualTo("func_math");
        assertThat(pbx.moduleOfFunction("RAND")).isEqualTo("func_rand");
    }
}
