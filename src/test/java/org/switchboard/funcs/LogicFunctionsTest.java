package org.switchboard.funcs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.switchboard.core.Channel;
import org.switchboard.core.DialplanFunction;
import org.switchboard.testing.TestPbx;

/** func_logic: ISNULL, EXISTS, SET, IF, IFTIME, IMPORT, called directly with substituted arguments. */
class LogicFunctionsTest {
    private final TestPbx pbx = new TestPbx();
    private final Channel chan = pbx.channel();

    @BeforeEach
    void forgetStartupLog() { pbx.log.clear(); }

    @AfterEach
    void close() { pbx.close(); }

    // ---- ISNULL / EXISTS ----

    @Test
    void isNullAndExistsLookOnlyAtEmptiness() {
        DialplanFunction isNull = new IsNullFunction();
        DialplanFunction exists = new ExistsFunction();
        assertThat(isNull.read(chan, "")).isEqualTo("1");
        assertThat(isNull.read(chan, null)).isEqualTo("1");
        assertThat(isNull.read(chan, "x")).isEqualTo("0");
        assertThat(isNull.read(chan, " ")).isEqualTo("0");
        assertThat(isNull.read(chan, "0")).isEqualTo("0");
        assertThat(exists.read(chan, "")).isEqualTo("0");
        assertThat(exists.read(chan, null)).isEqualTo("0");
        assertThat(exists.read(chan, "0")).isEqualTo("1");
        assertThat(exists.read(chan, " ")).isEqualTo("1");
    }

    // ---- IF ----

    @ParameterizedTest(name = "IF({0}) = [{1}]")
    @CsvSource(delimiter = '|', value = {
            "1?yes:no|yes",
            "0?yes:no|no",
            "abc?yes:no|yes",               // any text is true
            "00?yes:no|no",
            "0abc?yes:no|no",               // sscanf %d reads the leading 0
            "0.9?yes:no|no",
            "-1?yes:no|yes",
            "1?yes|yes",
            "0?yes|''",
            "1?:no|''",
            "0?:no|no",
            "1? yes : no |yes",             // blanks around branches are stripped
            "0? yes : no |no",
            "1?a:b:c|a",
            "0?a:b:c|b:c",                  // the rest after the first ':' is the false branch
            "1?f(a:b):c|f(a:b)",            // ':' inside parentheses does not split
            "1?[a:b]:c|[a:b]",
            "1?\"a:b\":c|a:b",              // quotes protect and are removed from the true branch
            "0?a:\"b\"|\"b\"",              // ...but the false branch is kept as written (AST_NONSTANDARD_APP_ARGS remainder)
            "1?a\\:b:c|a:b",                // a backslash makes ':' literal in the true branch
    })
    void ifChoosesABranch(String args, String expected) {
        assertThat(new IfFunction().read(chan, args)).isEqualTo(expected);
        assertThat(pbx.logLines("Syntax IF")).isEmpty();
    }

    @Test
    void ifExpressionIsStrippedBeforeItIsJudged() {
        IfFunction f = new IfFunction();
        assertThat(f.read(chan, " 1 ?yes:no")).isEqualTo("yes");
        assertThat(f.read(chan, " 0?yes:no")).isEqualTo("no");
        assertThat(f.read(chan, "\t0\t?yes:no")).isEqualTo("no");
    }

    @Test
    void ifWithoutExpressionOrBranchesWarnsAndIsEmpty() {
        IfFunction f = new IfFunction();
        assertThat(f.read(chan, "?a:b")).isEmpty();
        assertThat(f.read(chan, "1")).isEmpty();
        assertThat(f.read(chan, "1?")).isEmpty();
        assertThat(f.read(chan, "")).isEmpty();
        assertThat(f.read(chan, null)).isEmpty();
        assertThat(pbx.logLines("WARNING")).allMatch(l -> l.contains("func_logic.c"));
        assertThat(pbx.logLines("Syntax IF(<expr>?[<true>][:<false>])")).hasSize(5);
        assertThat(pbx.logLines("In this case, <expr>='1', <true>='(null)', and <false>='(null)'")).hasSize(2);
        assertThat(pbx.logLines("In this case, <expr>='', <true>='a', and <false>='b'")).hasSize(1);
    }

    // ---- SET ----

    @Test
    void setAssignsAndReturnsTheValue() {
        SetFunction set = new SetFunction();
        assertThat(set.read(chan, "FOO=bar")).isEqualTo("bar");
        assertThat(chan.getVar("FOO")).isEqualTo("bar");
        assertThat(set.read(chan, "  SPACED  =  x y  ")).isEqualTo("x y");
        assertThat(chan.getVar("SPACED")).isEqualTo("x y");
        assertThat(set.read(chan, "EMPTY=")).isEmpty();
        assertThat(chan.getVar("EMPTY")).isEmpty();
        assertThat(set.read(chan, "EQ=a=b")).isEqualTo("a=b");
        assertThat(chan.getVar("EQ")).isEqualTo("a=b");
        assertThat(set.read(chan, "__INHERIT=1")).isEqualTo("1");
        assertThat(chan.variables().snapshot()).containsEntry("__INHERIT", "1");
    }

    @Test
    void setCanWriteAFunction() {
        assertThat(new SetFunction().read(chan, "CALLERID(num)=5551234")).isEqualTo("5551234");
        assertThat(chan.callerId().number()).isEqualTo("5551234");
    }

    @Test
    void setWithoutNameOrEqualsWarns() {
        SetFunction set = new SetFunction();
        assertThat(set.read(chan, "FOO")).isEmpty();
        assertThat(set.read(chan, "=x")).isEmpty();
        assertThat(set.read(chan, "")).isEmpty();
        assertThat(set.read(chan, "  =x")).isEmpty();
        assertThat(chan.getVar("FOO")).isNull();
        assertThat(pbx.logLines("Syntax SET(<varname>=[<value>])")).hasSize(4);
    }

