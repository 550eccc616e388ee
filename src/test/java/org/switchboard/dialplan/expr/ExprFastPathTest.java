package org.switchboard.dialplan.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The integer fast path gives exactly what the full parser gives, and declines what it cannot take. */
class ExprFastPathTest {
    private static final String[] OPS = {"+", "-", "*", "<", ">", "<=", ">=", "=", "!=", "/", "%", "&", "|", "=~", ":"};

    @Test
    void agreesWithTheFullParserOnRandomIntegerExpressions() {
        Random r = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            String a = operand(r);
            String b = operand(r);
            String op = OPS[r.nextInt(OPS.length)];
            String spaces = " ".repeat(1 + r.nextInt(2));
            String e = (r.nextBoolean() ? " " : "") + a + spaces + op + spaces + b + (r.nextBoolean() ? " " : "");
            String fast = IntegerFastPath.tryEvaluate(e);
            if (fast != null) {
                assertThat(fast).as(e).isEqualTo(ExpressionEvaluator.evaluateSlow(e).value());
            }
            assertThat(ExpressionEvaluator.evaluate(e).value()).as(e).isEqualTo(ExpressionEvaluator.evaluateSlow(e).value());
        }
    }

    @Test
    void takesTheLoopCounterShapes() {
        assertThat(IntegerFastPath.tryEvaluate("41 + 1")).isEqualTo("42");
        assertThat(IntegerFastPath.tryEvaluate("9999 < 10000")).isEqualTo("1");
        assertThat(IntegerFastPath.tryEvaluate("3 - 5")).isEqualTo("-2");
    }

    @Test
    void declinesWhatItCannotTakeExactly() {
        assertThat(IntegerFastPath.tryEvaluate("1+1")).isNull();
        assertThat(IntegerFastPath.tryEvaluate("01 + 1")).isNull();
        assertThat(IntegerFastPath.tryEvaluate("7 / 2")).isNull();
        assertThat(IntegerFastPath.tryEvaluate("999999999999999999 + 1")).isNull();   // 10^18 prints in %Lg form
        assertThat(IntegerFastPath.tryEvaluate("1 + 1 + 1")).isNull();
        assertThat(IntegerFastPath.tryEvaluate("-1 + 1")).isNull();
        assertThat(IntegerFastPath.tryEvaluate("")).isNull();
        assertThat(IntegerFastPath.tryEvaluate("a + 1")).isNull();
    }

    private static String operand(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> Long.toString(r.nextInt(10));
            case 1 -> Long.toString(r.nextInt(100000));
            case 2 -> Long.toString(Math.abs(r.nextLong()) % 1_000_000_000_000_000_000L);
            case 3 -> "0" + r.nextInt(100);
            case 4 -> Long.toString(Math.abs(r.nextLong()));
            default -> "x" + r.nextInt(5);
        };
    }
}
