package org.switchboard.funcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;
import org.switchboard.core.DialplanFunction;
import org.switchboard.testing.TestPbx;

/**
 * The func_strings / func_cut / func_sprintf functions beyond plain reads (which the
 * substitution conformance table covers): writes through Set, the variables SHIFT and POP
 * change, Asterisk's warnings for bad arguments, and that no argument makes one throw.
 */
class StringFunctionsTest {
    static final List<String> NAMES = List.of("FILTER", "LEN", "TOUPPER", "TOLOWER", "QUOTE", "CSV_QUOTE", "PASSTHRU",
            "EVAL", "KEYPADHASH", "TRIM", "LTRIM", "RTRIM", "FIELDQTY", "FIELDNUM", "LISTFILTER", "REPLACE", "STRREPLACE",
            "STRBETWEEN", "SHIFT", "POP", "PUSH", "UNSHIFT", "ARRAY", "HASH", "HASHKEYS", "REGEX", "CUT", "SORT",
            "STRFTIME", "STRPTIME", "SPRINTF");

    private TestPbx pbx;
    private Channel c;

    @BeforeEach
    void start() {
        pbx = new TestPbx();
        c = pbx.channel();
    }

    @AfterEach
    void stop() { pbx.close(); }

    private void set(String name, String value) { pbx.pbx.vars().set(c, name, value); }

    private String eval(String text) { return pbx.eval(c, text); }

    // ---- documentation and registration ----

    @Test
    void everyFunctionIsRegisteredWithItsModuleAndDocs() {
        for (String name : NAMES) {
            DialplanFunction f = pbx.pbx.modules().function(name);
            assertThat(f).as(name + " registered").isNotNull();
            assertThat(f.name()).isEqualTo(name);
            String expectedModule = switch (name) {
                case "CUT", "SORT" -> "func_cut";
                case "SPRINTF" -> "func_sprintf";
                default -> "func_strings";
            };
            assertThat(pbx.pbx.modules().moduleOf(f)).as(name).isEqualTo(expectedModule);
            assertThat(f.synopsis()).as(name).isNotBlank().doesNotContain("\n");
            assertThat(f.syntax()).as(name).startsWith(name + "(");
            assertThat(f.description()).as(name).hasSizeGreaterThan(40);
        }
    }

    @Test
    void onlyPushUnshiftArrayAndHashAreWritable() {
        for (String name : NAMES) {
            boolean want = List.of("PUSH", "UNSHIFT", "ARRAY", "HASH").contains(name);
            assertThat(pbx.pbx.modules().function(name).writable()).as(name).isEqualTo(want);
        }
    }

    // ---- writes ----

    @Test
    void pushAppendsAndStartsAnEmptyList() {
        set("PUSH(array)", "one");
        assertThat(c.getVar("array")).isEqualTo("one");
        set("PUSH(array)", "two,three");
        assertThat(c.getVar("array")).isEqualTo("one,two,three");
        set("PUSH(array,|)", "four");
        assertThat(c.getVar("array")).isEqualTo("one,two,three|four");
    }

    @Test
    void unshiftInsertsAtTheFront() {
        c.setVar("array", "three");
        set("UNSHIFT(array)", "one,two");
        assertThat(c.getVar("array")).isEqualTo("one,two,three");
        set("UNSHIFT(array,\\x2d)", "zero");
        assertThat(c.getVar("array")).isEqualTo("zero-one,two,three");
    }

    @Test
    void pushWithUnderscoresReadsThePlainNameAndMarksInheritance() {
        c.setVar("list", "a");
        set("PUSH(__list)", "b");
        assertThat(c.getVar("list")).isEqualTo("a,b");
        assertThat(c.variables().snapshot()).containsEntry("__list", "a,b");
    }

    @Test
    void shiftLoopWalksTheListLeftToRightAndEmptiesIt() {
        c.setVar("array", "one,two,three");
        List<String> seen = new ArrayList<>();
        for (int guard = 0; guard < 10; guard++) {
            String v = eval("${SHIFT(array)}");   // the docs' While($["${SET(var=${SHIFT(array)})}" != ""])
            if (v.isEmpty()) break;
            seen.add(v);
        }
        assertThat(seen).containsExactly("one", "two", "three");
        assertThat(c.getVar("array")).isEmpty();
    }