    // ---- IFTIME ----

    /** Friday 2024-03-15 10:30 UTC. */
    private static final Clock FRIDAY_MORNING = Clock.fixed(Instant.parse("2024-03-15T10:30:00Z"), ZoneId.of("UTC"));

    @ParameterizedTest(name = "IFTIME({0}) = [{1}]")
    @CsvSource(delimiter = ';', value = {
            "*,*,*,*?open:closed;open",
            "09:00-17:00,mon-fri,*,*?open:closed;open",
            "09:00-17:00,sat-sun,*,*?open:closed;closed",
            "18:00-08:00,*,*,*?night:day;day",
            "10:30,*,*,*?now:not;now",
            "10:31,*,*,*?now:not;not",
            "*,*,*,*?open;open",
            "*,*,*,dec?open;''",
            "*,*,*,*?:closed;''",
            "*,*,*,dec?:closed;closed",
            "09:00-17:00|mon-fri|*|*?open:closed;open",
            "09:00-17:00,mon-fri,*,*,Asia/Tokyo?open:closed;closed",     // 19:30 in Tokyo
            "\"*,*,*,*?open:closed\";open",                              // quotes around it all are removed
            "*,*,*,*?\"open\":\"closed\";open",                          // and around a branch
            "*,*,*,*? open :closed;open",
    })
    void ifTimeChoosesByTheClock(String args, String expected) {
        assertThat(new IfTimeFunction(FRIDAY_MORNING).read(chan, args)).isEqualTo(expected);
        assertThat(pbx.logLines("WARNING")).isEmpty();
    }

    @Test
    void ifTimeWithBadSyntaxOrSpecWarnsAndIsEmpty() {
        IfTimeFunction f = new IfTimeFunction(FRIDAY_MORNING);
        assertThat(f.read(chan, "*,*,*,*")).isEmpty();
        assertThat(f.read(chan, "?a:b")).isEmpty();
        assertThat(f.read(chan, "")).isEmpty();
        assertThat(pbx.logLines("Syntax IFTIME(<timespec>?[<true>][:<false>])")).hasSize(3);
        assertThat(f.read(chan, "25:00-26:00,*,*,*?a:b")).isEmpty();
        assertThat(f.read(chan, "*,funday,*,*?a:b")).isEmpty();
        assertThat(pbx.logLines("Invalid Time Spec")).hasSize(2);
        assertThat(pbx.logLines("Invalid day of week 'funday'")).hasSize(1);
    }

    @Test
    void ifTimeUsesTheSystemClockByDefault() {
        assertThat(new IfTimeFunction().read(chan, "*,*,*,*?yes:no")).isEqualTo("yes");
        assertThat(new IfTimeFunction().read(chan, "*,*,31,feb?yes:no")).isEqualTo("no");
    }

    // ---- IMPORT ----

    @Test
    void importReadsAnotherChannelsVariable() {
        Channel other = pbx.channel("SIP/alice");
        other.setVar("SECRET", "42");
        ImportFunction f = new ImportFunction();
        assertThat(f.read(chan, other.name() + ",SECRET")).isEqualTo("42");
        assertThat(f.read(chan, other.uniqueId() + ",SECRET")).isEqualTo("42");
        assertThat(f.read(chan, other.name() + ",CHANNEL")).isEqualTo(other.name());   // built-ins as that channel sees them
        assertThat(f.read(chan, other.name() + ",MISSING")).isEmpty();
        pbx.pbx.globals().put("G", "global");
        assertThat(f.read(chan, other.name() + ",G")).isEqualTo("global");
    }

    @Test
    void importOfNothingOrANoSuchChannelIsEmpty() {
        ImportFunction f = new ImportFunction();
        assertThat(f.read(chan, "")).isEmpty();
        assertThat(f.read(chan, chan.name())).isEmpty();
        assertThat(f.read(chan, chan.name() + ",")).isEmpty();
        assertThat(f.read(chan, "SIP/nobody-00000099,FOO")).isEmpty();
    }

    // ---- documentation ----

    @Test
    void everyFunctionCarriesItsDocsAndAsteriskModule() {
        for (DialplanFunction f : new DialplanFunction[] {new IsNullFunction(), new ExistsFunction(), new SetFunction(),
                new IfFunction(), new IfTimeFunction(), new ImportFunction()}) {
            assertThat(pbx.moduleOfFunction(f.name())).as(f.name()).isEqualTo("func_logic");
            assertThat(f.synopsis()).isNotBlank();
            assertThat(f.syntax()).startsWith(f.name() + "(");
            assertThat(f.description()).isNotBlank();
        }
    }

    @Test
    void allOfThemAreRegistered() {
        for (String name : new String[] {"ISNULL", "EXISTS", "SET", "IF", "IFTIME", "IMPORT", "VARIABLE_EXISTS",
                "GLOBAL", "GLOBAL_EXISTS", "SHARED", "MATH", "INC", "DEC", "RAND", "DIALPLAN_EXISTS", "VALID_EXTEN",
                "EVAL_EXTEN", "CALLERID", "CONNECTEDLINE", "CHANNEL", "EXCEPTION"}) {
            DialplanFunction f = pbx.pbx.modules().function(name);
            assertThat(f).as(name).isNotNull();
            assertThat(f.name()).isEqualTo(name);
            assertThat(f.getClass().getPackageName()).isEqualTo("org.switchboard.funcs");
        }
        assertThat(pbx.pbx.modules().function("if")).isInstanceOf(IfFunction.class);
    }
}
