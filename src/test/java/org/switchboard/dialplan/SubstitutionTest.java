package org.switchboard.dialplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.switchboard.core.Channel;
import org.switchboard.testing.TestPbx;

/**
 * The substitution engine on its own (a map of variables, a few functions) and on a real PBX:
 * the warnings Asterisk gives for unbalanced text, the limits against runaway recursion, and a
 * long random fuzz that must never throw.
 */
class SubstitutionTest {

    /** A context with plain variables, functions as lambdas, and the warnings it was given. */
    static final class Ctx implements SubstitutionContext {
        final Map<String, String> vars = new HashMap<>();
        final Map<String, BiFunction<Ctx, String, String>> functions = new HashMap<>();
        final List<String> warnings = new ArrayList<>();
        final List<String> calls = new ArrayList<>();

        Ctx var(String name, String value) {
            vars.put(name, value);
            return this;
        }

        @Override
        public String variable(String name) { return vars.get(name); }

        @Override
        public String function(String name, String args) {
            calls.add(name + "(" + args + ")");
            BiFunction<Ctx, String, String> f = functions.get(name);
            if (f == null) {
                warnings.add("Function " + name + " not registered");
                return null;
            }
            return f.apply(this, args);
        }

        @Override
        public void warning(String source, String message) { warnings.add(source + ": " + message); }
    }

    private static String sub(String text, Ctx ctx) { return Substitution.substitute(text, ctx); }

    @Test
    void textWithoutDollarIsReturnedAsTheSameObject() {
        String text = "SIP/alice&SIP/bob,30,tT";
        assertThat(Substitution.substitute(text, new Ctx())).isSameAs(text);
        assertThat(Substitution.substitute("", new Ctx())).isEmpty();
        assertThat(Substitution.substitute(null, new Ctx())).isEmpty();
    }

    @Test
    void dollarsThatStartNothingAreCopied() {
        Ctx ctx = new Ctx().var("A", "1");
        assertThat(sub("$", ctx)).isEqualTo("$");
        assertThat(sub("5$ and $$ and $(x)", ctx)).isEqualTo("5$ and $$ and $(x)");
        assertThat(sub("$${A}$", ctx)).isEqualTo("$1$");
        assertThat(ctx.warnings).isEmpty();
    }

    @Test
    void backslashesAreNotEscapes() {
        Ctx ctx = new Ctx().var("A", "1");
        assertThat(sub("\\${A}\\\\${A}\\", ctx)).isEqualTo("\\1\\\\1\\");
    }

    @Test
    void missingCloseBraceTakesTheRestAndWarns() {
        Ctx ctx = new Ctx().var("A", "hello");
        assertThat(sub("x${A:1", ctx)).isEqualTo("xello");
        assertThat(ctx.warnings).containsExactly("pbx_variables.c: Error in extension logic (missing '}')");
    }

    @Test
    void missingCloseBracketTakesTheRestAndWarns() {
        Ctx ctx = new Ctx();
        sub("a$[1 + 1", ctx);
        assertThat(ctx.warnings).contains("pbx_variables.c: Error in extension logic (missing ']')");
    }

    @Test
    void functionWithoutClosingParenthesisWarnsAndPassesTheRest() {
        Ctx ctx = new Ctx();
        ctx.functions.put("LEN", (c, a) -> Integer.toString(a.length()));
        assertThat(sub("${LEN(abcd}", ctx)).isEqualTo("4");
        assertThat(ctx.calls).containsExactly("LEN(abcd)");
        assertThat(ctx.warnings).containsExactly("pbx_functions.c: Can't find trailing parenthesis for function 'LEN(abcd'?");
    }

    @Test
    void functionArgumentsRunFromTheFirstOpenToTheLastClose() {
        Ctx ctx = new Ctx().var("X", "b");
        ctx.functions.put("F", (c, a) -> "[" + a + "]");
        assertThat(sub("${F(a(${X})c)d:1:3}", ctx)).isEqualTo("a(b");
        assertThat(ctx.calls).containsExactly("F(a(b)c)");
    }

    @Test
    void unknownFunctionGivesNothing() {
        Ctx ctx = new Ctx();
        assertThat(sub("<${NOPE(1)}>", ctx)).isEqualTo("<>");
        assertThat(ctx.warnings).containsExactly("Function NOPE not registered");
    }

    @Test
    void nestedNamesAreSubstitutedBeforeLookup() {
        Ctx ctx = new Ctx().var("N", "2").var("VAR_2", "two").var("O", "1");
        assertThat(sub("${VAR_${N}:${O}}", ctx)).isEqualTo("wo");
    }

    @Test
    void deepStructuralNestingStopsAtTheLimitWithoutOverflow() {
        int n = 20_000;
        String text = "${".repeat(n) + "A" + "}".repeat(n);
        Ctx ctx = new Ctx().var("A", "x");
        assertThat(sub(text, ctx)).isEmpty();
        assertThat(ctx.warnings).anyMatch(w -> w.contains("nested more than " + Substitution.MAX_DEPTH));
        // and the limit is per call: the next substitution on this thread works again
        Ctx again = new Ctx().var("A", "x");
        assertThat(sub("${A}", again)).isEqualTo("x");
        assertThat(again.warnings).isEmpty();
    }

