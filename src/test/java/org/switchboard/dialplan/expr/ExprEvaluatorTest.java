package org.switchboard.dialplan.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The public API: dialplan function calls, unknown functions, warnings, robustness. */
class ExprEvaluatorTest {

    @Test
    void dialplanFunctionIsCalledWithItsArguments() {
        List<String> calls = new ArrayList<>();
        ExprFunctionCaller f = (name, args) -> {
            calls.add(name + "(" + args + ")");
            return "3";
        };
        ExprResult r = ExpressionEvaluator.evaluate("LEN(abc) + 1", f);
        assertThat(r.value()).isEqualTo("4");
        assertThat(r.warnings()).isEmpty();
        assertThat(calls).containsExactly("LEN(abc)");
    }

    @Test
    void argumentsAreEvaluatedAndJoinedLikeComposeFuncArgs() {
        AtomicInteger n = new AtomicInteger();
        List<String> seen = new ArrayList<>();
        ExprFunctionCaller f = (name, args) -> {
            n.incrementAndGet();
            seen.add(args);
            return "ok";
        };
        ExprResult r = ExpressionEvaluator.evaluate("FOO_1(1+1, \"x y\", 1/3, abc,)", f);
        assertThat(r.value()).isEqualTo("ok");
        assertThat(seen).containsExactly("2,\"x y\",0.333333333333333333,abc,");
        assertThat(n).hasValue(1);
    }

    @Test
    void functionResultsThatLookNumericBecomeNumbers() {
        assertThat(eval("F(x) + 1", "41")).isEqualTo("42");
        assertThat(eval("F(x)", "007")).isEqualTo("7"); // is_really_num -> strtold
        assertThat(eval("F(x)", "")).isEqualTo("0");
        assertThat(eval("F(x)", " 5")).isEqualTo("5");
        assertThat(eval("F(x)", "1-2")).isEqualTo("1");
        assertThat(eval("F(x)", "-2.5")).isEqualTo("-2.5");
        assertThat(eval("F(x)", "abc")).isEqualTo("abc");
        assertThat(eval("F(x) = abc", "abc")).isEqualTo("1");
        assertThat(eval("F(x) =~ \"(b.)\"", "abcd")).isEqualTo("bc");
        assertThat(eval("F(x) : \"(b.)\"", "abcd")).isEmpty(); // ":" is anchored at the start
    }

    @Test
    void longFunctionResultsAreCutToTheWorkspace() {
        String big = "x".repeat(2000);
        assertThat(eval("F(1)", big)).hasSize(511);
    }

    private static String eval(String expr, String functionResult) {
        return ExpressionEvaluator.evaluate(expr, (name, args) -> functionResult).value();
    }

    @Test
    void unknownFunctionGivesZeroAndAsteriskErrors() {
        ExprResult r = ExpressionEvaluator.evaluate("NOSUCH(1) + 2", (name, args) -> null);
        assertThat(r.value()).isEqualTo("2");
        assertThat(r.warnings()).containsExactly(
                "Hey! could not find func NOSUCH.",
                "Error! 'NOSUCH' doesn't appear to be an available function!");
    }

    @Test
    void withoutACallerEveryDialplanFunctionIsUnknown() {
        ExprResult r = ExpressionEvaluator.evaluate("LEN(abc)");
        assertThat(r.value()).isEqualTo("0");
        assertThat(r.warnings()).anyMatch(w -> w.contains("'LEN' doesn't appear to be an available function"));
    }

    @Test
    void builtInMathAndInvalidNamesNeverReachTheCaller() {
        ExprFunctionCaller fail = (name, args) -> {
            throw new AssertionError("caller must not be used for " + name);
        };
        assertThat(ExpressionEvaluator.evaluate("COS(0) + SQRT(16) + POW(2,3)", fail).value()).isEqualTo("13");
        ExprResult lower = ExpressionEvaluator.evaluate("len(abc)", fail);
        assertThat(lower.value()).isEqualTo("0");
        assertThat(lower.warnings()).containsExactly("Error! 'len' is not possibly a function name!");
    }

    @Test
    void bothBranchesOfTheConditionalAreEvaluated() {
        List<String> calls = new ArrayList<>();
        ExprFunctionCaller f = (name, args) -> {
            calls.add(name);
            return name.toLowerCase();
        };
        assertThat(ExpressionEvaluator.evaluate("1 ? A(1) :: B(2)", f).value()).isEqualTo("a");
        assertThat(calls).containsExactly("A", "B");
    }

    @Test
    void throwingCallerDoesNotEscape() {
        ExprFunctionCaller boom = (name, args) -> {
            throw new IllegalStateException("boom");
        };
        ExprResult r = ExpressionEvaluator.evaluate("F(1) + 1", boom);
        assertThat(r.value()).isEqualTo("1");
        assertThat(r.warnings()).anyMatch(w -> w.contains("boom"));
    }

    @Test
    void syntaxErrorWarningLooksLikeAstYyerror() {
        ExprResult r = ExpressionEvaluator.evaluate("1 + + 2 )");
        assertThat(r.value()).isEqualTo("0");
        assertThat(r.warnings()).containsExactly("ast_yyerror():  syntax error: syntax error, unexpected '+', "
                + "expecting '-' or '!' or '(' or '<token>'; Input:\n1 + + 2 )\n    ^");
    }

