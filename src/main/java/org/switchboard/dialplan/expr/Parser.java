package org.switchboard.dialplan.expr;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.switchboard.dialplan.expr.Lexer.Kind;
import org.switchboard.dialplan.expr.Lexer.Token;

/**
 * Precedence-climbing parser (iterative: its frames live on the heap) that evaluates while it parses, reproducing the bison grammar of
 * main/ast_expr2.y. Precedence, lowest first: {@code ? ::} (left), {@code |}, {@code &},
 * comparisons, {@code + -}, {@code * / %}, unary {@code - !} (right), {@code : =~ ~~}, parentheses.
 * Every operand is evaluated (also both branches of {@code ?:}), in bison's reduction order.
 *
 * <p>Syntax errors behave like bison's LALR tables with default reductions: an error right after
 * a complete top-level expression still leaves that expression's value as the result (e.g.
 * {@code "1 2"} gives 1), any other syntax error gives "0"; the warning mimics ast_yyerror().
 */
final class Parser {
    /** Bison's YYMAXDEPTH: the parser stack holds at most this many states. */
    private static final int MAX_DEPTH = 10000;
    private static final String OPERAND = ", expecting '-' or '!' or '(' or '<token>'";

    private static final class SyntaxError extends RuntimeException {
        SyntaxError() {
            super(null, null, false, false);
        }
    }

    private final String input;
    private final List<Token> tokens;
    private final List<String> w;
    private final ExprFunctionCaller functions;
    private int pos;
    private int depth; // symbols on the equivalent bison stack

    Parser(String input, List<Token> tokens, List<String> warnings, ExprFunctionCaller functions) {
        this.input = input;
        this.tokens = tokens;
        this.w = warnings;
        this.functions = functions;
    }

    /** Parses and evaluates; null means no value was produced (Asterisk then prints "0"). */
    Value parse() {
        try {
            Token t = peek();
            if (!startsOperand(t)) {
                // state 0 reduces the empty start rule by default: the value is "" even on error
                if (t.kind() != Kind.END) w.add(syntaxMessage(t, ", expecting $end"));
                return Value.token("", false);
            }
            Value v = expr(0);
            if (peek().kind() != Kind.END) w.add(syntaxMessage(peek(), ", expecting $end")); // start already reduced
            return v;
        } catch (SyntaxError e) {
            return null;
        }
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        return tokens.get(pos++);
    }

    private static boolean startsOperand(Token t) {
        Kind k = t.kind();
        return k == Kind.TOKEN || k == Kind.MINUS || k == Kind.COMPL || k == Kind.LP;
    }

    private static int precedence(Kind k) {
        return switch (k) {
            case COND -> 1;
            case OR -> 2;
            case AND -> 3;
            case EQ, NE, LT, GT, LE, GE -> 4;
            case PLUS, MINUS -> 5;
            case MULT, DIV, MOD -> 6;
            case COLON, EQTILDE, TILDETILDE -> 8; // unary operators sit at 7
            default -> -1;
        };
    }

    /** The token just consumed is shifted; bison gives up with "memory exhausted" at YYMAXDEPTH states. */
    private void push(int n) {
        depth += n;
        if (depth + 1 >= MAX_DEPTH) {
            w.add(message("memory exhausted", tokens.get(pos - 1)));
            throw new SyntaxError();
        }
    }

    /** The recursion of the grammar, unrolled onto the heap: nesting costs no Java stack. */
    private abstract static class Frame {
        int stage;

        /** Resumes with the value of the child just finished; returns a child to run, or null when done. */
        abstract Frame step(Value child);

        Value result;
    }

    private Value expr(int minPrec) {
        ArrayDeque<Frame> stack = new ArrayDeque<>();
        stack.push(new ExprFrame(minPrec));
        Value returned = null;
        while (true) {
            Frame f = stack.peek();
            Frame child = f.step(returned);
            if (child != null) {
                stack.push(child);
                returned = null;
                continue;
            }
            stack.pop();
            returned = f.result;
            if (stack.isEmpty()) return returned;
        }
    }

    /** expr: unary, then binary operators of at least minPrec, left to right. */
    private final class ExprFrame extends Frame {
        private final int minPrec;
        private Value left;
        private Value middle;
        private Kind op;

        ExprFrame(int minPrec) {
            this.minPrec = minPrec;
        }

        @Override
        Frame step(Value child) {
            switch (stage) {
                case 0 -> {
                    stage = 1;
                    return new UnaryFrame();
                }
                case 1 -> left = child;
                case 2 -> { // expr ? expr . :: expr
                    if (peek().kind() != Kind.COLONCOLON) error(peek(), "");
                    next();
                    push(1);
                    middle = child;
                    stage = 3;
                    return new ExprFrame(precedence(Kind.COND) + 1);
                }
                case 3 -> {
                    depth -= 4; // expr ? expr :: expr -> expr
                    left = Operators.cond(left, middle, child, w);
                }
                default -> {
                    depth -= 2; // expr op expr -> expr
                    left = binary(op, left, child);
                }
            }
            Kind k = peek().kind();
            int p = precedence(k);
            if (p < minPrec || p < 0) {
                result = left;
                return null;
            }
            next();
            push(1);
            op = k;
            if (k == Kind.COND) {
                stage = 2;
                return new ExprFrame(0);
            }
            stage = 4;
            return new ExprFrame(p + 1);
        }
    }

