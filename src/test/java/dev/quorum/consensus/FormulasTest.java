package dev.quorum.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FormulasTest {

    @Test
    void should_find_one_expression_written_two_ways_by_evaluating_both() {
        assertThat(Formulas.sameValues("n(n+1)/2", "(n² + n)/2")).isTrue();
        assertThat(Formulas.sameValues("2^(1/2)", "2^0.5")).isTrue();
        assertThat(Formulas.sameValues("2πr", "2 · π · r")).isTrue();
        assertThat(Formulas.sameValues("(a+b)²", "a² + 2ab + b²")).isTrue();
        assertThat(Formulas.sameValues("½mv²", "m*v^2/2")).isTrue();
        assertThat(Formulas.sameValues("sqrt(x)", "x^0.5")).isTrue();
        assertThat(Formulas.sameValues("sin(2x)", "2sin(x)cos(x)")).isTrue();
        // angles in radians, as in mathematics (EvalEx's own SIN takes degrees)
        assertThat(Formulas.sameValues("sin(π/2)x", "x + 0")).isTrue();
    }

    @Test
    void should_read_a_square_root_sign_and_a_function_without_brackets() {
        assertThat(Formulas.sameValues("16^(1/2)", "√16")).isTrue();
        assertThat(Formulas.sameValues("2√3", "√12")).isTrue();
        assertThat(Formulas.sameValues("√(x+1)", "(x+1)^0.5")).isTrue();
        assertThat(Formulas.sameValues("√x", "x^(1/2)")).isTrue();
        assertThat(Formulas.sameValues("cos x", "cos(x)")).isTrue();
        assertThat(Formulas.sameValues("−cos x", "cos x")).isFalse();
        assertThat(Formulas.sameValues("ln 2 + x", "ln(2) + x")).isTrue();
        assertThat(Formulas.sameEquation("16^(1/2) = 4", "√16 = 4")).isTrue();
        // a root of nothing, a root of a root, a function of a word: not read
        assertThat(Formulas.sameValues("√", "1")).isNull();
        assertThat(Formulas.sameValues("√√16", "2")).isNull();
        assertThat(Formulas.sameValues("cos of x", "cos(x)")).isNull();
    }

    @Test
    void should_tell_expressions_apart_that_differ_at_a_point() {
        assertThat(Formulas.sameValues("2πr", "πr²")).isFalse();
        assertThat(Formulas.sameValues("n(n+1)/2", "n(n-1)/2")).isFalse();
        assertThat(Formulas.sameValues("(a+b)²", "a² + b²")).isFalse();
        // however small the values
        assertThat(Formulas.sameValues("1.602e-3 × C", "1.602e-2 × C")).isNotEqualTo(Boolean.TRUE);
        assertThat(Formulas.sameValues("0.0000001x", "0.0000002x")).isFalse();
    }

    @Test
    void should_leave_open_what_it_does_not_read() {
        // a logarithm of no stated base, absolute-value bars, an equation, prose, a bare number or variable
        assertThat(Formulas.sameValues("log(x) + C", "ln(x) + C")).isNull();
        assertThat(Formulas.sameValues("ln|x| + C", "ln(x) + C")).isNull();
        assertThat(Formulas.sameValues("E = mc²", "E = m*c^2")).isNull();
        assertThat(Formulas.sameValues("two times x", "2x")).isNull();
        assertThat(Formulas.sameValues("42", "6*7")).isNull();
        assertThat(Formulas.sameValues("x", "x")).isNull();
        // "n" and "N" are one variable to EvalEx: not evaluated
        assertThat(Formulas.sameValues("nN", "n²")).isNull();
        // a negative power, which EvalEx rounds to 0: read as a quantity elsewhere
        assertThat(Formulas.sameValues("6.626 × 10^-34 J·s", "6.626 × 10^-31 J·s")).isNull();
        // hostile: a long text, a huge power or a tower of powers is not evaluated, and answers at once
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertThat(Formulas.sameValues("1+".repeat(5000) + "1", "2")).isNull();
            assertThat(Formulas.sameValues("9^99999999", "9^99999998 * 9")).isNull();
            assertThat(Formulas.sameValues("9^9^9^9", "9^(9^9)^9")).isNull();
            assertThat(Formulas.sameValues("x^(999999/1)", "x")).isNull();
            Formulas.sameValues("9^(9)^9", "9^(9)^(9)^9");
            Formulas.sameValues("2^(20)^(20)^(20)", "x^x^x");
            assertThat(Formulas.sameValues("x" + "\u00b2".repeat(39), "x")).isNull();
            assertThat(Formulas.sameValues("x\u00b2^9", "x")).isNull();
        });
    }
}