    @Test
    void popLoopWalksTheListRightToLeft() {
        c.setVar("array", "one,two,three");
        List<String> seen = new ArrayList<>();
        for (String v = eval("${POP(array)}"); !v.isEmpty(); v = eval("${POP(array)}")) seen.add(v);
        assertThat(seen).containsExactly("three", "two", "one");
    }

    @Test
    void arraySetsEachNameAndEmptiesTheOnesWithoutAValue() {
        set("ARRAY(a,b,c)", "1,2");
        assertThat(c.getVar("a")).isEqualTo("1");
        assertThat(c.getVar("b")).isEqualTo("2");
        assertThat(c.getVar("c")).isEmpty();   // set to "", not left unset
    }

    @Test
    void arrayWithAnEmptyValueEmptiesEveryName() {
        // examples/extensions.conf: Set(ARRAY(buddy,status)=${SKYPE_BUDDY_FETCH(${ID})}) after the last buddy
        c.setVar("buddy", "old");
        c.setVar("status", "Online");
        set("ARRAY(buddy,status)", "");
        assertThat(c.getVar("buddy")).isEmpty();
        assertThat(c.getVar("status")).isEmpty();
        set("ARRAY(buddy,status)", "vuc.me,Online");
        assertThat(eval("${buddy} is ${status}")).isEqualTo("vuc.me is Online");
    }

    @Test
    void arrayValuesFollowTheArgumentParser() {
        set("ARRAY(x,y)", "\"a,b\",c\\,d");
        assertThat(c.getVar("x")).isEqualTo("a,b");
        assertThat(c.getVar("y")).isEqualTo("c,d");
    }

    @Test
    void arrayMayNameFunctions() {
        set("ARRAY(PUSH(list),v)", "x,y");
        assertThat(c.getVar("list")).isEqualTo("x");
        assertThat(c.getVar("v")).isEqualTo("y");
    }

    @Test
    void arrayCannotBeRead() {
        assertThat(eval("[${ARRAY(a,b)}]")).isEqualTo("[]");
        assertThat(pbx.logLines("ERROR")).anyMatch(l -> l.contains("pbx_functions.c: Function ARRAY cannot be read"));
    }

    @Test
    void hashWritesAndReadsKeys() {
        set("HASH(cust,name)", "Bob");
        set("HASH(cust,city)", "Oslo");
        assertThat(eval("${HASH(cust,name)}/${HASH(cust,city)}")).isEqualTo("Bob/Oslo");
        assertThat(eval("${HASHKEYS(cust)}")).isEqualTo("city,name");
        assertThat(c.getVar("~HASH~cust~name~")).isEqualTo("Bob");
        set("HASH(_inh,k)", "v");
        assertThat(c.variables().snapshot()).containsEntry("_~HASH~inh~k~", "v");
    }

    @Test
    void hashWithOneArgumentUsesTheOdbcFieldList() {
        c.setVar("~ODBCFIELDS~", "id,name");
        set("HASH(row)", "7,Alice");
        assertThat(eval("${HASH(row,id)}-${HASH(row,name)}")).isEqualTo("7-Alice");
        assertThat(eval("${HASH(row)}")).isEqualTo("7,Alice");
        assertThat(c.getVar("~ODBCFIELDS~")).isEqualTo("id,name");
    }

    @Test
    void readOnlyFunctionsRefuseWrites() {
        set("LEN(x)", "1");
        assertThat(pbx.logLines("cannot be written to")).isNotEmpty();
    }

    @Test
    void shiftAndPopChangeOnlyTheNamedVariable() {
        c.setVar("a", "1,2");
        c.setVar("b", "3,4");
        assertThat(eval("${SHIFT(a)}${POP(b)}")).isEqualTo("14");
        assertThat(c.getVar("a")).isEqualTo("2");
        assertThat(c.getVar("b")).isEqualTo("3");
    }

    // ---- bad arguments: Asterisk's message, an empty result, no exception ----

    private void assertLogged(String text, String expected, String fragment) {
        pbx.log.clear();
        assertThat(eval(text)).as(text).isEqualTo(expected);
        assertThat(pbx.log).as("log after " + text).anyMatch(l -> l.contains(fragment));
    }