    private final class UnaryFrame extends Frame {
        private Token t;

        @Override
        Frame step(Value child) {
            switch (stage) {
                case 0 -> {
                    t = peek();
                    return start();
                }
                case 1 -> { // - expr, ! expr
                    depth -= 1; // op expr -> expr
                    result = t.kind() == Kind.MINUS ? Operators.negate(child, w) : Operators.complement(child);
                }
                case 2 -> { // ( expr . )
                    if (peek().kind() != Kind.RP) error(peek(), "");
                    next();
                    push(1);
                    depth -= 2; // ( expr ) -> expr
                    result = child;
                }
                default -> result = child; // a function call's value
            }
            return null;
        }

        private Frame start() {
            switch (t.kind()) {
                case MINUS, COMPL -> {
                    next();
                    push(1);
                    stage = 1;
                    return new ExprFrame(8); // %prec TOK_COMPL: binds looser than ':' '=~' '~~'
                }
                case LP -> {
                    next();
                    push(1);
                    stage = 2;
                    return new ExprFrame(0);
                }
                case TOKEN -> {
                    next();
                    push(1); // TOKEN, then reduced to expr in place
                    if (peek().kind() != Kind.LP) {
                        result = Value.token(t.text(), t.numeric());
                        return null;
                    }
                    next();
                    push(1);
                    stage = 3;
                    return new CallFrame(t.text());
                }
                default -> {
                    error(t, OPERAND);
                    return null; // unreachable
                }
            }
        }
    }

    /** TOKEN '(' arglist ')': arguments may be empty after a comma ("F(1,)" has two). */
    private final class CallFrame extends Frame {
        private final String name;
        private final List<Value> args = new ArrayList<>();

        CallFrame(String name) {
            this.name = name;
        }

        @Override
        Frame step(Value child) {
            switch (stage) {
                case 0 -> {
                    stage = 1;
                    return new ExprFrame(0); // arglist: expr
                }
                case 1 -> args.add(child);
                default -> {
                    args.add(child);
                    depth -= 2; // arglist , expr -> arglist
                }
            }
            while (true) {
                Token t = peek();
                if (t.kind() == Kind.RP) {
                    next();
                    push(1);
                    depth -= 3; // TOKEN ( arglist ) -> expr
                    result = Functions.call(name, args, functions, w);
                    return null;
                }
                if (t.kind() != Kind.COMMA) error(t, ", expecting ',' or ')'");
                next();
                push(1);
                Token u = peek();
                if (u.kind() == Kind.COMMA || u.kind() == Kind.RP || !startsOperand(u)) {
                    args.add(Value.makeStr("")); // arglist , -> arglist
                    depth -= 1;
                } else {
                    stage = 2;
                    return new ExprFrame(0);
                }
            }
        }
    }

    private Value binary(Kind k, Value a, Value b) {
        return switch (k) {
            case OR -> Operators.or(a, b, w);
            case AND -> Operators.and(a, b, w);
            case EQ -> Operators.compare("=", a, b, w);
            case NE -> Operators.compare("!=", a, b, w);
            case LT -> Operators.compare("<", a, b, w);
            case GT -> Operators.compare(">", a, b, w);
            case LE -> Operators.compare("<=", a, b, w);
            case GE -> Operators.compare(">=", a, b, w);
            case PLUS -> Operators.plus(a, b, w);
            case MINUS -> Operators.minus(a, b, w);
            case MULT -> Operators.times(a, b, w);
            case DIV -> Operators.divide(a, b, w);
            case MOD -> Operators.remainder(a, b, w);
            case COLON -> PosixRegex.match(a, b, true, w);
            case EQTILDE -> PosixRegex.match(a, b, false, w);
            default -> Operators.concat(a, b);
        };
    }

    private void error(Token t, String expecting) {
        w.add(syntaxMessage(t, expecting));
        throw new SyntaxError();
    }

    private String syntaxMessage(Token t, String expecting) {
        return message("syntax error, unexpected " + t.kind().display + expecting, t);
    }

    /** The text ast_yyerror() logs: message, the input, and a caret under the offending token. */
    private String message(String what, Token t) {
        int col = input.substring(0, Math.min(t.pos(), input.length())).getBytes(StandardCharsets.UTF_8).length;
        return "ast_yyerror():  syntax error: " + what + "; Input:\n" + input + "\n" + " ".repeat(col) + "^";
    }
}