    @Test
    void divisionByZeroWarns() {
        ExprResult r = ExpressionEvaluator.evaluate("10 / 0");
        assertThat(r.value()).isEqualTo("2147483647");
        assertThat(r.warnings()).containsExactly("division by zero");
    }

    @Test
    void warningsAreImmutableAndNullInputIsEmpty() {
        ExprResult r = ExpressionEvaluator.evaluate(null);
        assertThat(r.value()).isEmpty();
        assertThat(r.warnings()).isEmpty();
        assertThat(r.warnings()).isUnmodifiable();
    }

    @Test
    void neverThrowsOnRandomInput() {
        String alphabet = "0123456789.-+*/%|&=!<>~:?,()\"'[]{}$ \tabcXYZ_#@\\^é\n";
        String[] pieces = {"${", "}", "::", "=~", "~~", "COS(", "POW(", "F(", "\"a b\"", "99999999999999999999",
            "1e5", ".5", "(", ")", "\"(.*)\"", "\"[\"", "\"a{99999}\"", "\0"};
        Random rnd = new Random(20240611L);
        ExprFunctionCaller f = (name, args) -> rnd.nextBoolean() ? null : args;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(40);
            for (int k = 0; k < len; k++) {
                if (rnd.nextInt(4) == 0) {
                    sb.append(pieces[rnd.nextInt(pieces.length)]);
                } else {
                    sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
                }
            }
            String expr = sb.toString();
            ExprResult r = ExpressionEvaluator.evaluate(expr, i % 2 == 0 ? f : null);
            assertThat(r).as(expr).isNotNull();
            assertThat(r.value()).as(expr).isNotNull();
            assertThat(r.warnings()).as(expr).doesNotContainNull();
        }
    }

    @Test
    void deepNestingEndsLikeBisonsMemoryExhausted() {
        ExprResult ok = ExpressionEvaluator.evaluate("(".repeat(9996) + "1" + ")".repeat(9996));
        assertThat(ok.value()).isEqualTo("1");
        assertThat(ok.warnings()).isEmpty();
        ExprResult deep = ExpressionEvaluator.evaluate("(".repeat(9997) + "1" + ")".repeat(9997));
        assertThat(deep.value()).isEqualTo("0");
        assertThat(deep.warnings()).singleElement().asString().startsWith("ast_yyerror():  syntax error: memory exhausted");
        assertThat(ExpressionEvaluator.evaluate("-".repeat(200_000) + "1").value()).isEqualTo("0");
    }

    @Test
    void deepExpressionsAndLongRegexSubjectsRunOnTheCallersVirtualThread() throws Exception {
        // a dialplan thread is virtual: nesting and long subjects must not need a big-stack helper thread
        String nested = "(".repeat(4000) + "F(" + "-".repeat(3000) + "1)" + ")".repeat(4000);
        String subject = "ab".repeat(3000);
        String[] out = new String[3];
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        Thread t = Thread.ofVirtual().start(() -> {
            out[0] = ExpressionEvaluator.evaluate(nested, (name, args) -> {
                threads.add(Thread.currentThread());
                return args;
            }).value();
            out[1] = ExpressionEvaluator.evaluate("\"" + subject + "\" : \"(ab)*\"").value();
            out[2] = ExpressionEvaluator.evaluate("\"" + subject + "x\" : \"[ab]*x\"").value();
        });
        t.join();
        assertThat(out[0]).isEqualTo("1"); // an even number of minus signs
        assertThat(threads).containsExactly(t); // the function ran on the evaluating thread itself
        assertThat(out[1]).isIn("ab", ""); // \1 of a 6,000-byte match, or no match with a warning
        assertThat(out[2]).isEqualTo("6001");
    }

    @Test
    void pathologicalRegexIsBounded() {
        String subject = "a".repeat(40);
        ExprResult r = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> ExpressionEvaluator.evaluate("\"" + subject + "\" =~ \"(a|aa)*c\""));
        assertThat(r.value()).isEmpty(); // no match and the pattern has a group
    }

    @Test
    void manyDistinctRegexesDoNotBreakTheCache() {
        for (int i = 0; i < 2000; i++) {
            assertThat(ExpressionEvaluator.evaluate("\"x" + i + "y\" : \"x(" + i + ")\"").value())
                    .isEqualTo(String.valueOf(i));
        }
    }

    @Test
    void concurrentEvaluationsAgree() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int k = i;
                results.add(pool.submit(() -> ExpressionEvaluator.evaluate(
                        "\"" + k + "-" + k + "\" : \"([0-9]+)-\" + " + k + " / 4").value()));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(ExpressionEvaluator.evaluate(i + " + " + i + " / 4").value());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void typicalExpressionsAreFast() {
        String[] exprs = {"5 + 1", "17 = 17 & 3 > 2", "\"5551234\" : \"555(.*)\"", "3/2", "abc = abc", "2 > 1 ? a :: b"};
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < 100_000; i++) {
                ExpressionEvaluator.evaluate(exprs[i % exprs.length]);
            }
        });
    }
}