    @Test
    void nestingJustBelowTheLimitStillWorks() {
        // each ${ level below the top adds one level; the top call is one itself
        int levels = Substitution.MAX_DEPTH - 1;
        Ctx ctx = new Ctx().var("A", "A");
        String text = "${".repeat(levels) + "A" + "}".repeat(levels);
        assertThat(sub(text, ctx)).isEqualTo("A");
        assertThat(ctx.warnings).isEmpty();
    }

    @Test
    void deepExpressionNestingStopsWithoutOverflow() {
        int n = 20_000;
        Ctx ctx = new Ctx();
        String text = "$[".repeat(n) + "1" + "]".repeat(n);
        sub(text, ctx);
        assertThat(ctx.warnings).anyMatch(w -> w.contains("nested more than"));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void selfReferencingEvalIsCutOffWithAWarning() {
        try (TestPbx pbx = new TestPbx()) {
            Channel c = pbx.channel();
            c.setVar("X", "${EVAL(${X})}");
            assertThat(pbx.eval(c, "a${EVAL(${X})}b")).isEqualTo("ab");
            assertThat(pbx.logLines("nested more than")).hasSize(1);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void branchingSelfReferenceIsCutOffByTheLookupBudget() {
        try (TestPbx pbx = new TestPbx()) {
            Channel c = pbx.channel();
            c.setVar("X", "${EVAL(${X})}${EVAL(${X})}${EVAL(${X})}");
            String out = pbx.eval(c, "${EVAL(${X})}");
            assertThat(out).isEmpty();
            assertThat(pbx.logLines("lookups")).hasSize(1);
            // the channel keeps working afterwards
            c.setVar("Y", "fine");
            assertThat(pbx.eval(c, "${Y}")).isEqualTo("fine");
        }
    }

    @Test
    void warningsReachTheLogOfARealPbx() {
        try (TestPbx pbx = new TestPbx()) {
            Channel c = pbx.channel();
            c.setVar("A", "1");
            assertThat(pbx.eval(c, "${A")).isEqualTo("1");
            assertThat(pbx.logLines("WARNING")).anyMatch(l -> l.contains("pbx_variables.c: Error in extension logic (missing '}')"));
        }
    }

    @Test
    void expressionWarningsAreLoggedAsAstExpr2() {
        try (TestPbx pbx = new TestPbx()) {
            pbx.eval("$[1 +]");
            pbx.eval("$[1 / 0]");
            assertThat(pbx.logLines("ast_expr2.fl")).isNotEmpty();
        }
    }

    /** Fragments that make interesting dialplan text when glued together at random. */
    private static final String[] PIECES = {
        "${", "}", "$[", "]", "$", "{", "[", "(", ")", ":", ":-", "-", "1", "2", "0", ",", "\\", "\"", " ",
        "A", "B", "X", "VAR_", "&", "%", "d", "s", "x", "|", "=", "+", "*", "/", "~", "\t",
        "LEN(", "FILTER(", "CUT(", "SHIFT(", "POP(", "EVAL(", "REGEX(", "SPRINTF(", "STRFTIME(", "STRPTIME(",
        "FIELDQTY(", "FIELDNUM(", "LISTFILTER(", "REPLACE(", "STRREPLACE(", "QUOTE(", "TOUPPER(", "HASH(",
        "STRBETWEEN(", "KEYPADHASH(", "SORT(", "TRIM(", "ARRAY(", "PASSTHRU(", "\\x4", "\\0", "a-z", "%Y", "%d",
    };

    private static String randomText(Random rnd, int maxPieces) {
        StringBuilder b = new StringBuilder();
        int n = rnd.nextInt(maxPieces + 1);
        for (int i = 0; i < n; i++) b.append(PIECES[rnd.nextInt(PIECES.length)]);
        return b.toString();
    }

    @Test
    void engineFuzzNeverThrows() {
        Random rnd = new Random(20240611L);
        Ctx ctx = new Ctx().var("A", "${B}").var("B", "$[1+").var("X", "a,b,c").var("VAR_1", "}");
        ctx.functions.put("LEN", (c, a) -> Integer.toString(a.length()));
        ctx.functions.put("EVAL", (c, a) -> Substitution.substitute(a, c));
        for (int i = 0; i < 200_000; i++) {
            String text = randomText(rnd, 24);
            String out = Substitution.substitute(text, ctx);
            assertThat(out).as(text).isNotNull();
            ctx.warnings.clear();
            ctx.calls.clear();
        }
    }

    @Test
    void pbxFuzzThroughEveryStringFunctionNeverThrows() {
        Random rnd = new Random(7L);
        try (TestPbx pbx = new TestPbx()) {
            for (int i = 0; i < 20_000; i++) {
                Channel c = pbx.channel();
                c.setVar("A", randomText(rnd, 4));
                c.setVar("B", "one,two,three");
                c.setVar("X", "a-b-c");
                String text = randomText(rnd, 16);
                assertThat(pbx.eval(c, text)).as(text).isNotNull();
                c.hangup();
                if (pbx.log.size() > 10_000) pbx.log.clear();
            }
        }
    }
}