    @Test
    void badArgumentsGiveAsterisksMessages() {
        c.setVar("x", "a-b-c");
        assertLogged("${FILTER(0-9)}", "", "func_strings.c: Usage: FILTER(<allowed-chars>,<string>)");
        assertLogged("${FILTER(z-a,q)}", "", "Range wrapping in FILTER(z-a,q).  This may not be what you want.");
        assertLogged("${FILTER(\"a\"b,ab)}", "ab", "FILTER allowed characters includes the quote (\") character.");
        assertLogged("${FILTER(\\xZZ,abc)}", "", "app.c: Illegal character 'Z' in hexadecimal string");
        assertLogged("${CUT(x)}", "", "func_cut.c: Syntax: CUT(<varname>,<char-delim>,<range-spec>) - missing argument!");
        assertLogged("${CUT(x,-,zz)}", "", "Usage: CUT(<varname>,<char-delim>,<range-spec>)");
        assertLogged("${CUT(x,-,2&1)}", "b", "We're already past the field you wanted?");
        assertLogged("${SHIFT()}", "", "func_strings.c: SHIFT requires a variable name");
        assertLogged("${POP(,-)}", "", "POP requires a variable name");
        assertLogged("${EVAL()}", "", "EVAL requires an argument: EVAL(<string>)");
        assertLogged("${QUOTE()}", "\"\"", "No argument specified!");
        assertLogged("${REGEX(abc)}", "", "Unexpected arguments: should have been in the form '\"<regex>\" <string>'");
        assertLogged("${REGEX(\"[[:nope:]]\" x)}", "", "Malformed input REGEX(");
        assertLogged("${FIELDNUM(x,-)}", "", "Usage: FIELDNUM(<listname>,<delimiter>,<fieldvalue>)");
        assertLogged("${LISTFILTER(x,-)}", "", "Usage: LISTFILTER(<listname>,<delimiter>,<fieldvalue>)");
        assertLogged("${REPLACE(x)}", "", "Usage: REPLACE(<varname>,<search-chars>[,<replace-char>])");
        assertLogged("${REPLACE(x,,y)}", "", "The characters to search for and the variable name must not be empty.");
        assertLogged("${STRREPLACE(x)}", "", "Usage: STRREPLACE(<varname>,<find-string>[,<replace-string>,[<max-replacements>]])");
        assertLogged("${STRREPLACE(x,)}", "", "No <find-string> specified");
        assertLogged("${STRBETWEEN(x)}", "", "Usage: STRBETWEEN(<varname>,<insert-string>)");
        assertLogged("${STRPTIME(2006,UTC)}", "", "No format supplied to STRPTIME(<timestring>,<timezone>,<format>)");
        assertLogged("${STRPTIME(junk,UTC,%Y)}", "", "STRPTIME() found no time specified within the string");
        assertLogged("${SPRINTF(%d)}", "", "func_sprintf.c: SPRINTF() has more format specifiers than arguments!");
        assertLogged("${SPRINTF(%d,x)}", "", "Argument 'x' is not an integer number for format '%d'");
        assertLogged("${SPRINTF(%f,x)}", "", "Argument 'x' is not a floating point number for format '%f'");
        assertLogged("${SPRINTF(%y,1)}", "", "Format type not supported: '%y' with argument '1'");
        assertLogged("${PUSH(x)}", "", "Function PUSH cannot be read");
    }

    @Test
    void pushWithoutAVariableNameWarns() {
        set("PUSH()", "x");
        assertThat(pbx.logLines("PUSH requires a variable name")).hasSize(1);
        set("UNSHIFT(,-)", "x");
        assertThat(pbx.logLines("UNSHIFT requires a variable name")).hasSize(1);
    }

    @Test
    void noArgumentMakesAnyFunctionThrow() {
        List<String> nasty = new ArrayList<>(List.of("", ",", ",,,,", "\\", "\"", "\"\"", "((", "))", "[", "]", "%",
                "%%%", "-", "--", "&", "&&&", ":", "\\x", "\\0", "\\xZZ", "a-", "-1", "99999999999999999999",
                "2147483648", "-2147483649", "1&", "&1", "x,\\", "x,-,", "x,-,-", "x,-,1-", "\" x", "\"(\" x",
                "\"[\" x", "\"a{\" x", "%d,", "%s,%s,%s", "%.99999f,1", "%99999d,1", "1e999,UTC,%Y", "nan,UTC,%s",
                "x,%Y%m%d%H%M%S%j%p", ",UTC,%", "~", "_,_", "__", "x,y,z,w,v,u,t"));
        c.setVar("x", "a-b,c");
        for (String name : NAMES) {
            DialplanFunction f = pbx.pbx.modules().function(name);
            for (String args : nasty) {
                assertThatCode(() -> f.read(c, args)).as(name + "(" + args + ")").doesNotThrowAnyException();
                if (f.writable()) {
                    assertThatCode(() -> f.write(c, args, args)).as(name + "(" + args + ")=").doesNotThrowAnyException();
                    assertThatCode(() -> f.write(c, args, null)).as(name + "(" + args + ")=null").doesNotThrowAnyException();
                }
            }
            assertThatCode(() -> f.read(c, null)).as(name + " with null").doesNotThrowAnyException();
        }
    }

