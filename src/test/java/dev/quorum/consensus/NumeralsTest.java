package dev.quorum.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumeralsTest {

    private static final Question NONE = Question.NONE;

    @Test
    void should_read_a_canonical_roman_numeral_in_capitals_only() {
        assertThat(Numerals.romanValue("MCMXCIV")).isEqualTo(1994);
        assertThat(Numerals.romanValue("MMMCMXCIX")).isEqualTo(3999);
        // not canonical, not in capitals, not a numeral
        assertThat(Numerals.romanValue("IIII")).isZero();
        assertThat(Numerals.romanValue("VX")).isZero();
        assertThat(Numerals.romanValue("IC")).isZero();
        assertThat(Numerals.romanValue("mcmxciv")).isZero();
        assertThat(Numerals.romanValue("CIVIL")).isZero();
        assertThat(Numerals.romanValue("")).isZero();
    }

    @Test
    void should_rewrite_a_roman_numeral_only_where_it_can_be_nothing_else() {
        Question year = Question.of("In what year was the ceiling finished?");
        assertThat(Numerals.decimal("MDXII.", year)).isEqualTo("1512.");
        // inside a name, two letters alone, a whole answer to a question that asks for no number: words
        assertThat(Numerals.decimal("Henry VIII", year)).isEqualTo("Henry VIII");
        assertThat(Numerals.decimal("CD", year)).isEqualTo("CD");
        assertThat(Numerals.decimal("I MIX it.", year)).isEqualTo("I MIX it.");
        assertThat(Numerals.decimal("MIX", Question.of("Which computer did Knuth design for his books?")))
                .isEqualTo("MIX");
        assertThat(Numerals.decimal("LXX", NONE)).isEqualTo("LXX");
        // "Roman" alone is no question about numerals
        assertThat(Numerals.decimal("Washington, DC", Question.of("Where is the Roman Catholic basilica?")))
                .isEqualTo("Washington, DC");
        // a question about Roman numerals: any word of two letters or more, never the pronoun
        Question roman = Question.of("How is 40 written in Roman numerals?");
        assertThat(Numerals.decimal("I think it is XL.", roman)).isEqualTo("I think it is 40.");
        assertThat(Numerals.decimal("XL", roman)).isEqualTo("40");
    }

    @Test
    void should_rewrite_integer_literals_up_to_64_bits() {
        assertThat(Numerals.decimal("mask = 0xFF & x", NONE)).isEqualTo("mask = 255 & x");
        assertThat(Numerals.decimal("0B1010 or 0o17", NONE)).isEqualTo("10 or 15");
        assertThat(Numerals.decimal("0xFFFFFFFFFFFFFFFF", NONE)).isEqualTo("18446744073709551615");
        // longer (an address, a hash), not a literal, or digits that are not of its system: as written
        String address = "0x742d35Cc6634C0532925a3b844Bc454e4438f44e";
        assertThat(Numerals.decimal(address, NONE)).isEqualTo(address);
        assertThat(Numerals.decimal("0b102 0xZZ 0o9 0x", NONE)).isEqualTo("0b102 0xZZ 0o9 0x");
        assertThat(Numerals.decimal("0o7777777777777777777777", NONE)).isEqualTo("0o7777777777777777777777");
        // inside a dotted, colon-separated or marked token: a fraction, an address, a colour
        assertThat(Numerals.decimal("0x1.8", NONE)).isEqualTo("0x1.8");
        assertThat(Numerals.decimal("fe80::0b01", NONE)).isEqualTo("fe80::0b01");
        assertThat(Numerals.decimal("#0b0000", NONE)).isEqualTo("#0b0000");
        assertThat(Numerals.decimal("(0x10)", NONE)).isEqualTo("(16)");
        assertThat(Numerals.decimal("", NONE)).isEmpty();
    }

    @Test
    void should_keep_a_literals_digits_only_when_the_question_asks_for_the_answer_in_its_system() {
        assertThat(Numerals.decimal("0b1101", Question.of("What's decimal 13 in binary?"))).isEqualTo("1101");
        assertThat(Numerals.decimal("0x10", Question.of("What is the hex value of decimal 16?"))).isEqualTo("10");
        // naming the system is not asking for it
        assertThat(Numerals.decimal("0x10", Question.of("How many values can a single hexadecimal digit represent?")))
                .isEqualTo("16");
    }

    @Test
    void should_leave_hostile_runs_as_written() {
        Question roman = Question.of("Write it in Roman numerals.");
        String capitals = "M".repeat(100_000);
        assertThat(Numerals.decimal(capitals, roman)).isEqualTo(capitals);
        String prefixes = "0x".repeat(50_000);
        assertThat(Numerals.decimal(prefixes, NONE)).isEqualTo(prefixes);
        String hex = "0x" + "f".repeat(100_000);
        assertThat(Numerals.decimal(hex, NONE)).isEqualTo(hex);
        assertThat(Numerals.decimal("— ".repeat(50_000), roman)).isEqualTo("— ".repeat(50_000));
    }
}