    @Test
    void functionsWorkWithoutAChannelWhereTheyCan() {
        for (Map.Entry<String, String> e : Map.of("LEN", "abc", "TOUPPER", "abc", "FILTER", "a,abc",
                "SPRINTF", "%d,3", "KEYPADHASH", "abc", "STRFTIME", "0,UTC,%Y").entrySet()) {
            DialplanFunction f = pbx.pbx.modules().function(e.getKey());
            assertThatCode(() -> f.read(null, e.getValue())).as(e.getKey()).doesNotThrowAnyException();
        }
        assertThat(pbx.pbx.modules().function("STRFTIME").read(null, "0,UTC,%Y")).isEqualTo("1970");
        assertThat(pbx.pbx.modules().function("SHIFT").read(null, "x")).isNull();
    }

    // ---- helpers shared by the functions ----

    @Test
    void encodedCharactersDecodeAsAstGetEncodedChar() {
        int[] used = new int[1];
        assertThat(FilterFunction.decodeChar("\\x41", 0, used)).isEqualTo('A');
        assertThat(used[0]).isEqualTo(4);
        assertThat(FilterFunction.decodeChar("\\x4g", 0, used)).isEqualTo(4);
        assertThat(used[0]).isEqualTo(3);
        assertThat(FilterFunction.decodeChar("\\0101", 0, used)).isEqualTo('A');
        assertThat(used[0]).isEqualTo(5);
        assertThat(FilterFunction.decodeChar("\\0", 0, used)).isZero();
        assertThat(FilterFunction.decodeChar("\\t", 0, used)).isEqualTo('\t');
        assertThat(FilterFunction.decodeChar("\\-", 0, used)).isEqualTo('-');
        assertThat(FilterFunction.decodeChar("", 0, used)).isEqualTo(-1);
        assertThat(FilterFunction.decodeChar("\\xq", 0, used)).isEqualTo(FilterFunction.BAD_HEX);
        assertThat(FilterFunction.decodeString("a\\tb\\x41\\,")).isEqualTo("a\tbA,");
        assertThat(FilterFunction.decodeString("ab\\xq")).isEqualTo("ab");
    }

    @Test
    void sprintfFormatsLikeGlibc() {
        assertThat(eval("${SPRINTF(%+08.2f|%-6x|%#o|% d,3.14159,255,8,42)}")).isEqualTo("+0003.14|ff    |010| 42");
        assertThat(eval("${SPRINTF(%.1e,0)}")).isEqualTo("0.0e+00");
        assertThat(eval("${SPRINTF(%f,inf)}")).isEqualTo("inf");
        assertThat(eval("${SPRINTF(%5.1F,-inf)}")).isEqualTo(" -INF");
        assertThat(eval("${SPRINTF(%g,100000)}")).isEqualTo("100000");
        assertThat(eval("${SPRINTF(%g,1e-5)}")).isEqualTo("1e-05");
        assertThat(eval("${SPRINTF(%.10g,0.1)}")).isEqualTo("0.1");
        assertThat(eval("${SPRINTF(%f,1e20)}")).isEqualTo("100000000000000000000.000000");
        assertThat(eval("${SPRINTF(%#.0f,1)}")).isEqualTo("1.");
        assertThat(eval("${SPRINTF(%.0f,0.5)}|${SPRINTF(%.0f,1.5)}")).isEqualTo("0|2");
    }

    @Test
    void strftimeFormatsFractionsAndZones() {
        assertThat(eval("${STRFTIME(1.5,UTC,%s.%q|%6q|%S)}")).isEqualTo("1.500|500000|01");
        assertThat(eval("${STRFTIME(0,Asia/Kolkata,%H:%M %z)}")).isEqualTo("05:30 +0530");
        assertThat(eval("${STRFTIME(0,No/Such_Zone,%H %Z)}")).isEqualTo("00 UTC");
    }
}
