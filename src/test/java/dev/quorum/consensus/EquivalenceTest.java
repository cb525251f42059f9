package dev.quorum.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The word rules of semantic voting's "same answer" test ({@link Equivalence}), one example per rule, written for this
 * test (not taken from the evaluation fixtures): what the rules decide without the embedding.
 */
class EquivalenceTest {

    static Equivalence.Decision decide(String question, String a, String b) {
        Question asked = Question.of(question);
        return Equivalence.compare(Equivalence.Reading.of(a, asked), Equivalence.Reading.of(b, asked), asked).decision();
    }

    /**
     * How long comparing each hostile text with itself and with a short answer takes, to each question, after a
     * warm-up (WordNet's files, the endonyms and the word rules' tables load on first use).
     */
    private static long nanosToCompare(String[] hostile, String[] questions, String shortAnswer) {
        decide(questions[0], hostile[0], hostile[1]);
        long start = System.nanoTime();
        for (String text : hostile) {
            for (String question : questions) {
                decide(question, text, text + " ");
                decide(question, shortAnswer, text);
            }
        }
        return System.nanoTime() - start;
    }

    @ParameterizedTest(name = "{1} / {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Is this review positive or negative?             | Negative                     | Not positive — the reviewer wants a refund.
            Is this message spam or ham?                     | ham                          | Not spam; it is a note from a colleague.
            Is this message spam?                            | Legitimate                   | Not spam.
            Classify the sentiment of the tweet.             | Favourable                   | The sentiment is positive.
            What is the author's stance on the proposal?     | In favour                    | The author supports the proposal.
            Is the balance sheet item an asset, a liability or equity? | Liability          | It is recorded as a current liability.
            Which protocol is connectionless: TCP or UDP?    | UDP                          | UDP is connectionless; TCP is not.
            Route the ticket. Teams: Billing, Tech, Sales.   | Tech                         | Technology
            How severe is this side effect: 'slight rash that faded overnight'? | Mild.  | A low-severity reaction.
            How does the customer feel about the refund?     | The customer is pleased.     | Positive
            Assign a severity (S1–S4) to: 'Search is slow for one customer.' | S3 | I'd file it as S3, one customer only.
            Which case ended racial segregation in US public schools? A) Plessy v. Ferguson B) Brown v. Board of Education | Brown v. Board of Education (1954) | (B)
            How urgent is this message: 'Severe bleeding after a fall'? | Emergency. | Emergent — call an ambulance now.
            How severe is this defect: 'Login fails for every user'? | Critical | This one is a blocker: nobody can sign in.
            Is the transaction fraudulent?                   | Likely fraud                 | Fraudulent — flag it.
            Classify the review sentiment.                   | Label: NEGATIVE              | negative
            """)
    void should_read_labels_with_their_synonyms_negations_and_the_question_s_alternatives(String question, String a,
                                                                                         String b) {
        // when / then
        assertThat(decide(question, a, b)).isEqualTo(Equivalence.Decision.SAME);
    }

    @ParameterizedTest(name = "{1} / {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Is this comment toxic?                           | Toxic                        | Non-toxic
            Is this comment toxic?                           | Toxic.                       | The comment is not toxic.
            Is this message spam or ham?                     | Spam                         | Not spam.
            What is the author's stance on the proposal?     | Against — the author opposes it. | In favour — the author supports it.
            Is the transaction fraudulent?                   | Likely fraud                 | Likely legitimate
            Which protocol is connectionless: TCP or UDP?    | TCP                          | UDP is connectionless; TCP is not.
            What did the biopsy show?                        | Benign                       | Malignant
            Should I use a Roth IRA or a traditional IRA if I expect a higher tax bracket later? | A Roth IRA. | A traditional IRA.
            What is the tone of this reply: 'Thanks, that fixed it!'? | Positive: the customer is pleased. | Negative: the customer is annoyed.
            How severe is this defect: 'Login fails for every user'? | Critical — nobody can sign in. | Minor — a cosmetic issue.
            How urgent is this message: 'I ran out of my insulin today'? | Urgent: same-day advice needed. | Routine: reply within a week.
            How urgent is this message: 'Severe bleeding after a fall'? | Emergent — call an ambulance. | Urgent — book a same-day visit.
            Rate the risk of this change: 'rename a log file'. | Minimal risk.             | Moderate risk: the log shippers may break.
            Assign a severity (S1-S4) to: 'Search is slow for one customer.' | S3 | This is an S2 incident.
            Should I use a relational database or a document store for an app with many joins? | A relational database. | A document store.
            """)
    void should_keep_opposite_labels_apart(String question, String a, String b) {
        // when / then
        assertThat(decide(question, a, b)).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @ParameterizedTest(name = "{1} / {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Did the deployment succeed?                      | No, it failed at the migration step. | It did not succeed; the migration broke.
            Is the museum open on Mondays?                   | No, it's closed on Mondays.  | It isn't open on Mondays.
            Is the tap water drinkable?                      | No.                          | It is undrinkable until the pipes are flushed.
            Can I run the installer without admin rights?    | Yes, you can.                | It works for a non-admin user as well.
            Was the test result negative?                    | Yes, negative.               | The test came back negative, so yes.
            Did the trial meet its primary endpoint?         | No, the endpoint was not met. | The trial failed to meet its primary endpoint.
            """)
    void should_read_the_yes_or_no_a_yes_no_question_gets_from_negations_and_opposites(String question, String a,
                                                                                     String b) {
        // when / then
        assertThat(decide(question, a, b)).isEqualTo(Equivalence.Decision.SAME);
    }

    @ParameterizedTest(name = "{1} / {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Is the museum open on Mondays?                   | Yes, it opens at nine.       | It's closed on Mondays.
            Did the deployment succeed?                      | Yes.                         | It failed at the migration step, so no.
            Should I descale the kettle every week?          | Yes, weekly descaling keeps it efficient. | Skip the weekly routine; once a month is plenty.
            Do I need a visa for a one-day layover in Doha?  | Yes, you need a transit visa. | A visa is unnecessary for layovers under 24 hours.
            """)
    void should_keep_a_yes_and_a_no_apart(String question, String a, String b) {
        // when / then
        assertThat(decide(question, a, b)).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @ParameterizedTest(name = "{1} / {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Which port does SMTP submission use?             | 587                          | SMTP submission uses port 587, whereas SMTPS uses 465.
            How long is the warranty?                        | 2 years                      | Two years (the battery is covered for 6 months).
            How heavy is the parcel in grams?                | About 910 g                  | 2 lb × 453.6 = 907.2 g
            What is 3/4 as a percentage?                     | 75%                          | 0.75, that is seventy-five percent
            What is the normal body temperature?             | 37 °C                        | 310.15 K
            What is the standard dose?                       | 5–10 mg                      | Between 5 and 10 milligrams, twice a day.
            When did the treaty take effect?                 | 1 January 1995               | It took effect on 1 January 1995 (signed in 1994).
            """)
    void should_find_a_short_number_in_a_longer_answer_with_its_context_set_aside(String question, String a, String b) {
        // when / then
        assertThat(decide(question, a, b)).isEqualTo(Equivalence.Decision.SAME);
    }

    @ParameterizedTest(name = "{1} / {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Which port does SMTP submission use?             | 465                          | SMTP submission uses port 587, whereas SMTPS uses 465.
            What is the boiling point of acetone?            | 100 °C                       | About 56 °C, far below water's 100 °C.
            Who painted the ceiling of the Sistine Chapel?   | Raphael                      | Michelangelo painted it, not Raphael.
            Who was the second man on the Moon?              | Neil Armstrong               | Buzz Aldrin was second; Neil Armstrong, the commander, was first.
            """)
    void should_not_take_a_mention_in_context_for_the_answer(String question, String a, String b) {
        // when / then
        assertThat(decide(question, a, b)).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @ParameterizedTest(name = "{1} / {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Who composed the opera?                          | Giuseppe Verdi               | Richard Wagner
            Who composed the opera?                          | Giuseppe Verdi composed it in 1853. | Richard Wagner composed it in 1853.
            Which day is the market held?                    | On Tuesday at 8:00           | On Thursday at 8:00
            How should the list be sorted?                   | Sort it in ascending order, smallest value first. | Sort it in descending order, smallest value first.
            Which rate applies to the late fee?              | The rate is 5 % per month.   | The rate is 5 % per year.
            How do I copy a list in Python?                  | xs.copy()                    | xs.copy(deep=True)
            What is the logical negation of 'p or q'?        | ¬p ∧ ¬q                      | ¬p ∨ ¬q
            """)
    void should_keep_apart_answers_that_differ_in_a_name_a_day_an_opposite_or_a_symbol(String question, String a,
                                                                                    String b) {
        // when / then
        assertThat(decide(question, a, b)).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @ParameterizedTest(name = "{1} / {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Name the primary colours of light.               | Red, green, blue             | 1. **Blue** – short wavelength\\n2. **Green** – middle\\n3. **Red** – long
            Which countries share the island?                | Haiti, DR                    | Dominican Republic and Haiti
            What is the time complexity of heapsort?         | O(n log n)                   | Linearithmic time.
            What state of matter is ice?                     | Solid                        | Ice is water in its solid state.
            What is the closed form of the sum?              | $\\frac{n(n+1)}{2}$           | n(n+1)/2
            Who discovered the structure of DNA?             | Watson and Crick             | Watson and Crick discovered it in 1953; Franklin's images were key.
            How big is the vineyard?                         | 12,000 m²                    | about 1.2 hectares
            How much does the pond hold?                     | 3 m³                         | 3,000 litres
            What temperature should the bread bake at?       | 220 °C                       | about 425 °F
            What is the time complexity of binary search?    | O(log n)                     | Binary search runs in log n time.
            What is the daily dose of vitamin B12?           | 250 mcg                      | 0.25 mg
            Which countries border Mongolia?                 | Russia and China             | PRC, Russian Federation
            Which elements are the lightest two metals?      | Lithium and beryllium        | Be, Li
            Write the formula of the ammonium ion.           | NH4+                         | NH₄⁺
            Which planets have rings?                        | Jupiter, Saturn, Uranus, Neptune | Neptune; Saturn; Jupiter; Uranus
            """)
    void should_join_lists_notations_and_derived_words(String question, String a, String b) {
        // when / then
        assertThat(decide(question, a.replace("\\n", "\n"), b.replace("\\n", "\n")))
                .isEqualTo(Equivalence.Decision.SAME);
    }

    @ParameterizedTest(name = "{1} / {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Which planet is largest? A) Mars B) Jupiter C) Venus | B | Jupiter is the largest by far; Mars and Venus are much smaller.
            Which planet is largest? A) Mars B) Jupiter C) Venus | I'd go with b) Jupiter | Answer: B
            What is 10^3?                                    | 1000                         | 10^3 = 1000
            When is the rent due?                            | Fri 3 May                    | It is due on Friday, 3 May.
            Who discovered radium?                           | Curie.                       | It was discovered by the Polish physicist Marie Curie.
            Can I park here overnight?                       | Not without a permit.        | No — you need a permit first.
            Who led the Union in the Civil War?              | Abraham Lincoln              | Lincoln led the Union through the war.
            """)
    void should_read_options_exponents_abbreviated_days_names_and_double_negations(String question, String a, String b) {
        // when / then
        assertThat(decide(question, a, b)).isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_keep_apart_an_answer_naming_another_option_in_its_first_clause() {
        // when / then
        assertThat(decide("Which planet is largest? A) Mars B) Jupiter C) Venus", "A",
                "Jupiter is the largest by far; Mars and Venus are much smaller.")).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_leave_to_the_meaning_a_short_answer_a_longer_one_describes_without_naming_it() {
        // when / then: "the fourth planet" may be Mars; the words cannot tell
        assertThat(decide("Which planet has the largest volcano?", "Mars",
                "The fourth planet from the Sun, home of Olympus Mons.")).isEqualTo(Equivalence.Decision.MEANING);
    }

    @Test
    void should_give_the_embedding_model_symbols_in_words() {
        // when / then
        assertThat(Equivalence.embeddingText("(3, ∞)")).isEqualTo("(3, infinity )");
        assertThat(Equivalence.embeddingText("¬(A ∧ B)")).isEqualTo("not (A and B)");
        assertThat(Equivalence.embeddingText("O(log n)")).isEqualTo("logarithmic");
        assertThat(Equivalence.embeddingText("Paris")).isEqualTo("Paris");
    }

    @ParameterizedTest(name = "{1} / {2}")
    @CsvSource(delimiter = '|', textBlock = """
            How many strings does a standard guitar have?   | 6                            | A standard guitar has 6 strings; a bass usually has 4.
            How many players are on a basketball court per team? | 5                       | Each team has 5 players on court, with up to 7 substitutes on the bench.
            What is the speed of light in vacuum?            | 299,792 km/s                 | 299,792 km/s (about 186,282 miles per second).
            How long is a half marathon?                     | 21.1 km                      | 13.1 miles
            Is this the tallest building in Europe, isn't it?  | It is.                     | Yes, it is the tallest.
            Can a minor sign the contract alone?             | Generally no — a guardian must co-sign. | Negative; a guardian has to sign too.
            Does caffeine raise blood pressure?              | Yes, briefly.                | It does. The effect fades within hours.
            Is the book in stock?                            | It's out of stock.           | No, it is not available right now.
            Which is a prime number? 1) 4 2) 7 3) 9          | 2                            | 7 (option 2).
            Is a peanut botanically a nut or a legume?       | Legume                       | Botanically, a peanut is a legume, even though it is eaten like a nut.
            Name three ingredients of a vinaigrette.         | Oil, vinegar, mustard        | Olive oil, red wine vinegar and Dijon mustard.
            What is the chemical formula of methane?         | CH₄                          | CH4
            Which sorting algorithm class (constant, linear, quadratic) fits bubble sort? | quadratic | Bubble sort is quadratic, unlike linear search.
            The Moon landing was in 1969, wasn't it?         | Indeed, 1969.                | The Moon landing was in 1969.
            What is the largest city of Australia?           | Sydney                       | Although Canberra is the capital, the largest city is Sydney.
            Who painted the Mona Lisa?                       | Leonardo                     | It was painted by Leonardo da Vinci in the early 1500s, and it hangs in the Louvre.
            How long is the flight?                          | 2 h 30 min                   | 150 minutes
            How long is the flight?                          | 2.5 hours                    | Two and a half hours
            How long should the dough rest?                  | 30 minutes                   | Half an hour
            Which severity applies? (S1-S4)                  | S1                           | **Highest severity (S1)** — the whole site is down.
            """)
    void should_read_the_first_clause_units_questions_with_tags_hedges_numbered_options_and_lists(String question,
                                                                                               String a, String b) {
        // when / then
        assertThat(decide(question, a, b)).isEqualTo(Equivalence.Decision.SAME);
    }

    @ParameterizedTest(name = "{1} / {2}")
    @CsvSource(delimiter = '|', textBlock = """
            How many weeks of leave do part-time staff get? Full-time staff get 20 days, part-time staff 10 days. | 20 days | Part-time staff get 10 days; the 20 days are for full-time staff.
            What is e to two decimal places?                 | 2.72                         | about 2.74
            Which interval is 'x greater than 2'?            | (2, ∞)                       | [2, ∞)
            What is the formula of ozone?                    | O₃                           | O₂
            What is the unit of acceleration?                | m/s²                         | m/s
            Sum the first n integers in Python.              | `sum(range(1, n + 1))`       | `sum(range(1, n))`
            Which planet is closest to the Sun?              | Venus                        | Mercury is closest, before Venus.
            Who painted the Mona Lisa?                       | Leonardo da Vinci            | Michelangelo Buonarroti
            Which team won the 2018 World Cup?               | Croatia                      | France won, beating Croatia 4-2 in the final.
            What is the charge of an electron?               | About 1.602 × 10^-19 coulombs. | About 1.602 × 10^-16 coulombs.
            From what temperature does a child have a fever? | 38 °C                        | about 98.6 °F
            How long is the field?                           | 120 m                        | 120 m²
            What is the daily dose of vitamin B12?           | 250 mcg                      | 250 mg
            What is the average time complexity of insertion sort? | Right, insertion sort averages O(n^2). | On average insertion sort is O(n log n).
            How fast is the office uplink?                   | 500 Mbps                     | 500 MB/s
            What is the boiling point of methanol?           | 100 °C                       | About 65 °C, well below water's 100 °C.
            Write the formula of the chlorate ion.           | ClO3−                        | ClO₄⁻
            What is the safe internal temperature for chicken? | Sure thing — chicken should reach 165°F. | Chicken is safe at 145°F with a short rest.
            What is the derivative of cos(x)?                | −sin x                       | sin(x)
            Which element is most abundant in Earth's crust? | Silicon                      | Although silicon is often guessed, the most abundant one is actually oxygen.
            """)
    void should_keep_apart_a_number_first_stated_otherwise_a_finer_number_brackets_and_subscripts(String question,
                                                                                             String a, String b) {
        // when / then
        assertThat(decide(question, a, b)).isNotEqualTo(Equivalence.Decision.SAME);
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', textBlock = """
            def cube(x):\\n    return x * x * x       | def cube(n):\\n    return n * n * n       | true
            `[v for v in values if v > 0]`             | `[x for x in values if x > 0]`             | true
            wc -l file.txt                             | wc -w file.txt                             | false
            open('log.txt', 'a')                       | open('log.txt', 'w')                       | false
            xs.reverse()                               | xs.sort()                                  | false
            """)
    void should_join_code_that_differs_only_in_the_names_of_its_variables(String a, String b, boolean same) {
        // when / then
        assertThat(decide("Write it in Python.", a.replace("\\n", "\n"), b.replace("\\n", "\n")) == Equivalence.Decision.SAME)
                .isEqualTo(same);
    }

    @ParameterizedTest(name = "{1} / {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Which gas makes up most of the air?              | N2                           | Air is mostly nitrogen gas, two nitrogen atoms per molecule.
            What is the chemical formula of carbon dioxide?  | CO₂                          | One carbon atom bonded to two oxygen atoms.
            What is the formula of potassium chloride?       | KCl                          | Potassium chloride.
            Who composed the Ninth Symphony?                 | It was written by Ludwig van Beethoven in 1824. | The composer is Beethoven, who was almost deaf by then.
            Which agency launched the Hubble telescope?      | The NASA space shuttle carried it up. | NASA launched it.
            How many grams are in 2.5 kilograms?             | 2,500                        | 2500
            What fraction of the cake is left after eating a third? | 2/3                   | Two thirds of it remain.
            How do you test that x is at least 10?           | x ≥ 10                       | `x >= 10`
            What is the overdraft after spending $40 of a $0 balance? | −$40                | minus 40 dollars
            """)
    void should_join_formulas_names_fractions_and_notations_that_state_the_same(String question, String a, String b) {
        // when / then
        assertThat(decide(question, a, b)).isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_fails_to_as_a_negation_and_leave_aside_what_an_answer_sets_aside() {
        // "never fails to" is twice negated; "not at compile time" is set aside, not a "no"
        assertThat(decide("Does the loop always end?", "The loop never fails to end.", "The loop always ends."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is the service stateless?", "Indeed it is.",
                "Yes: state lives in the database, not in the service.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_not_take_two_names_that_share_a_last_word_for_one() {
        assertThat(decide("Which country has Yamoussoukro as its capital?", "Ivory Coast",
                "The Gold Coast, today's Ghana.")).isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Who wrote the letter?", "John Adams", "It was written by Samuel Adams in 1776."))
                .isNotEqualTo(Equivalence.Decision.SAME);
        // a surname alone is still the person
        assertThat(decide("Who wrote the letter?", "John Adams", "It was written by Adams in 1776."))
                .isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_not_read_an_affirmation_to_a_question_that_is_not_a_yes_no_one_as_a_yes() {
        // "Exactly," only affirms; "a lack of" in the other answer is no "no" to it
        assertThat(decide("Which vitamin deficiency causes rickets?", "Exactly, vitamin D deficiency.",
                "Rickets results from a lack of vitamin D.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_split_one_long_explanation_edited_to_say_something_else_but_not_one_that_only_adds() {
        // given
        Question question = Question.of("How do vaccines protect against disease?");
        String answer = "Vaccines train the immune system without causing the disease. They contain a weakened or "
                + "inactivated pathogen, or just a piece of it such as a protein, which antigen-presenting cells show "
                + "to helper T cells. B cells then make antibodies, and a few of them become long-lived memory cells, "
                + "so a later infection is recognised and cleared quickly.";
        String edited = answer.replace("antibodies, and a few of them become long-lived memory cells, so a later "
                + "infection is recognised and cleared quickly", "antibodies that stay in the blood for life, so no "
                + "memory cells form and a later infection is cleared by those antibodies alone");
        String longer = answer + " Boosters top this memory up.";

        // when
        Equivalence.Verdict changed = Equivalence.compare(Equivalence.Reading.of(answer, question),
                Equivalence.Reading.of(edited, question), question);
        Equivalence.Verdict added = Equivalence.compare(Equivalence.Reading.of(answer, question),
                Equivalence.Reading.of(longer, question), question);

        // then
        assertThat(changed.decision()).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(changed.rule()).startsWith("near-identical long answers but");
        assertThat(added.decision()).isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @ParameterizedTest(name = "{1} / {2}")
    @CsvSource(delimiter = '|', textBlock = """
            What is the formula of hydrogen peroxide?        | H2O2                         | Two hydrogen atoms and one oxygen atom.
            What is the formula of ozone?                    | O₃                           | Diatomic oxygen.
            In Python, how do you drop the last element of a list xs? | `xs[:-1]`           | `xs[::-1]`
            Write a loop over 0 to n.                        | for i in range(n + 1): print(i) | for i in range(n): print(i)
            What is the capital of Kenya?                    | Nairobi                      | The capital of Kenya is Mombasa, on the coast.
            What is the capital of Kenya?                    | The capital of Kenya is Nairobi, not Mombasa. | The capital of Kenya is Mombasa, not Nairobi.
            Which metal is the best electrical conductor?    | Silver                       | The best conductor is copper, although silver is close.
            Which element has the symbol Fe?                 | Iron                         | The symbol Fe is lead; iron is Pb.
            Does light travel at 300,000 km/s in a vacuum, right? What is its speed? | Yes, about 300,000 km/s. | Yes, about 200,000 km/s.
            What is the account balance after the $30 charge? | −$30                       | The balance is $30.
            Is the story about dragons true?                 | That's a myth — no dragons ever lived. | That's true — dragons lived.
            What does HTTP status 401 mean?                  | Right, 401 means Unauthorized: the credentials are missing or wrong. | 401 means Forbidden — the server refuses whatever the credentials.
            Which status code means the resource is gone for good? | Great question — that's 410 Gone.  | That's 404 Not Found.
            Which is the smallest planet?                    | Good question! Mercury is the smallest planet. | The smallest planet is Mars.
            Should we host the app on a VPS or a managed platform for a team with no ops staff? | I'd pick a managed platform here. With nobody to patch servers, watch disks, rotate certificates or wake up when a kernel update goes wrong, paying a little more each month for someone else to run the machines is worth it. You also get backups, scaling and monitoring out of the box, and your developers keep their time for the product instead of for servers. | Go with a VPS in your case. It costs far less each month, and a small app needs little care once the server is set up properly with automatic updates and a firewall. A weekend of setup with a configuration tool gives you a repeatable machine, and you keep full control over versions, logs and data without a provider's limits on what you can run.
            """)
    void should_keep_apart_what_states_another_formula_code_name_or_number(String question, String a, String b) {
        // when / then
        assertThat(decide(question, a, b)).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    private static Equivalence.Verdict verdict(String question, String a, String b) {
        Question asked = Question.of(question);
        return Equivalence.compare(Equivalence.Reading.of(a, asked), Equivalence.Reading.of(b, asked), asked);
    }

    @Test
    void should_split_two_answers_that_name_another_person_first_also_after_a_yes() {
        // an affirmation to a who-question is read with its capitals ("Igor Stravinsky", not "igor stravinsky")
        assertThat(verdict("Who painted 'The Night Watch'?", "Yes — that was Rembrandt van Rijn, in 1642.",
                "It was painted by Johannes Vermeer.").rule())
                .isEqualTo("another name first: Rembrandt Rijn / Johannes Vermeer");
        assertThat(decide("Who founded the company?", "Ada Lovelace Smith, in 1998.",
                "The company was founded by Grace Hopper Jones in 1998.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // one name inside the other answer, or a unit after a number, is no other name
        assertThat(decide("Who founded the company?", "Grace Hopper, in 1998.",
                "It was founded in 1998 by Grace Hopper with Alan Turing.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is the safe internal temperature for poultry?", "Right: the USDA says 165°F (74°C).",
                "Poultry should reach 165 degrees Fahrenheit.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_split_a_yes_to_the_name_a_question_proposes_from_an_answer_that_gives_another() {
        String question = "I think the largest moon of Neptune is Triton — is that right? Which moon is it?";
        assertThat(verdict(question, "Yes, you're right: the largest moon of Neptune is Triton.", "Nereid.").rule())
                .isEqualTo("a yes to the name the question proposes against another: Nereid");
        assertThat(decide(question, "Correct.", "Actually, it's Proteus.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // an answer that gives the proposed name agrees, and a question that proposes nothing asks for a name
        assertThat(decide(question, "Correct.", "Triton, by far the largest of Neptune's moons."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is the largest moon of Neptune?", "Sure! The largest moon of Neptune is Triton.",
                "Triton.")).isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_split_one_explanation_with_one_sentence_replaced_by_another_claim_but_not_other_details() {
        String question = "How does a heat pump heat a house?";
        String first = "A heat pump moves heat rather than making it. Outside, a cold refrigerant absorbs heat from "
                + "the air, even on a freezing day.";
        String a = first + " A compressor then raises its temperature, and the heat is released indoors.";
        String b = first + " Indoors, a gas boiler then burns fuel to warm the water in the radiators.";
        String c = first + " Most models also run in reverse as air conditioners in summer.";
        assertThat(verdict(question, a, b).rule()).isEqualTo("one sentence of the same explanation in place of another");
        // an added detail on something else, or the same sentence reworded, is no other claim
        assertThat(verdict(question, a, c).rule()).isNotEqualTo("one sentence of the same explanation in place of another");
        assertThat(verdict(question, a, first + " A compressor then raises its temperature and releases the heat indoors.")
                .rule()).isNotEqualTo("one sentence of the same explanation in place of another");
    }

    @Test
    void should_split_a_short_statement_from_the_same_words_negated_but_not_an_absence_said_in_a_word() {
        assertThat(verdict("Should you stir the sauce while it simmers?", "You should stir it often.",
                "You should never stir it.").rule()).isEqualTo("the same statement negated");
        assertThat(verdict("Is the bridge open after the flood?", "The bridge is open in both directions.",
                "The bridge isn't open in either direction.").rule()).isEqualTo("the same statement negated");
        // "no index" is "the missing index"; "isn't safe" is "unsafe"
        assertThat(verdict("Why is the query slow?", "The query is slow because the column has no index.",
                "The missing index on the column makes the query slow.").rule())
                .isNotEqualTo("the same statement negated");
        assertThat(verdict("Can children take the drug?", "The drug isn't safe for children.",
                "The drug is unsafe for children.").rule()).isNotEqualTo("the same statement negated");
    }

    @Test
    void should_read_emotions_sentence_types_and_sarcasm_as_labels_only_where_the_question_asks_for_them() {
        assertThat(decide("What emotion does this express: 'They cancelled my flight again!'",
                "Anger: the speaker is indignant.", "The main emotion is surprise.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is this remark sarcastic: 'Great, another Monday.'", "No, it is sincere.", "It's sarcastic."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is 'Shut the window.' a question, a command or a statement?", "A command.",
                "It is an imperative sentence.")).isEqualTo(Equivalence.Decision.SAME);
        // elsewhere these are common words, no labels
        Question party = Question.of("How was the party?");
        assertThat(Labels.read(java.util.List.of("a", "surprise", "and", "a", "question"),
                java.util.List.of("a", "surpris", "and", "a", "question"), party)).isEmpty();
    }

    @Test
    void should_not_read_a_negation_inside_a_quotation_as_the_answer_s() {
        assertThat(decide("What language is this sentence in: 'Ich habe keine Zeit.'", "German",
                "That sentence is written in German and means \"I don't have time.\"")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What language is this sentence in: 'Ich habe keine Zeit.'", "German",
                "That sentence is not written in German.")).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_a_whole_answer_that_echoes_the_question_s_verb_as_a_yes_or_no() {
        assertThat(AnswerText.stance("it is.").value()).isEqualTo("yes");
        assertThat(AnswerText.stance("indeed they did.").value()).isEqualTo("yes");
        assertThat(AnswerText.stance("it isn't.").value()).isEqualTo("no");
        assertThat(AnswerText.stance("exactly right.").value()).isEqualTo("yes");
        assertThat(AnswerText.stance("you're right, it was orwell.").value()).isEqualTo("yes");
        // an echo before what it says is a statement, and "you're right that" no stance of its own
        assertThat(AnswerText.stance("it is red.").present()).isFalse();
        assertThat(AnswerText.stance("you're right that it rains.").present()).isFalse();
        assertThat(decide("Aspirin is an NSAID, isn't it?", "It is.", "Aspirin is a nonsteroidal anti-inflammatory drug."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Aspirin is an NSAID, isn't it?", "It isn't.",
                "Aspirin is a nonsteroidal anti-inflammatory drug.")).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_a_bare_yes_against_what_the_other_answer_says_of_the_question_s_claim() {
        // the other contradicts the claim in other words: a "no"
        assertThat(verdict("Is copper a gas at room temperature?", "Yes, that's right.",
                "Copper is a solid at room temperature; it melts at 1085 °C.").decision())
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // a claim the question negates: "Correct" agrees with the negated statement
        assertThat(verdict("So you can't vote at 16 in national elections here?", "Correct.",
                "You cannot vote at 16 in national elections.").decision()).isEqualTo(Equivalence.Decision.SAME);
        assertThat(verdict("Is copper a metal?", "Yes, that's right.", "Copper is a metal.").decision())
                .isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_iso_date_times_and_twelve_hour_clocks_with_or_without_a_space() {
        assertThat(decide("When does the sale start?", "2026-03-15T09:00", "March 15, 2026 at 9 am"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("When does the sale start?", "2026-03-15T09:00", "March 15, 2026 at 9 pm"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is half past midnight in 24-hour time?", "00:30", "12:30 a.m."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("When is the call?", "12 p.m.", "12:00")).isEqualTo(Equivalence.Decision.SAME);
        // another offset is another instant
        assertThat(decide("When was the block mined?", "2001-09-09T01:46:40-05:00", "9 September 2001, 01:46"))
                .isNotEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_a_decimal_said_digit_by_digit() {
        assertThat(decide("What is e to two decimal places?", "2.72", "Two point seven two."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What is e to two decimal places?", "2.72", "Two point seven one."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_split_a_long_no_from_a_long_answer_that_restates_the_question_without_a_negation() {
        String question = "Should beginners lift heavy weights every single day?";
        String no = "It's best not to lift heavy weights daily as a beginner, because muscles and tendons need rest "
                + "days to adapt and recover between sessions.";
        String leaningYes = "Lifting heavy weights works well for many beginners if the load rises slowly and their "
                + "sleep and food are good enough to recover.";
        String advisedAgainst = "Coaches advise against lifting heavy weights every day in the first months, because "
                + "tendons adapt more slowly than muscles do.";
        assertThat(verdict(question, no, leaningYes).rule())
                .isEqualTo("a yes or no against an answer leaning the other way");
        assertThat(verdict(question, no, advisedAgainst).decision()).isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_not_read_a_negation_in_the_reason_an_answer_gives_as_its_no() {
        String question = "Is 120 a multiple of eight?";
        assertThat(decide(question, "Yes.", "120 is a multiple of eight, since dividing it by 8 leaves no remainder."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(question, "No.", "120 is a multiple of eight, since dividing it by 8 leaves no remainder."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is the pool open on Sundays?", "Yes.", "It isn't open on Sundays, since the staff are off."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_split_a_short_answer_from_a_sentence_that_states_another_in_the_question_s_words() {
        assertThat(verdict("What is the term for a written defamatory statement?", "Libel",
                "That's called slander, which is spoken.").rule()).isEqualTo("another answer stated");
        assertThat(verdict("Which organ produces insulin?", "The pancreas",
                "The organ that produces insulin is the liver.").rule()).isEqualTo("another answer stated");
        // another name for the same thing, or the short answer named too, is no other answer
        assertThat(verdict("Which gas is commonly called 'laughing gas'?", "Nitrous oxide",
                "N2O, also called dinitrogen monoxide").rule()).isNotEqualTo("another answer stated");
        assertThat(verdict("Which organ produces insulin?", "The pancreas",
                "The organ that produces insulin is the pancreas, behind the stomach.").decision())
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_match_an_acronym_item_that_adds_the_initial_of_the_list_s_head_noun() {
        assertThat(verdict("What are the SOLID principles?",
                "Single responsibility, open/closed, Liskov substitution, interface segregation, dependency inversion",
                "SRP, OCP, LSP, ISP, DIP").rule()).isEqualTo("same items");
        assertThat(verdict("What are the SOLID principles?", "Single responsibility, open/closed",
                "SRP, DIP").rule()).isEqualTo("different items");
    }

    @Test
    void should_join_one_label_in_two_sentences_where_the_question_asks_to_classify() {
        assertThat(verdict("What is the sentiment of: 'The update broke everything I relied on.'",
                "The reviewer is clearly unhappy with it.", "This expresses negative sentiment.").rule())
                .isEqualTo("same label");
        // a question that asks for no label leaves the same label word to the meaning
        assertThat(verdict("How did the reviewer describe the update?", "The reviewer is clearly unhappy with it.",
                "This expresses negative sentiment.").rule()).isNotEqualTo("same label");
    }

    @Test
    void should_read_no_before_a_number_as_number() {
        assertThat(AnswerText.words("sonata no. 14")).containsExactly("sonata", "number", "14");
        assertThat(decide("Who composed the Choral Symphony?", "Beethoven", "Ludwig van Beethoven (Symphony No. 9)."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Who composed the Choral Symphony?", "Beethoven", "No. It was not Beethoven."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_a_yes_or_no_said_as_a_clause_of_its_own_in_the_first_sentence() {
        String question = "Can dogs eat cherries?";
        String no = "No — the pits contain cyanide compounds.";
        assertThat(decide(question, no, "In small amounts, yes, the flesh is fine."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide(question, "Unfortunately, no, the pits are toxic.", no)).isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_a_myth_or_advice_after_a_modal_as_a_no_to_a_yes_no_question() {
        String question = "Do I need to soak dried lentils before cooking them?";
        String yes = "Soaking dried lentils is worthwhile before cooking, because it shortens the time they need on the "
                + "stove and evens out the texture.";
        assertThat(decide(question, yes, "Soaking lentils is largely a myth and you can skip it, since they cook in "
                + "twenty minutes and soaking changes little about them.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide(question, "Yes.", "You can skip it: lentils cook quickly without soaking."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }
    @Test
    void should_read_the_time_of_an_iso_date_time_from_noon_on() {
        assertThat(decide("When is the launch?", "2026-07-01T12:00", "1 July 2026 at 12 pm"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("When is the launch?", "2026-07-01T12:00", "1 July 2026 at 2 pm"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("When is the launch?", "2026-07-01T18:30", "July 1, 2026, 6:30 pm"))
                .isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_times_of_day_in_words() {
        assertThat(decide("What is 16:15 on a 12-hour clock?", "16:15", "Quarter past four in the afternoon"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What is 16:15 on a 12-hour clock?", "16:15", "Quarter to four in the afternoon"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("When does the shop close?", "18:30", "half past six in the evening"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("When does the shop close?", "At noon.", "12:00")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("When does the shop close?", "At midnight.", "12:00")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("When does the train leave?", "Seven o’clock in the evening.", "19:00"))
                .isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_holidays_on_a_fixed_date_as_that_date() {
        assertThat(decide("When did the new currency come in?", "1 January 1999", "New Year’s Day 1999"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("When did the new currency come in?", "1 January 1999", "New Year's Eve 1999"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("When was the treaty signed?", "On Christmas Day 1814.", "24 December 1814"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("When was the treaty signed?", "On Christmas Eve 1814.", "24 December 1814"))
                .isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_a_weekday_beside_a_full_date_as_no_more_than_that_date() {
        assertThat(decide("When did the office reopen?", "Tuesday, 5 January 2021", "On 5 January 2021."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("When did the office reopen?", "Tuesday, 5 January 2021", "On 6 January 2021."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which day did the office reopen?", "Tuesday", "Wednesday"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_take_a_restatement_in_figures_as_the_answer() {
        assertThat(decide("Which day came last?", "Friday, 3 March 1700",
                "The day before 4 March 1700, i.e. 3 March 1700.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which day came last?", "Friday, 3 March 1700",
                "The day after 3 March 1700, i.e. 4 March 1700.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is e to three decimal places?", "2.718", "2.71828…, which rounds to 2.718"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What is e to three decimal places?", "2.718", "2.71828…, which rounds to 2.72"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_indian_digit_grouping_and_more_units() {
        assertThat(decide("How much is ten lakh?", "1,000,000", "10,00,000")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How much is one crore?", "10,000,000", "1,00,00,000")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How much is one crore?", "10,000,000", "1,00,000")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("How much is two US cups?", "About 473 mL.", "16 US fluid ounces."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How much is one tablespoon?", "3 teaspoons", "About 15 ml"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How much is one tablespoon?", "2 teaspoons", "About 15 ml"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("How fast is 36 km/h?", "10 metres per second", "10 m/s")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How far is Alpha Centauri?", "about 4.37 light-years", "roughly 41.3 trillion km"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("By how much did the rate rise?", "25 basis points", "0.25 percentage points"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("By how much did the rate rise?", "25 basis points", "2.5 percentage points"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }
    @Test
    void should_read_an_answer_opening_with_actually_as_a_correction() {
        assertThat(decide("So the Great Wall is visible from the Moon, right?", "Yes, that's right, you can see it.",
                "Actually, it cannot be seen from the Moon with the naked eye.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("So photosynthesis happens in the chloroplasts, right?", "Yes, that's right.",
                "Actually, most of it happens in the mitochondria.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("So photosynthesis happens in the chloroplasts, right?", "Yes, in the chloroplasts.",
                "Actually, yes: it takes place in the chloroplasts.")).isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_split_short_answers_to_a_yes_no_question_that_give_different_numbers() {
        assertThat(decide("Did the Berlin Wall fall in 1989?", "Yes, it fell in 1989.", "The Berlin Wall fell in 1991."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Does a hexagon have six sides?", "Yes, a hexagon has six sides.", "A hexagon has eight sides."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Does a hexagon have six sides?", "Yes, a hexagon has six sides.", "A hexagon has 6 sides."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_let_a_framing_word_neither_contradict_nor_hide_a_contradiction() {
        assertThat(decide("Is a peanut botanically a nut?", "Yes, botanically a peanut is a nut.",
                "Botanically speaking, a peanut is a legume.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is a peanut botanically a nut?", "Botanically a peanut is a legume.",
                "Botanically speaking, a peanut is a legume.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_split_a_noun_phrase_from_a_sentence_giving_another_kind_of_the_same_thing() {
        assertThat(decide("What kind of joint is the hip?", "Saddle joint",
                "The hip is a hinge joint that moves in one plane.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which cells carry oxygen in the blood?", "Red blood cells",
                "Oxygen is carried by white blood cells.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which cells carry oxygen in the blood?", "Red blood cells",
                "Oxygen is carried by the red cells of the blood, the erythrocytes.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // names have aliases and first names: no kind of anything
        assertThat(decide("Who wrote Middlemarch?", "Mary Ann Evans", "Marian Evans, the Victorian novelist"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }
    @Test
    void should_join_code_written_in_another_common_idiom_and_only_that() {
        assertThat(decide("Java: is the list empty?", "items.isEmpty()", "items.size() == 0"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Java: is the list empty?", "items.isEmpty()", "items.size() == 1"))
                .isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("JavaScript: does names contain 'ann'?", "names.includes('ann')", "names.indexOf('ann') >= 0"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("JavaScript: does names contain 'ann'?", "names.includes('ann')", "names.indexOf('ann') === -1"))
                .isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Python: the last item of rows", "rows[-1]", "rows[len(rows) - 1]"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Python: the last item of rows", "rows[-1]", "rows[len(rows) - 2]"))
                .isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Python: reverse the string word", "word[::-1]", "\"\".join(reversed(word))"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Python: square of y", "def sq(y):\n    return y ** 2", "def sq(v):\n    return v * v"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("C: is k odd?", "(k & 1) == 0", "k % 2 == 0")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("JavaScript: keep the positive numbers", "xs.filter(v => v > 0)",
                "xs.filter(function (n) { return n > 0; })")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("JavaScript: keep the positive numbers", "xs.filter(v => v > 0)",
                "xs.filter(function (n) { return n >= 0; })")).isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("SQL: how many users are there?", "SELECT COUNT(*) FROM users;", "select count(1) from users"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Git: show the commit before HEAD", "git show HEAD^", "git show HEAD~1"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("C: increment i", "i += 1;", "++i;")).isEqualTo(Equivalence.Decision.SAME);
    }
    @Test
    void should_read_a_day_of_the_month_as_an_ordinal_in_words() {
        assertThat(decide("When is Bastille Day?", "The fourteenth of July", "July 14"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("When is Bastille Day?", "The fourteenth of July", "July 4"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("When was the charter signed?", "On March twenty-first, 1800.", "21 March 1800"))
                .isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_keep_the_day_and_month_of_iso_dates_apart() {
        assertThat(decide("Write 5 April 2024 in ISO 8601.", "2024-04-05", "2024-05-04"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Write 5 April 2024 in ISO 8601.", "2024-04-05", "5 April 2024"))
                .isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_from_lowest_to_highest_as_an_order() {
        assertThat(decide("List the planets from smallest to largest.", "Mercury, Mars, Venus", "Venus, Mars, Mercury"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Name three inner planets.", "Mercury, Mars, Venus", "Venus, Mars, Mercury"))
                .isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_not_all_as_the_other_label() {
        assertThat(decide("Did the checks pass?", "All checks pass.", "Not all checks pass."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Did the checks pass?", "Not all checks pass.", "Some checks fail."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_a_one_word_list_item_that_is_also_a_verb_as_an_item() {
        assertThat(decide("Name the first four elements.", "H, He, Li, Be", "H, He, Li, B"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Name the first four elements.", "H, He, Li, Be", "Be, Li, He, H"))
                .isEqualTo(Equivalence.Decision.SAME);
    }
    @Test
    void should_read_a_short_answer_in_a_sentence_that_opens_with_its_circumstance() {
        assertThat(decide("Which gas do leaves give off in sunlight?", "Oxygen",
                "When UV light reaches the leaf, photosynthesis releases oxygen.")).isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_a_numbered_name_as_no_rival_number() {
        assertThat(decide("In which year did the fire happen?", "1666",
                "The fire at Warehouse No. 7 broke out on 2 September 1666.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("In which year did the fire happen?", "1666",
                "The fire at Warehouse No. 7 broke out on 2 September 1667.")).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_split_a_short_answer_from_a_sentence_naming_another_kind_of_it_first() {
        assertThat(decide("Which layer of the atmosphere holds most weather?", "Troposphere",
                "Most weather happens in the stratosphere, just above the troposphere."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which layer of the atmosphere holds most weather?", "Troposphere",
                "Most weather happens in the troposphere, just below the stratosphere."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_split_a_designated_answer_from_another_designator_of_the_same_word() {
        assertThat(decide("Which vitamin prevents scurvy?", "Vitamin C", "Scurvy is prevented by vitamin A, found in carrots."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which vitamin prevents scurvy?", "Vitamin C", "Scurvy is prevented by vitamin C."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which vitamin helps blood clot?", "Vitamin K", "Vitamin K1 (phylloquinone) helps blood clot."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }
    @Test
    void should_read_more_written_forms_of_numbers_dates_and_names() {
        assertThat(decide("When did the shop open?", "March 3, 2019", "03.03.2019")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("When did the shop open?", "March 3, 2019", "03.04.2019"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which year is MCMLXXXIV?", "1984", "nineteen eighty-four")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which year is MCMLXXXIV?", "1984", "nineteen eighty-five"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What's 3/4 as a decimal?", "0.75", "Three quarters, i.e. point seven five."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How many eggs are in the box?", "12", "A dozen.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How many eggs are in the box?", "12", "Two dozen.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("How much gold is in the coin?", "One troy ounce", "About 31.1 grams"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What's the pressure in inches of mercury?", "30.00 inHg", "1015.9 hPa"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Where is the festival held?", "Zürich.", "The festival is held in Zurich.")).isEqualTo(
                Equivalence.Decision.SAME);
    }
    @Test
    void should_read_a_yes_against_the_first_clause_of_an_answer_that_goes_on() {
        assertThat(decide("Is granite an extrusive rock?", "Yes, granite is an extrusive rock.",
                "Granite is an intrusive rock; it cools slowly deep underground.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is granite an intrusive rock?", "Yes, granite is an intrusive rock.",
                "Granite is an intrusive rock; it cools slowly deep underground.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_over_and_under_as_opposites() {
        assertThat(decide("Is an eagle two strokes under par?", "Yes, an eagle is two strokes under par.",
                "An eagle is two strokes over par.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What does the enzyme do to the protein?", "It breaks the protein down.",
                "It builds the protein up.")).isEqualTo(Equivalence.Decision.DIFFERENT);
    }
    @Test
    void should_hold_a_conversion_to_the_coarser_precision_only_where_it_gives_two_digits() {
        assertThat(decide("How much does the jug hold?", "600 ml", "1 liter")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("How long is a marathon?", "26.2 miles", "42.195 km")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How tall is the door?", "7 ft", "2.13 m")).isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_plural_elements_and_another_compound_named_against_a_formula() {
        assertThat(decide("What's the formula of ozone?", "O3", "Three oxygens.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What's the formula of ozone?", "O3", "Two oxygens.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What's the formula of potash chloride?", "KCl", "Sodium chloride."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What's the formula of potash chloride?", "KCl", "Potassium chloride."))
                .isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_a_function_abbreviation_as_notation_against_its_words() {
        assertThat(decide("What's the derivative of cos(x)?", "sin x", "Negative sine of x."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What's the derivative of cos(x)?", "-sin x", "Negative sine of x."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }
    @Test
    void should_read_the_option_a_short_answer_names_by_a_word_only_that_option_has() {
        String question = "Which bond is weakest? A) Covalent bond B) Hydrogen bond C) Ionic bond D) Metallic bond";
        assertThat(decide(question, "B", "The hydrogen one.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(question, "B", "An ionic bond.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // "bond" is every option's word, and the question's: it names none
        assertThat(decide(question, "C", "A bond.")).isNotEqualTo(Equivalence.Decision.SAME);
        String mutation = "Which mutation shifts the frame? A) Substitution B) Insertion of one base C) Silent mutation";
        assertThat(decide(mutation, "C", "A frameshift mutation")).isNotEqualTo(Equivalence.Decision.SAME);
    }
    @Test
    void should_split_an_outright_yes_and_no_whatever_labels_they_share() {
        assertThat(decide("Is Python pass-by-reference?",
                "No, Python is strictly pass-by-value; object references are passed by value.",
                "Yes, objects in Python are passed by reference.")).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_from_the_inside_out_and_top_to_bottom_as_an_order() {
        assertThat(decide("Name the parts of a cell from the inside out.", "Nucleus, cytoplasm, membrane",
                "Membrane, cytoplasm, nucleus")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Name the colours of a traffic light from top to bottom.", "Red, amber, green",
                "Green, amber, red")).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_match_a_list_item_by_the_initials_of_all_its_words() {
        assertThat(decide("Name the three cloud service models.", "IaaS, PaaS, SaaS",
                "Platform as a Service, Software as a Service, Infrastructure as a Service"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Name the three cloud service models.", "IaaS, PaaS, SaaS",
                "Platform as a Service, Software as a Service, Functions as a Service"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }
    @Test
    void should_read_roman_numerals_of_a_graded_series_as_numbers() {
        assertThat(decide("Which kind of diabetes is autoimmune?", "Type I diabetes", "Type II diabetes"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which trial phase tests efficacy at scale?", "Phase III", "Phase 3"))
                .isEqualTo(Equivalence.Decision.SAME);
        // a name's numeral is the name's: "World War II" holds no rival number to 1945
        assertThat(decide("When did the war end in Europe?", "8 May 1945", "World War II ended in Europe on May 8, 1945."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_on_and_off_as_opposites() {
        assertThat(decide("What does the switch do at dusk?", "It turns on the lights.", "It turns off the lights."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_split_short_sentences_that_differ_in_their_one_content_word() {
        assertThat(decide("What does the job do with old backups?", "It compresses them.", "It deletes them."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What does the job do with old backups?", "It erases them.", "It deletes them."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }
    @Test
    void should_read_common_compound_names_and_polyatomic_ions_against_a_formula() {
        assertThat(decide("What is propane's formula?", "C3H8", "Propane.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What is propane's formula?", "C3H8", "Butane.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is chalk made of?", "CaCO₃", "calcium carbonate")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What is chalk made of?", "CaCO₃", "calcium sulfate")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is in the fertiliser?", "KNO3", "potassium nitrite")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is washing soda?", "Na2CO3", "sodium bicarbonate")).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_compare_interval_notation_with_inequalities_by_the_range() {
        assertThat(decide("Write x between 2 and 5, 5 included, in interval notation.", "(2, 5]", "2 < x ≤ 5"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Write x between 2 and 5, 5 included, in interval notation.", "(2, 5]", "2 ≤ x ≤ 5"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Write the positive reals in interval notation.", "(0, ∞)", "All real x with x > 0."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Write the positive reals in interval notation.", "(0, ∞)", "All real x with x >= 0."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Write the reals below 1 in interval notation.", "(-∞, 1)", "x < 1"))
                .isEqualTo(Equivalence.Decision.SAME);
        // a point, an interval backwards, or two inequalities that are no one range are left to the other rules
        assertThat(Intervals.range("(7, 3)")).isNull();
        assertThat(Intervals.range("x > 1 and y < 4")).isNull();
        assertThat(Intervals.range("the limit is " + "9".repeat(400))).isNull();
    }
    @Test
    void should_read_powers_said_in_words() {
        assertThat(decide("What is the speed of light in m/s?", "3 × 10^8", "Three times ten to the eighth."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What is the speed of light in m/s?", "3 × 10^8", "Three times ten to the ninth."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is 2^10?", "1024", "Two to the power of ten.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What is a milli-?", "10^-3", "Ten to the minus three.")).isEqualTo(Equivalence.Decision.SAME);
    }
    @Test
    void should_read_a_name_shortened_or_with_a_title_as_the_same_name() {
        assertThat(decide("Who founded the company?", "Chris Lattner founded it in 2010.",
                "Christopher Lattner founded it in 2010.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Who led the expedition?", "Ed Hillary led the expedition.",
                "Sir Edmund Hillary led the expedition.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which club plays at Anfield?", "Liverpool Football Club plays there.",
                "Liverpool FC plays there.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // another surname is another person, a title or not
        assertThat(decide("Who led the expedition?", "Sir Edmund Hillary led it.", "Sir Edmund Hill led it."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Who was the president then?", "Andrew Johnson was.", "Andrew John was."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }
    @Test
    void should_read_scaled_amounts_and_durations_in_words() {
        assertThat(decide("How many people attended?", "About 7,500", "Roughly seven and a half thousand."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What was the revenue?", "$3.4B", "3,400 million dollars")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What was the revenue?", "$3.4M", "3,400 million dollars"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("How long is the flight?", "36 hours", "A day and a half.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How long is the flight?", "90 minutes", "An hour and a half.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How long is the flight?", "60 minutes", "An hour and a half."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // one of a unit before "and" and a number is the larger part of one compound quantity
        assertThat(decide("How long is the drive?", "25 minutes", "About an hour and 25 minutes."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("How long is the drive?", "85 minutes", "About an hour and twenty-five minutes."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How tall is the shelf?", "14 inches", "A foot and two inches.")).isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_a_clause_opening_with_none_as_denying_its_label() {
        assertThat(decide("Did any check fail?", "None of the checks failed.", "Not all of the checks passed."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Did any check fail?", "None of the checks failed.", "All of the checks passed."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_a_name_wordnet_gives_as_the_same_entity_in_a_near_identical_sentence() {
        assertThat(decide("Which country is the most populous in Europe?", "Russia is the most populous in Europe.",
                "The Russian Federation is the most populous in Europe.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which country is the most populous in Europe?", "Russia is the most populous in Europe.",
                "Germany is the most populous in Europe.")).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_split_notation_and_words_where_only_one_raises_a_variable_to_a_power() {
        assertThat(decide("What is the area of a square of side s?", "s²", "Four times s."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is the area of a square of side s?", "s²", "s times s.")).isNotEqualTo(
                Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is the perimeter of a square of side s?", "4s", "s squared"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // a power of ten or of a unit is no variable's
        assertThat(decide("How many molecules are in a mole?", "6.022 × 10^23", "About six point zero two two times ten "
                + "to the twenty-third.")).isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_split_a_short_answer_from_a_first_clause_pointing_at_another_kind_of_the_thing_asked() {
        assertThat(decide("What kind of cloud brings thunderstorms?", "Cumulonimbus", "That's a cirrus cloud."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which bin does garden waste go into?", "Compost", "It goes in the landfill bin."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which bin do glass jars go into?", "Recycling", "They go in the recycling bin."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // a description in words of its own is left to the meaning
        assertThat(decide("Which planet is the Red Planet?", "Mars", "That's the fourth planet from the Sun."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_hostile_code_without_overflowing_the_stack_or_reading_long_code_for_idioms() throws Exception {
        // a provider's answer of dotted names: read in a thread with a small stack, as a worker thread may have
        String dotted = "a.".repeat(990) + "a";
        AtomicReference<Throwable> failed = new AtomicReference<>();
        AtomicReference<String> read = new AtomicReference<>();
        Thread reader = new Thread(null, () -> {
            try {
                read.set(Code.idiomatic(dotted + ".length() == 0"));
            } catch (Throwable e) {
                failed.set(e);
            }
        }, "small-stack", 128 * 1024);
        reader.start();
        reader.join();
        assertThat(failed.get()).isNull();
        assertThat(read.get()).isEqualTo(dotted + ".isEmpty()");
        // longer code is read as written: its idioms are a line or two, and some patterns cost the square of the length
        String longCode = "x".repeat(Code.MAX_IDIOM_CHARS) + " s.length() == 0";
        assertThat(Code.idiomatic(longCode)).isEqualTo(longCode);
    }

    @Test
    void should_read_a_statement_put_as_a_question_as_a_yes_no_question() {
        // a tag "yes?", a lead-in "So", "Just to confirm:", or a statement with a question mark
        assertThat(decide("The museum opens on Mondays, yes?", "Yes, it opens on Mondays.",
                "The museum doesn't open on Mondays.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("So a 301 redirect is permanent?", "Correct: 301 Moved Permanently.",
                "A 301 isn't permanent; it is a temporary redirect.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Just to confirm: the ferry leaves at noon?", "Yes, it does.",
                "The ferry doesn't leave at noon.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("The ferry leaves from pier 4 on weekdays?", "Yes.", "It leaves from pier 4."))
                .isEqualTo(Equivalence.Decision.SAME);
        // a question asking what, which or how is no such statement
        assertThat(Question.of("So what does a 301 redirect mean?").yesNo()).isFalse();
        assertThat(Question.of("The ferry leaves from pier 4 on weekdays?").yesNo()).isTrue();
        assertThat(Question.of("Magna Carta was sealed in 1215. Correct?").claim()).isEqualTo("magna carta was sealed in 1215");
    }

    @Test
    void should_read_a_comparative_against_the_opposite_of_its_word() {
        assertThat(decide("Is copper heavier than aluminium?", "Yes, copper is heavier than aluminium.",
                "Copper is lighter than aluminium.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(AnswerText.opposite(AnswerText.stem("faster"), AnswerText.stem("slowly"))).isTrue();
        assertThat(AnswerText.opposite(AnswerText.stem("hottest"), AnswerText.stem("cold"))).isTrue();
        // "costs" is no opposite of "cheaper"
        assertThat(AnswerText.opposite(AnswerText.stem("cheaper"), AnswerText.stem("costs"))).isFalse();
    }

    @Test
    void should_read_the_subject_said_to_be_another_kind_of_thing_as_a_no() {
        assertThat(decide("Is sucrose a monosaccharide?", "Yes, sucrose is a simple sugar, a monosaccharide.",
                "Sucrose is a disaccharide of glucose and fructose.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Are wolves herbivores?", "Yes, wolves are herbivores.", "Wolves are carnivores."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // a kind of what the question names is no other kind
        assertThat(decide("Is a raspberry a fruit?", "Yes, it is a fruit.", "A raspberry is an aggregate berry."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_an_intensifier_in_place_of_a_verb_as_no_contradiction() {
        assertThat(decide("Light travels faster than sound, right?", "Absolutely.",
                "Light is vastly faster than sound.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Light travels faster than sound, right?", "Absolutely.",
                "Light is vastly slower than sound.")).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_keep_sharps_and_flats() {
        assertThat(decide("Which notes make up an E minor triad?", "E, G, B", "E–G♯–B"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which notes make up an E major triad?", "E, G#, B", "E–G♯–B"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_set_aside_what_a_comparison_measures_against() {
        assertThat(decide("Which is the largest desert on Earth?", "Sahara",
                "Antarctica is the largest, covering far more area than the Sahara."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which is the largest hot desert on Earth?", "Sahara",
                "The Sahara is the largest, larger than the Arabian Desert."))
                .isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_not_read_a_negated_first_clause_as_another_answer() {
        assertThat(decide("Classify this animal: whale — fish, mammal or bird?", "Mammal.",
                "A whale is not a fish; it is a mammal.")).isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_split_near_identical_code_with_a_few_tokens_more_and_join_sql_first_rows() {
        assertThat(decide("Python: sort the words by length and then alphabetically, longest first.",
                "`result = sorted(words, key=lambda w: (len(w), w), reverse=True)`",
                "`result = sorted(words, key=lambda w: (len(w), w))`")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("SQL: count the orders of each customer.",
                "`SELECT customer_id, COUNT(*) FROM orders GROUP BY customer_id`",
                "`SELECT customer_id, COUNT(DISTINCT customer_id) FROM orders GROUP BY customer_id`"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("SQL: the 3 oldest users.", "SELECT * FROM users ORDER BY age DESC LIMIT 3;",
                "SELECT TOP 3 * FROM users ORDER BY age DESC;")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("SQL: the 3 oldest users.", "SELECT * FROM users ORDER BY age DESC LIMIT 3",
                "SELECT * FROM users ORDER BY age DESC FETCH FIRST 3 ROWS ONLY")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(Code.idiomatic("SELECT TOP 3 * FROM users ORDER BY age DESC;"))
                .isEqualTo("SELECT * FROM users ORDER BY age DESC LIMIT 3");
    }

    @Test
    void should_read_a_misconception_corrected_after_but_as_the_correction() {
        assertThat(decide("Who composed the Moonlight Sonata?", "Mozart",
                "It is often attributed to Mozart, but it was composed by Beethoven."))
                .isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Who composed the Moonlight Sonata?", "Mozart",
                "Many credit Mozart with it, but it was actually Beethoven.")).isNotEqualTo(Equivalence.Decision.SAME);
        // a plain "but" still sets aside what follows it
        assertThat(decide("Who composed the Moonlight Sonata?", "Beethoven",
                "Beethoven composed it, but Mozart wrote many sonatas too.")).isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_set_aside_the_side_beaten_and_what_happens_next() {
        assertThat(decide("Which team won the 2022 World Cup?", "France",
                "Argentina won the 2022 World Cup final in Lusail, beating France."))
                .isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which organ makes urine?", "The bladder",
                "Urine is made by the kidneys and then stored in the bladder.")).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_split_a_short_name_from_a_sentence_giving_another_kind_written_as_a_name() {
        // "Portuguese" is looked up as written, not as its stem
        assertThat(decide("What language is 'Muito obrigado'?", "Spanish", "That phrase is Portuguese."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What language is 'Muito obrigado'?", "Portuguese", "That phrase is Portuguese."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_an_opposite_negated_as_the_word_itself() {
        assertThat(decide("Is the board wide enough?", "The board is too narrow.", "The board isn't wide enough."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is the soup ready to serve?", "The soup is too cold to serve.",
                "The soup isn't hot enough to serve.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is the board wide enough?", "The board is too narrow.", "The board is wide enough."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_a_slash_date_in_the_order_its_answer_names_or_a_number_over_twelve_gives() {
        assertThat(decide("When is the deadline?", "05/06/2025 (MM/DD/YYYY)", "June 5, 2025"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("When is the deadline?", "05/06/2025 (MM/DD/YYYY)", "May 6, 2025"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("When is the deadline?", "06/25/2025", "25 June 2025")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("When is the deadline?", "25/06/2025", "June 26, 2025")).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_an_iso_date_time_with_an_offset_as_its_instant_in_utc() {
        assertThat(decide("When was the release, in UTC?", "2024-03-01T09:30:00+01:00", "1 March 2024, 08:30 UTC"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("When was the release, in UTC?", "2024-03-01T00:30:00+02:00", "1 March 2024, 00:30 UTC"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_alternatives_in_brackets_or_before_a_colon() {
        assertThat(decide("Classify the rock: a dark, fine-grained volcanic rock (basalt, granite, or marble).",
                "Granite.", "It's basalt.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Even or odd: 77?", "Odd.", "77 is not even.")).isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_give_every_number_of_a_dimension_the_unit_after_the_last() {
        assertThat(decide("How big is a US letter sheet?", "216 × 279 mm", "21.6 cm by 27.9 cm"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How big is a US letter sheet?", "216 × 279 mm", "216 cm by 27.9 cm"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_a_recurring_decimal_as_its_value_and_an_ellipsis_after_one_digit_as_cut_short() {
        assertThat(decide("What is 2/3 as a decimal?", "0.666… (repeating)", "0.6 recurring"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is 2/3 as a decimal?", "0.6 recurring", "0.6"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(Quantities.parse("2.71...").get(0).value()).isEqualTo(2.71);
    }

    @Test
    void should_read_a_verb_wordnet_defines_by_the_other_as_no_contradiction() {
        assertThat(decide("What did the clerk do with the invoices?", "She sorted the invoices by date.",
                "She arranged the invoices by date.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("How did the residents respond to the plan?", "The residents protested the plan.",
                "The residents objected to the plan.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // a definition by an opposite is no synonym ("reject": "refuse to accept")
        assertThat(decide("What did the board do with the offer?", "The board accepted the offer.",
                "The board rejected the offer.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(Lexical.glossed("reject", "accept")).isFalse();
    }

    @Test
    void should_read_an_answer_of_many_slash_dates_in_time_linear_in_its_length() {
        // each date's format is looked for beside it, not in the whole answer
        String dates = "01/02/2000 ".repeat(60_000) + "(MM/DD/YYYY)";
        List<Quantities.Quantity> read = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Quantities.parse(dates));
        assertThat(read).hasSizeGreaterThanOrEqualTo(60_000);
    }

    @Test
    void should_compare_key_value_text_by_its_pairs_in_any_syntax_and_order() {
        assertThat(decide("Give the database connection settings as key-value pairs.", "host=localhost; port=5432",
                "port: 5432, host: localhost")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Give the screen size as key-value pairs.", "width=1920, height=1080",
                "width: 1080, height: 1920")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Extract the order as key-value pairs.", "order_id: 1042, total: 59.97, currency: USD",
                "{\"currency\": \"USD\", \"total\": 59.970, \"order_id\": 1042}")).isEqualTo(Equivalence.Decision.SAME);
        // keys in another case, unquoted pairs in braces
        assertThat(decide("List the book's metadata as key-value pairs.", "title: Dune; author: Frank Herbert; year: 1965",
                "Author = Frank Herbert, Title = Dune, Year = 1965")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Return the database server settings as YAML.", "host: localhost, port: 5432, ssl: false",
                "{host: localhost, port: 5432, ssl: true}")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // keys that are one key in lower case are not folded ("AA", "Aa", "aa")
        assertThat(decide("Output the genotype counts as JSON.", "{\"AA\": 25, \"Aa\": 50, \"aa\": 25}",
                "{\"AA\": 50, \"Aa\": 25, \"aa\": 25}")).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_key_value_text_of_hostile_length_in_linear_time() {
        String pairs = "k" + "=v; k".repeat(200_000) + "=v";
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> AnswerKey.structured(pairs))).isNull();
        String unclosed = "a=\"" + "x, ".repeat(300);
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> AnswerKey.structured(unclosed))).isNull();
        // within the length read: as many pairs as fit, and as many quotes and separators
        StringBuilder built = new StringBuilder();
        for (int k = 0; built.length() + 24 < KeyValueText.MAX_LENGTH; k++) {
            built.append("key").append(k).append(" = \"v, ").append(k).append("\"; ");
        }
        String many = built.toString();
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> AnswerKey.structured(many)).size())
                .isGreaterThan(100);
        String quotes = "'\",;:=".repeat(KeyValueText.MAX_LENGTH / 7);
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> AnswerKey.structured(quotes))).isNull();
    }

    @Test
    void should_match_a_list_item_or_a_name_with_its_clipped_or_contracted_form_that_is_no_word_of_its_own() {
        assertThat(decide("What are the three macronutrients?", "Carbs, protein, fat", "Fats, proteins and carbohydrates."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which firms are the Big Four accounting firms?", "Deloitte, PwC, EY and KPMG.",
                "KPMG, Ernst & Young, PricewaterhouseCoopers and Deloitte.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which company makes the Windows operating system?", "Microsoft", "MSFT"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which country is Dublin the capital of?", "Ireland", "Iran"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // "Java" is a word of its own, not "JavaScript" cut short
        assertThat(decide("Which languages does the team use?", "Java, Python, Go", "JavaScript, Python, Go"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_tell_one_item_from_a_list_that_holds_it_and_more() {
        assertThat(decide("Which countries share a land border with Portugal?", "Spain", "Spain and France"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which mobile platforms does the app support?", "iOS and Android", "Android only"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // a sentence cut at its commas is no list of answers
        assertThat(decide("Which data structure uses LIFO order?", "Stack", "A stack follows last-in, first-out order."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which countries share a land border with France?", "Spain and Belgium", "Belgium and Spain"))
                .isEqualTo(Equivalence.Decision.SAME);
        // items set apart by semicolons are a list too, and one of them in place of another a different list
        assertThat(decide("Which planets have rings?", "Jupiter; Saturn; Uranus; Neptune", "Jupiter, Saturn, Uranus, Mars"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // fields and their values set apart by semicolons are no list of answers
        assertThat(Equivalence.items(null, "product: apples; stock: 12; price: 3")).isNull();
    }

    @Test
    void should_read_two_names_of_one_thing_in_a_later_sense_as_no_two_kinds() {
        // WordNet's first sense of "Russia" is the Soviet Union; a later one is the Russian Federation
        assertThat(decide("What is the largest country in the world by area?", "Russia", "The Russian Federation"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is the largest country in the world by area?", "Russia", "Canada"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_a_statement_that_answers_the_claim_with_another_name_as_a_no() {
        assertThat(decide("Shakespeare wrote 'Pride and Prejudice', didn't he?", "Yes, he did.",
                "'Pride and Prejudice' was written by Jane Austen and published in 1813."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Did Shakespeare write Don Quixote?", "Yes.", "Don Quixote was written by Miguel de Cervantes."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // the name referred to, or said later, is the claim's
        assertThat(decide("Did Shakespeare write Hamlet?", "Yes.", "He wrote Hamlet around 1600, while living in London."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Did Shakespeare write Hamlet?", "Yes.",
                "Hamlet, written around 1600 in London, is one of Shakespeare's tragedies.")).isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_negations_said_in_other_words() {
        assertThat(decide("Was the exam difficult?", "The exam was hard.", "The exam was far from easy."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is this function thread-safe?", "This function is not thread-safe.",
                "This function is far from thread-safe.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is the patient's condition stable?", "The patient's condition is stable.",
                "The patient's condition is anything but stable.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Did the senator support the bill?", "The senator supported the bill.",
                "The senator was hardly a supporter of the bill.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // what follows ", even" adds to the answer, it does not turn it ("small" is no opposite of the question's "large")
        assertThat(decide("Is the river navigable by large ships?", "The river is navigable by large ships.",
                "The river is hardly navigable, even for small boats.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is the soil suitable for growing blueberries?", "The soil is too alkaline to be suitable for blueberries.",
                "The soil isn't suitable for blueberries because it's too alkaline.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is the vaccine effective against the new variant?", "The vaccine remains effective against the new variant.",
                "The vaccine is no longer effective against the new variant.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Did the witness recognise the suspect?", "The witness did not fail to recognise the suspect.",
                "The witness recognised the suspect.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Does caffeine improve alertness?", "Caffeine does improve alertness in most people.",
                "It isn't true that caffeine fails to improve alertness in most people.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Did the witness recognise the suspect?", "The witness failed to recognise the suspect.",
                "The witness recognised the suspect.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // a distance is no negation
        assertThat(AnswerText.spelledNegations("the hotel is far from the beach")).isEqualTo("the hotel is far from the beach");
        assertThat(AnswerText.spelledNegations("the result was far from significant"))
                .isEqualTo("the result was not significant");
    }

    @Test
    void should_read_a_negated_word_for_something_going_wrong_as_a_yes() {
        assertThat(decide("Is the train on schedule?", "Yes, the train is on schedule.", "The train isn't running late."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Did the court approve the settlement?", "Yes, the court approved it.",
                "The court did not reject the settlement.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Is the firmware update compatible with the old routers?", "Yes, it is compatible with them.",
                "The firmware update doesn't break the old routers.")).isEqualTo(Equivalence.Decision.SAME);
        // not when the question asks about the thing going wrong, nor after the "non" of a term
        assertThat(decide("Did the shipment get delayed?", "Yes, it was delayed by two days.", "The shipment wasn't late."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is this socket call synchronous?", "No, the call returns at once.", "It's a non-blocking call."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_an_alternative_ruled_out_after_a_comma_as_no_negation_of_the_answer() {
        assertThat(decide("Ottawa is the capital of Canada, isn't it?", "That's right.",
                "Canada's capital is Ottawa, not Toronto as many visitors think.")).isEqualTo(Equivalence.Decision.SAME);
        // the alternative ruled out is what the question asks: the "not" answers it
        assertThat(decide("Was the treaty signed in Paris?", "Yes, it was.", "The treaty was signed at Versailles, not in Paris."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_tell_a_bare_label_from_a_statement_that_gives_another_as_what_something_is() {
        assertThat(decide("Which organ produces insulin?", "Liver", "The pancreas is the organ that produces insulin."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which planet is closest to the Sun?", "Venus", "Mercury is the planet closest to the Sun."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // the statement's label is the other's, or one WordNet gives for it: left to the other rules
        assertThat(decide("What do you call a young cat?", "Kitten", "The word is kitty."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which planet is closest to the Sun?", "Mercury", "Mercury is the planet closest to the Sun."))
                .isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_an_equation_of_letters_alone_as_notation() {
        assertThat(decide("State Ohm's law.", "V = IR", "V = I/R")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("State Ohm's law.", "V = IR", "IR = V")).isEqualTo(Equivalence.Decision.SAME);
        // a word in it, or a number, is not notation alone
        assertThat(decide("What is the value of x?", "x = 5", "x = 5.0")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_a_year_of_two_digits_after_an_apostrophe_in_a_date() {
        assertThat(decide("When did Apollo 11 land on the Moon?", "20 July 1969", "July 20th, '69"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("When did Apollo 11 land on the Moon?", "20 July 1959", "July 20th, '69"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // a year ahead of this one by ten at most is this century's; a decade is no year
        assertThat(Quantities.parse("1 may '21")).extracting(Quantities.Quantity::value).contains(2021.0);
        assertThat(Quantities.parse("in may of the '80s")).extracting(Quantities.Quantity::value).doesNotContain(1980.0);
    }

    @Test
    void should_read_a_list_of_options_by_letter_or_by_text() {
        String question = "Select all that apply: which of these are mammals? A) Shark B) Dolphin C) Bat D) Trout";
        assertThat(decide(question, "B and C", "Dolphin and bat")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(question, "B and C", "Dolphin, shark")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide(question, "B, C", "C and B")).isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_a_stressed_echo_of_the_question_verb_as_its_yes_or_no() {
        assertThat(decide("Can a cat see in complete darkness?", "No, they need at least a little light.",
                "They definitely can't.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Does the museum open on Mondays?", "Yes, from ten to six.", "It certainly does."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Does the museum open on Mondays?", "No, it is closed on Mondays.", "It certainly does."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_what_is_asked_kept_out_as_a_no() {
        assertThat(decide("Does the warranty cover water damage?", "No, it does not.",
                "Water damage is excluded from the warranty.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Does the JSON parser accept comments?", "No, it does not.", "It rejects them."))
                .isEqualTo(Equivalence.Decision.SAME);
        // something else kept out says nothing of what is asked
        assertThat(decide("Does the warranty cover water damage?", "No, it does not.",
                "Water damage is covered; only theft is excluded.")).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_tell_code_that_behaves_differently_where_its_tokens_hide_it() {
        assertThat(decide("Python: get the last element of the list xs.", "xs[-1]", "xs[len(xs)]"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Bash: delete all .tmp files in the current directory only.", "rm -- *.tmp",
                "find . -name '*.tmp' -delete")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // one directory both ways
        assertThat(decide("Bash: delete all .tmp files in the current directory only.", "rm -- *.tmp",
                "find . -maxdepth 1 -name '*.tmp' -delete")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Python: get the last element of the list xs.", "xs[-1]", "xs[len(xs) - 1]"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("JavaScript: sort an array of numbers nums in ascending order.", "nums.sort((a, b) => a - b)",
                "nums.sort()")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Python: sort words alphabetically, ignoring case.", "sorted(words, key=str.lower)",
                "sorted(words)")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("SQL: list the ids of customers who have no orders.",
                "SELECT c.id FROM customers c LEFT JOIN orders o ON o.customer_id = c.id WHERE o.id IS NULL;",
                "SELECT c.id FROM customers c JOIN orders o ON o.customer_id = c.id WHERE o.id IS NULL;"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // an anti-join written another way has no join to compare
        assertThat(decide("SQL: list the ids of customers who have no orders.",
                "SELECT c.id FROM customers c LEFT JOIN orders o ON o.customer_id = c.id WHERE o.id IS NULL;",
                "SELECT id FROM customers WHERE NOT EXISTS (SELECT 1 FROM orders WHERE orders.customer_id = customers.id);"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("SQL: average salary per department, only where the average is above 50000.",
                "SELECT dept, AVG(salary) FROM emp GROUP BY dept HAVING AVG(salary) > 50000;",
                "SELECT dept, AVG(salary) FROM emp WHERE salary > 50000 GROUP BY dept;"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Java: check whether Strings a and b have the same contents.", "a.equals(b)", "a == b"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // the same operands, in either order; in JavaScript == compares strings by value, so only a Java question counts
        assertThat(Code.referenceAndContents("a.equals(b)", "a == b")).isTrue();
        assertThat(Code.referenceAndContents("a.equals(a)", "a == a")).isTrue();
        assertThat(Code.referenceAndContents("a.equals(b)", "a == c")).isFalse();
        assertThat(Code.java("JavaScript: compare strings a and b.")).isFalse();
    }

    @Test
    void should_read_a_label_that_reads_as_a_no_as_the_label_to_a_classification() {
        assertThat(decide("Classify the sentiment of: 'The food was cold and the waiter was rude.'", "Negative",
                "This review expresses dissatisfaction with the experience.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Classify the sentiment of: 'The food was great.'", "Negative",
                "This review expresses satisfaction with the experience.")).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_what_the_answer_overtook_as_no_answer() {
        assertThat(decide("Which country has the largest population as of 2024?", "China",
                "India overtook China in 2023 and now has the largest population in the world."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which country has the largest population as of 2024?", "India",
                "India overtook China in 2023 and now has the largest population in the world."))
                .isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_tell_short_formulas_apart_unless_only_their_order_differs() {
        assertThat(decide("What is the circumference of a circle of radius r?", "2πr", "πr²"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is the SI unit of jerk?", "m/s³", "m/s²")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Write 'x is an element of the set A' in set notation.", "x ∈ A", "x ⊂ A"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Write the overall equation for photosynthesis.", "6CO2 + 6H2O → C6H12O6 + 6O2",
                "C6H12O6 + 6O2 → 6CO2 + 6H2O")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("State the Pythagorean theorem.", "a² + b² = c²", "c² = b² + a²"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What is the formula for kinetic energy?", "KE = ½mv²", "KE = 1/2mv²"))
                .isEqualTo(Equivalence.Decision.SAME);
        // numbers, a noble-gas core and a derivative written out are read by other rules
        assertThat(decide("Write one million in scientific notation.", "1 × 10^6", "1e6"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is the electron configuration of oxygen?", "1s² 2s² 2p⁴", "[He] 2s2 2p4"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is the derivative of x^2?", "2x", "d/dx(x²) = 2x")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_tell_two_bare_labels_apart_that_share_no_word_and_that_wordnet_does_not_relate() {
        assertThat(decide("What genre is Metallica's 'Master of Puppets'?", "Thrash metal", "Punk rock"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Classify the market structure of airliner manufacturing.", "Oligopoly", "Monopolistic competition"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // related in WordNet, one word's family, or glossed in brackets: left to the other rules
        assertThat(decide("How tired does the patient report feeling?", "Fatigue", "Tiredness"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Classify the customer intent: 'I want to cancel my subscription.'", "Cancellation request",
                "cancel_subscription")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Detect the language: '¿Dónde está la biblioteca?'", "Spanish", "es (Español)"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_tell_long_answers_apart_whose_first_sentences_choose_different_alternatives() {
        assertThat(decide("Should I rent or buy a flat if I will stay in the city for twenty years?",
                "Buying usually comes out ahead over two decades. Rent rises with the market, while a mortgage payment "
                        + "stays put and the flat is yours once it is paid off, so the total cost ends lower.",
                "Over twenty years, renting is the smarter move. Owners pay for repairs, insurance and taxes, and the "
                        + "money tied up in a deposit would grow more in an index fund, so the total cost ends lower."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Should I use a spinlock or a semaphore to guard a tiny critical section?",
                "For a critical section that short, a spinlock is usually the right tool. Waiting a few cycles is "
                        + "cheaper than putting the thread to sleep and waking it up again.",
                "Reach for a semaphore. Spinning burns a core while it waits, and on a busy machine the holder may be "
                        + "descheduled, so the waiting thread wastes its whole time slice."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // the same alternative, one set aside, a negation or a comparison: no choice told apart here
        assertThat(decide("Should I rent or buy a flat if I will stay in the city for twenty years?",
                "Buying usually comes out ahead over two decades. Rent rises with the market, while a mortgage payment "
                        + "stays put and the flat is yours once it is paid off.",
                "You should buy rather than keep renting. Over that time the payments build equity that rent never "
                        + "does, and the mortgage payment stays put while rents rise."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Should I use a spinlock or a semaphore to guard a tiny critical section?",
                "For a critical section that short, a spinlock is usually the right tool. Waiting a few cycles is "
                        + "cheaper than putting the thread to sleep and waking it up again.",
                "Don't use a semaphore for this. Putting the thread to sleep and waking it again costs far more than "
                        + "the few cycles a spinlock waits on a section that short."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Should I use a spinlock or a semaphore to guard a tiny critical section?",
                "For a critical section that short, a spinlock is usually the right tool. Waiting a few cycles is "
                        + "cheaper than putting the thread to sleep and waking it up again.",
                "A semaphore costs more than a spinlock here. Sleeping and waking the thread takes far longer than the "
                        + "few cycles a spinlock spends waiting on a section that short."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_the_choices_a_question_offers_as_the_words_each_alternative_has_alone() {
        assertThat(Question.of("Is it cheaper to lease or buy a car if I plan to keep it for 10 years?").choices())
                .containsExactly(Set.of("leas"), Set.of("buy", "car"));
        assertThat(Question.of("Should I pay off my debt or invest my spare money?").choices())
                .containsExactly(Set.of("pay", "off", "debt"), Set.of("invest", "spar", "money"));
        assertThat(Question.of("Should I learn Python or JavaScript first?").choices())
                .containsExactly(Set.of("python"), Set.of("javascript"));
        // no choice asked: a why-question, a yes/no question
        assertThat(Question.of("Why do muscles get sore a day or two after exercise?").choices()).isEmpty();
        assertThat(Question.of("Is the Eiffel Tower in Paris?").choices()).isEmpty();
    }

    @Test
    void should_tell_a_short_name_from_a_short_sentence_that_opens_with_another() {
        assertThat(decide("Who wrote 'One Hundred Years of Solitude'?", "Gabriel García Márquez",
                "Jorge Luis Borges, the Argentine Nobel nominee.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which body sets the key interest rate for the eurozone?", "The ECB",
                "The Federal Reserve (the Fed).")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // initials, a name as a modifier, a name further on, a language by its own name: left to the other rules
        assertThat(decide("Which agency forecasts the weather in the US?", "NOAA",
                "The National Oceanic and Atmospheric Administration")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("In which city is the Colosseum?", "Rome", "The Italian capital"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which planet is the largest?", "Jupiter", "The fifth planet from the Sun"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What language is this sentence: 'Wo ist der Bahnhof?'", "German", "It's written in Deutsch."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_split_long_answers_whose_first_clauses_approve_and_warn() {
        String question = "Is it safe to swim right after eating a big meal?";
        String approves = "Swimming right after a meal is safe for nearly everyone. The old warning about cramps has "
                + "no good evidence behind it, so there is no need to wait an hour.";
        String warns = "Swimming straight after a big meal is risky. Blood flow shifts towards digestion, and a cramp "
                + "in deep water can turn into trouble quickly, so wait at least half an hour.";
        String alsoApproves = "It's fine to swim after eating, even after a big meal. Cramps from a full stomach are "
                + "rare, and the advice to wait an hour was never backed by evidence.";
        assertThat(verdict(question, approves, warns).decision()).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(verdict(question, approves, alsoApproves).decision()).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // a question whether something is wrong turns the words round: "harmless" is a no, "best avoided" a yes
        String wrong = "Is caffeine harmful during pregnancy?";
        String harmless = "Moderate amounts are considered harmless by most guidelines. Up to about 200 mg a day, "
                + "roughly two cups of coffee, has not been linked to problems for the baby.";
        String avoided = "Caffeine is best avoided while pregnant. It crosses the placenta, the baby cannot break it "
                + "down well, and high intake has been linked to low birth weight.";
        assertThat(verdict(wrong, harmless, avoided).decision()).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(YesNo.verdict("moderate amounts are considered harmless", Question.of(wrong))).isEqualTo("no");
        assertThat(YesNo.verdict("it is not safe", Question.of(question))).isEqualTo("no");
    }

    @Test
    void should_tell_long_answers_apart_that_open_alike_and_then_give_other_reasons() {
        String question = "Why do cats purr?";
        String content = "Cats purr mainly because they are content and relaxed. The sound is a signal to other cats "
                + "and to people that all is well, which is why it is heard most while they are stroked.";
        String bone = "Cats purr mainly because a small bone in the throat rattles. Air rushing past it as the cat "
                + "breathes makes it shake, and the shaking is what you hear as a purr.";
        String contentToo = "Cats purr mainly because they feel content and safe. It tells people and other cats that "
                + "the animal is at ease, which is why you hear it most while stroking one.";
        assertThat(verdict(question, content, bone).rule()).startsWith("first sentences give other reasons");
        assertThat(verdict(question, content, contentToo).decision()).isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_what_is_asked_gone_wrong_as_a_no() {
        assertThat(decide("Did the runner finish the marathon?", "Yes, she finished it.",
                "She missed the marathon cut-off and stopped at mile 20.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Did the runner finish the marathon?", "No, she didn't finish it.",
                "She missed the marathon cut-off and stopped at mile 20.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // asked in those words, they are the question's own: a yes
        assertThat(decide("Did the team miss the deadline?", "Yes, they missed it.", "The team missed the deadline."))
                .isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_two_formulas_that_agree_wherever_evaluated_as_one() {
        assertThat(decide("What is the sum of the first n odd numbers times n?", "n(n² + n)", "n³ + n²"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Write the cube root of 5 as a power.", "5^(1/3)", "5^0.3333333333333"))
                .isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Write the square root of 3 as a power.", "3^(1/2)", "3^0.5")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Expand (x + 1)².", "x² + 2x + 1", "x² + x + 1")).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_the_first_alternative_without_the_preposition_before_it() {
        assertThat(decide("Is this email about sales, customer support, or legal review: \"Can you send a quote?\"",
                "Sales", "Legal review")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(Question.alternatives("is this email about sales, customer support, or legal review"))
                .containsExactly(List.of("sale"), List.of("customer", "support"), List.of("legal", "review"));
    }

    @Test
    void should_tell_a_yes_that_goes_on_from_a_statement_naming_another() {
        assertThat(decide("Shakespeare wrote 'Pride and Prejudice', didn't he?", "Yes, he wrote it as a young man.",
                "'Pride and Prejudice' was written by Jane Austen.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Austen wrote 'Pride and Prejudice', didn't she?", "Yes, she wrote it as a young woman.",
                "'Pride and Prejudice' was written by Jane Austen.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_a_short_verdict_on_safety_and_colloquial_noes() {
        assertThat(decide("Can cats safely eat onions?", "No, onions are toxic to cats.",
                "In small amounts they're harmless.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Can cats safely eat onions?", "No, onions are toxic to cats.",
                "Onions are toxic to cats, even cooked.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Can I open the case without voiding the warranty?", "Yeah, no — that voids it.",
                "Sure, go ahead.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Should I eat yoghurt a week past its date?", "Better not, it's past the date.",
                "No, it's past the date.")).isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_a_weekday_of_a_month_of_a_year_as_its_date() {
        assertThat(decide("When is the meeting?", "The first Tuesday of March 2022.", "March 1, 2022"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("When is the meeting?", "The first Tuesday of March 2022.", "March 8, 2022"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(Quantities.weekdayDates("the last friday in may, 2024")).isEqualTo("the may 31 2024");
        assertThat(Quantities.weekdayDates("on the 2nd sunday of march 2024 at 2 a.m."))
                .isEqualTo("on the march 10 2024 at 2 a.m.");
        // no fifth Monday in February 2025; no year, no date
        assertThat(Quantities.weekdayDates("the fifth monday of february 2025")).isEqualTo("the fifth monday of february 2025");
        assertThat(Quantities.weekdayDates("the first saturday in may")).isEqualTo("the first saturday in may");
    }

    @Test
    void should_read_an_hour_with_its_part_of_the_day_as_a_time() {
        assertThat(decide("When does the shop open?", "9 am", "At 9 in the morning.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("When does the shop open?", "9 pm", "At 9 in the morning."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("When does the last train leave?", "23:00", "At 11 at night.")).isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_a_move_out_of_what_is_asked_as_no_state_out_of_it() {
        Question castling = Question.of("So you can't castle while your king is in check?");
        assertThat(Equivalence.Reading.of("You can't castle out of check.", castling).polarity).isEqualTo("yes");
        assertThat(decide("Is the blue jacket in stock?", "No.", "It's out of stock until March."))
                .isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_tell_two_things_put_the_other_way_round_apart() {
        assertThat(decide("Which came first?", "The chicken came before the egg.", "The egg came before the chicken."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is Saturn bigger than Jupiter?", "Yes.", "Jupiter is bigger than Saturn."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is Jupiter bigger than Saturn?", "Yes.", "Jupiter is bigger than Saturn."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Did the buyer pay the seller?", "Yes, the buyer paid the seller in full.",
                "The seller paid the buyer in full.")).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_a_list_a_symmetric_relation_the_passive_and_a_reworded_phrase_as_no_swap() {
        assertThat(WordOrder.swapped("salt and pepper go on the table", "pepper and salt go on the table", false)).isNull();
        assertThat(WordOrder.swapped("canada borders the united states", "the united states borders canada", false))
                .isNull();
        assertThat(WordOrder.swapped("the lease allow pets", "pets are allowed under the lease", true)).isNull();
        assertThat(WordOrder.swapped("the policy allows remote work", "the policy allows work remotely", false)).isNull();
        assertThat(WordOrder.swapped("the mean is more robust than the median", "the median is more robust than the mean",
                false)).isEqualTo("mean and median");
    }

    @Test
    void should_read_a_yes_said_in_other_words_and_a_qualified_one() {
        assertThat(decide("Confirm: the museum opens at nine on Sundays?", "Confirmed.",
                "On Sundays the museum opens its doors at 9 a.m.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Marie Curie won two Nobel Prizes, right?", "Yes, that's accurate.",
                "She received the Nobel Prize twice, in physics and in chemistry.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Is Mount Everest about 8,800 m high?", "Yes, that's correct, roughly.",
                "Everest rises to about 8,849 metres above sea level.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Is Mount Everest about 8,800 m high?", "Yes, that's correct, roughly.",
                "Everest is not that tall.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(AnswerText.stance("you are — the polls close at 8 p.m.").value()).isEqualTo("yes");
        assertThat(AnswerText.stance("you are the one who asked").present()).isFalse();
    }

    @Test
    void should_read_a_unit_after_a_degree_sign_and_a_name_in_a_compound_as_no_other_name() {
        assertThat(decide("Is it true that ice melts at 0 °C at normal pressure?", "Yes, that's true.",
                "At standard pressure ice melts at 0 degrees Celsius.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Does light from the Moon take about a second to reach Earth?", "That's right.",
                "Moonlight takes roughly 1.3 seconds to travel to Earth.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(Question.of("Is it 100 °C?").proposed()).isEmpty();
    }

    @Test
    void should_cover_what_rounds_to_an_approximate_single_digit() {
        assertThat(decide("How long does sunlight take to reach Earth?", "About 8 minutes.",
                "8 minutes and 20 seconds")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How long does sunlight take to reach Earth?", "About 8 minutes.",
                "9 minutes")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("How many bones does an adult have?", "About 300.", "270"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("How long does sunlight take to reach Earth?", "8 minutes.", "8 minutes and 20 seconds"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_a_language_by_its_code_or_its_name() {
        assertThat(decide("Which language is this: 'Merci beaucoup'?", "fr", "It is written in French."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which language is this: 'Tack så mycket'?", "sv", "Swedish, I think."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which language is mostly spoken in Mexico?", "Spanish", "Most Mexicans speak Portuguese."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // several languages, a negation, a code inside a sentence, another question: left to the other rules
        assertThat(Languages.compare(reading("German"), reading("German, French, Italian and Romansh"),
                Question.of("Which language is spoken in Switzerland?"))).isNull();
        assertThat(Languages.compare(reading("Not French"), reading("French"), Question.of("Which language is this?")))
                .isNull();
        assertThat(Languages.named(List.of("it", "is", "no", "joke"))).isEmpty();
        assertThat(Languages.compare(reading("Spanish"), reading("Portuguese"), Question.of("What is she studying?")))
                .isNull();
    }

    @Test
    void should_read_neither_of_two_poles_as_the_neutral_label() {
        assertThat(decide("What is the sentiment of: 'It arrived. It works.'", "Neutral", "Neither positive nor negative."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Where does the author stand on the bill?", "Neither for nor against it.", "Against it."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_one_before_a_noun_as_the_whole_answer_as_a_number() {
        assertThat(decide("How many stars would you give it (1-5)?", "1", "One star.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How many stars would you give it (1-5)?", "2", "One star.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(Quantities.parse("one of them")).isEmpty();
        // a hostile tail after "One" is read in one pass
        String tail = "One star" + "!".repeat(1_000_000);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThat(Quantities.parse(tail)).hasSize(0));
        assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThat(WordOrder.swapped("a b c ".repeat(100_000), "c b a ".repeat(100_000), true)).isNull());
    }

    private static Equivalence.Reading reading(String answer) {
        return Equivalence.Reading.of(answer, Question.NONE);
    }

    @Test
    void should_read_a_short_answer_after_its_formula_its_initials_or_the_subject_by_another_name() {
        assertThat(decide("Which gas do fish take from water?", "Oxygen", "Fish take in O2, oxygen, through their gills."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which gas do fish take from water?", "Oxygen", "Fish take in CO2, and oxygen, through their gills."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which body regulates civil aviation in the US?", "Federal Aviation Administration",
                "In the US, the FAA, the Federal Aviation Administration, regulates it."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Who painted 'The Night Watch'?", "Rembrandt",
                "De Nachtwacht, known in English as The Night Watch, was painted by Rembrandt."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Who painted 'The Night Watch'?", "Rembrandt",
                "Vermeer, a rival of his, painted it, not Rembrandt."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_set_aside_the_relative_clause_of_what_an_answer_concedes() {
        assertThat(decide("Which language is mostly spoken in Mozambique?", "Swahili",
                "Unlike its neighbours, which mostly speak Swahili, Mozambique's official language is Portuguese."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(Equivalence.coreText("unlike its neighbours, which speak swahili, it speaks portuguese.",
                Question.of(null)))
                .isEqualTo("it speaks portuguese. ");
    }

    @Test
    void should_read_the_designator_an_answer_states_not_one_it_sets_aside() {
        assertThat(decide("Which vaccine-preventable hepatitis spreads through contaminated food?", "Hepatitis A",
                "Contaminated food spreads hepatitis E, whereas hepatitis A is mostly blood-borne."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which vaccine-preventable hepatitis spreads through contaminated food?", "Hepatitis A",
                "Hepatitis A spreads through contaminated food, whereas hepatitis B is blood-borne."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_a_name_by_its_initials_as_that_name() {
        assertThat(decide("Who wrote 'The Hobbit'?", "It was written by J.R.R. Tolkien.", "It was written by John Tolkien."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Who wrote 'The Hobbit'?", "It was written by J.R.R. Tolkien.", "It was written by Christopher Tolkien."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which is the main airport of north Texas?", "The main one is DFW.", "The main one is Dallas Fort Worth International."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which company made the Saturn console?", "Sega made it.", "Sony made it."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_tell_long_answers_apart_that_say_the_same_of_another_name_first() {
        String question = "What keeps the planets in their orbits?";
        String sun = "The planets are held in their orbits mainly by the Sun's gravity pulling on them. Without that pull "
                + "each planet would fly off in a straight line, so the orbit is a balance between its speed and the pull "
                + "towards the centre.";
        String jupiter = "The planets are held in their orbits mainly by Jupiter's gravity acting on them. Being the "
                + "largest planet, it steers the others, and without it they would drift apart over a few thousand years.";
        String sunAgain = "Mostly the Sun's gravity. It bends each planet's straight-line motion into a closed orbit, and "
                + "the planet's speed keeps it from falling in, so the two balance over each year.";
        assertThat(decide(question, sun, jupiter)).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide(question, sun, sunAgain)).isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_the_first_words_of_a_reason_after_a_copula_said_otherwise() {
        String question = "Why do onions make you cry?";
        String enzyme = "Onions make you cry because of an enzyme reaction. Cutting them releases a sulfur compound "
                + "that turns into a gas, and the gas reaches your eyes and irritates them, so they water.";
        String juice = "Onions really make you cry because their juice squirts into your eyes when you cut them. The "
                + "more you press with a blunt knife, the more juice flies out, which is why a sharp knife helps.";
        assertThat(decide(question, enzyme, juice)).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_relate_two_verbs_through_a_word_of_the_first_sense_of_one() {
        assertThat(decide("What did the council do about the parking charge?", "The council abolished the parking charge.",
                "The council scrapped the parking charge.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What did they do with the legacy module?", "They removed the legacy module.",
                "They got rid of the legacy module.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What would the bill do to the levy?", "It would abolish the levy.", "It would eliminate the levy."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("How did the patient do after the operation?", "The patient recovered slowly.",
                "The patient relapsed slowly.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What should you do to the chocolate first?", "Soften the chocolate first.",
                "Melt the chocolate first.")).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_what_is_asked_ruled_out_as_a_no() {
        assertThat(decide("Can you take the logarithm of zero in the real numbers?", "No.",
                "The logarithm of zero is undefined in the real numbers.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Can you take the logarithm of zero in the real numbers?", "Yes.",
                "The logarithm of zero is undefined in the real numbers.")).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_tell_apart_the_same_words_around_another_name_when_one_answer_is_short() {
        assertThat(decide("Which body issues the weather warnings?", "The Met Office issues them.", "The BBC issues them."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which organization maintains the list of endangered species?", "The IUCN maintains it.",
                "The World Wildlife Fund maintains it.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is the chess opening 1.e4 e5 2.Nf3 Nc6 3.Bc4 called?", "Italian Game",
                "That's the Scotch Game.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Who won the 1903 Nobel Prize in Physics with her husband?", "Marie Curie",
                "Maria Sklodowska-Curie")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_join_more_common_idioms_and_only_when_they_do_the_same() {
        assertThat(decide("Python: does path end with '.csv'?", "path.endswith('.csv')", "path[-4:] == '.csv'"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Python: does url start with 'ftp'?", "url.startswith('ftp')", "url[:3] == 'ftp'"))
                .isEqualTo(Equivalence.Decision.SAME);
        // a slice shorter than the literal never equals it
        assertThat(decide("Python: does url start with 'ftp'?", "url.startswith('ftp')", "url[:2] == 'ftp'"))
                .isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("JavaScript: unique values of ids", "Array.from(new Set(ids))", "[...new Set(ids)]"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("SQL: orders of 10 to 20 items", "SELECT id FROM orders WHERE qty BETWEEN 10 AND 20",
                "SELECT id FROM orders WHERE qty >= 10 AND qty <= 20")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("SQL: orders of 10 to 20 items", "SELECT id FROM orders WHERE qty BETWEEN 10 AND 20",
                "SELECT id FROM orders WHERE qty > 10 AND qty < 20")).isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Java: the smaller of x and y", "return Math.min(x, y);", "return x < y ? x : y;"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Java: the smaller of x and y", "return Math.min(x, y);", "return x > y ? x : y;"))
                .isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Python: is k even?", "k % 2 == 0", "not k & 1")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Python: map each name to its first letter", "{n: n[0] for n in names}",
                "dict((n, n[0]) for n in names)")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("CSS: normal weight for the caption", "font-weight: normal;", "font-weight: 400;"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("CSS: normal weight for the caption", "font-weight: normal;", "font-weight: 700;"))
                .isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Bash: the first 20 lines of log.txt", "sed -n '1,20p' log.txt", "head -20 log.txt"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Bash: the first 20 lines of log.txt", "sed -n '1,20p' log.txt", "tail -n 20 log.txt"))
                .isNotEqualTo(Equivalence.Decision.SAME);
        // one side read as prose: the other's idiom rewritten to it
        assertThat(decide("Git: throw away my edits to main.c", "git checkout -- main.c", "git restore main.c"))
                .isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_hostile_code_for_the_new_idioms_in_linear_time() {
        String[] hostile = {"s[:4] == '" + "a".repeat(1900), "dict((" .repeat(300), "a BETWEEN " .repeat(190),
            "x > y ? " .repeat(240), "sed -n '1," + "9".repeat(1900), "kubectl get " .repeat(160), " -ab" .repeat(490),
            "a".repeat(1990) + " = a", "x = x + " .repeat(240), "map(lambda x: " .repeat(140), "list((" .repeat(330),
            "sum((a for a in b" .repeat(110), "reduce(lambda a, b: a + " .repeat(80), "s = set(); r = [x for x in "
            .repeat(70), "x in range(" .repeat(180), "for (int i = 0; i < " .repeat(95), "[ 0 :" .repeat(300),
            "copy.deepcopy(" .repeat(140) + ".copy(", "sorted(" .repeat(280) + "reversed(", "grep " + "--ignore-case "
            .repeat(140), "ls " .repeat(600), " -a" .repeat(600), "docker run " .repeat(180), "math.sqrt(" .repeat(190),
            "x if x >= 0 else " .repeat(110), "a[a.length - " .repeat(150), "s.find(" .repeat(280), "=> { return "
            .repeat(150), "color: #abc" .repeat(180), "SELECT a FROM t GROUP BY " .repeat(75), "typeof x === " .repeat(140)};
        long start = System.nanoTime();
        for (String text : hostile) {
            assertThat(Code.idiomatic(text)).isNotNull();
            decide("Python: check it", text, text + " ");
        }
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }

    @Test
    void should_tell_apart_code_that_looks_among_values_or_counts_without_groups() {
        assertThat(decide("Python: is 'admin' one of the keys of roles?", "'admin' in roles", "'admin' in roles.values()"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Python: is 'admin' one of the keys of roles?", "'admin' in roles", "'admin' in roles.keys()"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("SQL: how many tickets does each agent have?",
                "SELECT agent_id, COUNT(*) FROM tickets GROUP BY agent_id;", "SELECT COUNT(agent_id) FROM tickets;"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // a snippet too short to read as code against a command that searches the whole tree
        assertThat(decide("Shell: list every .log file below this directory.", "find . -name '*.log'", "ls *.log"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_electron_configurations_written_in_any_notation() {
        String question = "What is the ground-state electron configuration of sodium?";
        assertThat(decide(question, "1s2 2s2 2p6 3s1", "[Ne] 3s¹")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(question, "1s² 2s² 2p⁶ 3s¹", "1s^2 2s^2 2p^6 3s^1")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(question, "1s2 2s2 2p6 3s1", "[Ne] 3s2")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide(question, "1s² 2s² 2p⁶ 3s¹", "1s2 2s2 2p5 3s2")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // a subshell named in prose is no configuration; two configurations in one answer are not read as one
        assertThat(Orbitals.configuration("The next electron goes into the 2p subshell.")).isNull();
        assertThat(Orbitals.configuration("Oxygen is 1s2 2s2 2p4 and neon is 1s2 2s2 2p6.")).isNull();
        assertThat(Orbitals.configuration("x".repeat(10_000) + " 1s2 2s2")).isNull();
    }

    @Test
    void should_join_a_formula_and_the_same_formula_said_in_words_and_only_that() {
        assertThat(decide("What is the derivative of x cubed?", "3x²", "It is three times x squared."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What is the area of a circle of radius r?", "πr²", "The area is pi times r squared."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What is the sum of the first n odd numbers plus n?", "n(n+1)", "n times (n plus one)"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What is the area of a circle of radius r?", "πr²", "The area is two times pi times r."))
                .isNotEqualTo(Equivalence.Decision.SAME);
        // a comma leaves the grouping open, and a word that is no formula reads nothing
        assertThat(SpokenMath.formula("n times n plus one, divided by two")).isNull();
        assertThat(SpokenMath.formula("the mass times the velocity squared")).isNull();
        assertThat(SpokenMath.formula("the derivative of x squared is two times x.")).isEqualTo("2*x");
        assertThat(SpokenMath.formula("half of n times (n plus one)")).isEqualTo("(1/2)*n*(n+1)");
        assertThat(SpokenMath.formula("x times ".repeat(100_000))).isNull();
    }

    @Test
    void should_read_a_short_yes_before_its_condition_and_a_denied_claim_as_a_no() {
        assertThat(decide("Does Git track empty directories?", "No, Git only tracks files.",
                "It doesn't, unless you put a placeholder file such as .gitkeep in them.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Does SQLite support foreign keys?", "Yes, it does.",
                "It does, but not by default: run PRAGMA foreign_keys = ON.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Did Napoleon stand unusually short?", "No, he was of average height for his time.",
                "It's a myth that he was unusually short; British cartoons made him so.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Did Napoleon stand unusually short?", "Yes.",
                "It is not true that he was unusually short.")).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_a_name_said_again_after_i_e_and_a_name_with_its_adjective_as_one() {
        assertThat(decide("Who is the head of state of the United Kingdom?", "The monarch.",
                "The Sovereign, i.e. the monarch, is the head of state.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Who is the head of state of the United Kingdom?", "The monarch.",
                "The Prime Minister, while the monarch only reigns.")).isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Where do emperor penguins breed?", "Antarctica", "The Antarctic coast."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_in_after_feet_as_inches_and_elsewhere_as_a_preposition() {
        assertThat(decide("How tall is the player?", "1.85 m", "about 6 ft 1 in")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How tall is the player?", "1.85 m", "about 6 ft 5 in")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(Quantities.parse("6 ft 1 in")).hasSize(1);
        // "in" after a number that follows no feet is the preposition ("3 in 10 people")
        assertThat(Quantities.parse("3 in 10 people").get(0).unit()).isNull();
    }

    @Test
    void should_read_fuel_consumption_in_litres_per_100_km_and_miles_per_gallon_as_one_quantity() {
        String question = "How much fuel does the hatchback use?";
        assertThat(decide(question, "6 L/100 km", "roughly 39 mpg (US)")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(question, "6 L/100 km", "about 47 mpg imperial")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(question, "6 L/100 km", "roughly 30 mpg")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // the 100 of "per 100 km" is part of the unit, no number of its own
        assertThat(Quantities.parse("6 l/100 km")).hasSize(1);
        assertThat(Quantities.parse("0 mpg")).extracting(Quantities.Quantity::unit).doesNotContain(Quantities.FUEL);
    }

    @Test
    void should_join_commands_and_statements_spelt_two_standard_ways() {
        assertThat(decide("Kubernetes: list the pods in kube-system.", "kubectl get po -n kube-system",
                "kubectl get pods -n kube-system")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Kubernetes: restart the deployment api.", "kubectl rollout restart deploy/api",
                "kubectl rollout restart deployment api")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Kubernetes: restart the deployment api.", "kubectl rollout restart deploy/api",
                "kubectl rollout restart deployment web")).isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Shell: delete the build directory and everything in it.", "rm -rf build", "rm -fr build"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Shell: delete the build directory and everything in it.", "rm -r -f build", "rm -rf build"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Shell: delete the build directory and everything in it.", "rm -rf build", "rm -f build"))
                .isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Docker: list the running containers.", "docker container ls", "docker ps"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Git: create and switch to branch fix.", "git switch -c fix", "git checkout -b fix"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Curl: fetch with a 5-second timeout.", "curl --max-time=5 http://h", "curl --max-time 5 http://h"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("SQL: users not in Paris.", "SELECT * FROM users WHERE city <> 'Paris'",
                "SELECT * FROM users WHERE city != 'Paris'")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Java: add one to count.", "count = count + 1;", "count++;")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Java: add one to count.", "count = count + 1;", "count = count + 2;"))
                .isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Java: the square of side.", "Math.pow(side, 2)", "side * side")).isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_join_emptiness_copies_and_comparisons_with_none_said_two_ways() {
        assertThat(decide("Python: is the list queue empty?", "len(queue) == 0", "not queue")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("JavaScript: is items empty?", "!items.length", "items.length === 0"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("JavaScript: is items empty?", "!items.length", "items.length === 1"))
                .isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Java: is name blank?", "name.trim().isEmpty()", "name.isBlank()")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("JavaScript: copy the array rows.", "rows.slice()", "[...rows]")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("JavaScript: the current time in ms.", "new Date().getTime()", "Date.now()"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Python: n as a string.", "f'{n}'", "str(n)")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Python: is result missing?", "result == None", "result is None")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Python: is result missing?", "result != None", "result is None")).isNotEqualTo(Equivalence.Decision.SAME);
        // short prose is not read for idioms (each pair would run every pattern over both answers)
        assertThat(Code.commandLike("The capital of France is Paris.")).isFalse();
        assertThat(Code.commandLike("docker container ls")).isTrue();
        assertThat(Code.commandLike("rm -rf build")).isTrue();
    }

    @Test
    void should_join_double_negations_ranges_from_zero_and_other_standard_rewrites() {
        assertThat(decide("SQL: orders with no ship date.", "SELECT id FROM orders WHERE shipped_at IS NULL",
                "SELECT id FROM orders WHERE NOT (shipped_at IS NOT NULL)")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("SQL: orders with no ship date.", "SELECT id FROM orders WHERE shipped_at IS NULL",
                "SELECT id FROM orders WHERE NOT (shipped_at IS NULL)")).isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Python: loop over the first n indices.", "for i in range(n):", "for i in range(0, n):"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Python: loop over the first n indices.", "for i in range(n):", "for i in range(1, n):"))
                .isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("JavaScript: is value set?", "value !== undefined && value !== null", "value != null"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Java: id as a string.", "String.valueOf(id)", "\"\" + id")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Shell: count the lines of app.log.", "cat app.log | wc -l", "wc -l < app.log"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("JavaScript: does ids hold id?", "ids.some(x => x === id)", "ids.includes(id)"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Python: scores from highest to lowest.", "sorted(scores)[::-1]", "sorted(scores, reverse=True)"))
                .isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_join_sums_maps_dedups_and_bounds_written_two_ways_and_tell_apart_other_numbers_copies_and_sorts() {
        assertThat(decide("Python: the sum of squares of nums.", "sum(x*x for x in nums)", "sum(map(lambda x: x**2, nums))"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Python: squares of nums as a list.", "[n * 2 for n in nums]", "list(map(lambda n: n * 2, nums))"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Python: the sum of squares of nums.", "sum(x*x for x in nums)", "sum(map(lambda x: x**3, nums))"))
                .isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Python: total of xs.", "def total(xs): return sum(xs)",
                "def total(xs): return functools.reduce(operator.add, xs, 0)")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Python: total of xs.", "sum(xs)", "reduce(lambda a, b: a + b, xs)"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Python: product of xs.", "sum(xs)", "reduce(operator.mul, xs, 1)"))
                .isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Python: remove duplicates from xs, keeping the order.", "list(dict.fromkeys(xs))",
                "seen = set(); result = [x for x in xs if not (x in seen or seen.add(x))]"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("C: loop i from 1 to 10 inclusive.", "`for (int i = 1; i <= 10; i++)`",
                "`for (int i = 1; i < 11; ++i)`")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("C: loop i from 1 to 10 inclusive.", "`for (int i = 1; i <= 10; i++)`",
                "`for (int i = 1; i < 10; ++i)`")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Python: is x between 1 and 10 inclusive?", "1 <= x <= 10", "x in range(1, 11)"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Python: is x between 1 and 10 inclusive?", "1 <= x <= 10", "x in range(1, 10)"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // numbers that differ in otherwise the same short code; a slice from zero is the slice from the start
        assertThat(decide("Python: the first 3 characters of s.", "`s[:3]`", "`s[1:4]`")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Python: the first 3 characters of s.", "`s[:3]`", "`s[0:3]`")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(Code.otherNumbers("range(10)", "range(1, 10)")).isTrue();
        assertThat(Code.otherNumbers("xs[:3]", "ys[:3]")).isFalse();
        // a deep copy and a shallow one; a sort and a reversal of the order as it is
        assertThat(decide("Python: copy the nested list grid.", "import copy; g2 = copy.deepcopy(grid)", "g2 = grid.copy()"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("JavaScript: copy the nested object o.", "const c = structuredClone(o);", "const c = { ...o };"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("How do I reverse a list in Python?", "items.sort(reverse=True)", "list(reversed(items))"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("How do I reverse a list in Python?", "items[::-1]", "list(reversed(items))"))
                .isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_an_anchored_regular_expression_and_an_unanchored_one_as_a_search_would() {
        assertThat(decide("Regex: a string that is exactly a five-digit ZIP code.", "^\\d{5}$", "\\d{5}"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Regex: a string that is exactly a five-digit ZIP code.", "^\\d{5}$", "^[0-9]{5}$"))
                .isEqualTo(Equivalence.Decision.SAME);
        // both unanchored: matched against the whole string, as before
        assertThat(decide("Regex: one or more digits.", "[0-9]+", "\\d{1,}")).isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_join_list_items_that_wordnet_gives_as_one_noun_sense() {
        assertThat(decide("Name the five traditional senses.", "sight, hearing, smell, taste, touch",
                "vision, audition, olfaction, gustation and touch")).isEqualTo(Equivalence.Decision.SAME);
        // verbs that share a sense are no such items ("put" and "post")
        assertThat(decide("Which HTTP methods are idempotent?", "GET, PUT, DELETE", "GET, POST, DELETE"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Name the five traditional senses.", "sight, hearing, smell, taste, touch",
                "vision, audition, olfaction, gustation and balance")).isNotEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_join_textbook_rewrites_and_long_options_and_keep_their_near_misses_apart() {
        String[][] same = {
            {"Python: the square root of x.", "math.sqrt(x)", "x ** 0.5"},
            {"JavaScript: the square root of x.", "Math.sqrt(x)", "Math.pow(x, 0.5)"},
            {"Python: a divided by b, rounded down.", "math.floor(a / b)", "a // b"},
            {"Python: the absolute value of n.", "abs(n)", "n if n >= 0 else -n"},
            {"JavaScript: the last element of arr.", "arr[arr.length - 1]", "arr.at(-1)"},
            {"Java: is the list non-empty?", "!items.isEmpty()", "items.size() > 0"},
            {"Java: is s the empty string?", "s.isEmpty()", "s.equals(\"\")"},
            {"Python: does text contain 'ab'?", "'ab' in text", "text.find('ab') != -1"},
            {"JavaScript: is x undefined?", "x === undefined", "typeof x === 'undefined'"},
            {"C: decrement n.", "n--;", "n -= 1;"},
            {"JavaScript: double each number.", "nums.map(n => { return n * 2; })", "nums.map(n => n * 2)"},
            {"Java: is o null?", "Objects.isNull(o)", "o == null"},
            {"Shell: does config.yml exist as a file?", "test -f config.yml", "[ -f config.yml ]"},
            {"SQL: each city once.", "SELECT city FROM customers GROUP BY city", "SELECT DISTINCT city FROM customers"},
            {"CSS: white text.", "color: #fff;", "color: #FFFFFF;"},
            {"Shell: delete the build directory and everything in it.", "rm --recursive --force build", "rm -rf build"},
            {"Shell: search for TODO in src, ignoring case.", "grep -ri todo src", "grep --recursive --ignore-case todo src"},
            {"Shell: extract archive.tar.gz.", "tar -xzf archive.tar.gz", "tar --extract --gzip --file archive.tar.gz"},
            {"Docker: run nginx in the background.", "docker run --detach nginx", "docker run -d nginx"},
            {"Node: add jest as a dev dependency.", "npm i --save-dev jest", "npm install -D jest"},
        };
        for (String[] pair : same) {
            assertThat(decide(pair[0], pair[1], pair[2])).as(pair[1] + " / " + pair[2]).isEqualTo(Equivalence.Decision.SAME);
        }
        String[][] apart = {
            {"Python: the cube root of x.", "math.sqrt(x)", "x ** (1/3)"},
            {"Python: the absolute value of n.", "abs(n)", "n if n >= 0 else n"},
            {"JavaScript: the last element of arr.", "arr[arr.length - 2]", "arr.at(-1)"},
            {"C: decrement n.", "n--;", "n -= 2;"},
            {"SQL: each city once.", "SELECT city FROM customers GROUP BY city", "SELECT city FROM customers"},
            {"Shell: delete the build directory and everything in it.", "rm --recursive build", "rm -rf build"},
            // one letter means two things: "-t" is a tag to docker build and a terminal to docker run
            {"Docker: build the image web.", "docker build --tty web .", "docker build -t web ."},
        };
        for (String[] pair : apart) {
            assertThat(decide(pair[0], pair[1], pair[2])).as(pair[1] + " / " + pair[2]).isNotEqualTo(Equivalence.Decision.SAME);
        }
    }

    @Test
    void should_read_a_verb_as_a_synonym_among_its_first_eight_senses() {
        assertThat(decide("What did the company do?", "The company lowered its Q3 guidance.", "The company cut its Q3 guidance."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("How should I prepare the paint?", "Stir the paint thoroughly.", "Mix the paint thoroughly."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What did the company do?", "The company lowered its Q3 guidance.", "The company raised its Q3 guidance."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("How should I prepare the paint?", "Stir the paint thoroughly.", "Thin the paint thoroughly."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_a_law_said_in_words_against_its_notation() {
        assertThat(decide("State Newton's second law.", "F = ma", "Force equals mass times acceleration."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What is Ohm's law?", "V = IR", "Voltage equals current multiplied by resistance."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("State the ideal gas law.", "PV = nRT",
                "Pressure times volume equals the number of moles times the gas constant times the absolute temperature."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What is the formula for kinetic energy?", "KE = ½mv²",
                "Kinetic energy equals one half times mass times velocity squared.")).isEqualTo(Equivalence.Decision.SAME);
        // the half left out, said with or without its left side
        assertThat(decide("What is the formula for kinetic energy?", "KE = ½mv²", "Kinetic energy is mass times velocity squared."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is the formula for kinetic energy?", "KE = ½mv²", "mass times velocity squared"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("State Newton's second law.", "F = ma", "Force equals mass divided by acceleration."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // one law rearranged by a ratio of its sides
        assertThat(decide("State the ideal gas law.", "P = nRT/V", "PV = nRT")).isEqualTo(Equivalence.Decision.SAME);
        // words no quantity names: nothing decided here
        assertThat(SpokenMath.equation("the answer is mass times the thing")).isNull();
        assertThat(SpokenMath.equation("force equals " + "mass times ".repeat(40) + "acceleration")).isNull();
    }

    @Test
    void should_read_time_signatures_as_written_and_ratios_by_their_value() {
        assertThat(decide("What is the time signature of a march in common time?", "4/4", "2/2"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is the time signature of a waltz?", "3/4", "It's in 3/4 time."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Simplify the ratio 4:6.", "2:3", "4 to 6")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What is the ratio of boys to girls?", "2:3", "3:2")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // elsewhere a fraction is its value
        assertThat(decide("What is 4/4 as a whole number?", "4/4", "2/2")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_tell_apart_css_that_keeps_space_own_properties_and_lengths_in_bytes() {
        assertThat(decide("CSS: hide the banner and free its space.", "visibility: hidden;", "display: none;"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("JavaScript: does obj have its own property id?", "Object.hasOwn(obj, 'id')", "'id' in obj"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("JavaScript: does obj have its own property id?", "Object.hasOwn(obj, 'id')",
                "obj.hasOwnProperty('id')")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Rust: how many characters are in s?", "s.chars().count()", "s.len()"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Go: how many characters are in s?", "utf8.RuneCountInString(s)", "len([]rune(s))"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_compare_lists_whose_items_say_a_word_twice() {
        // an item's words as a set, "Bora Bora" once: it had thrown IllegalArgumentException (duplicate element)
        assertThat(decide("Name three islands of French Polynesia.", "Bora Bora, Tahiti and Moorea",
                "Tahiti, Moorea and Raiatea")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Name three islands of French Polynesia.", "Bora Bora, Tahiti and Moorea",
                "Moorea, Tahiti and Bora-Bora")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_tell_apart_answers_that_say_how_often_two_steps_apart_on_the_scale() {
        assertThat(decide("How often does the patient get migraines?", "She gets migraines frequently.",
                "She hardly ever gets migraines.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Does list.sort() return the sorted list?",
                "It never returns the list; it returns None after sorting in place.",
                "It always returns the list after sorting in place.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // one step apart is wording; a step before a verb of failing, or negated, is not read
        assertThat(decide("How often does the backup run?", "It usually runs at night.", "It always runs at night."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Does the algorithm always terminate?", "The algorithm never fails to terminate.",
                "The algorithm always terminates.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(Scale.HOW_OFTEN.step("it doesn't always work")).isEqualTo(Scale.MIXED);
        assertThat(Scale.HOW_OFTEN.step("it rarely works, but often fails")).isEqualTo(Scale.MIXED);
        assertThat(Scale.HOW_OFTEN.step("it almost never happens")).isEqualTo(1);
        assertThat(Scale.HOW_OFTEN.step("it works")).isEqualTo(Scale.NONE);
    }

    @Test
    void should_tell_apart_a_phrasal_verb_from_its_opposite_particle() {
        assertThat(verdict("What did the ops team do with the new deployment?", "They rolled back the deployment.",
                "They rolled out the deployment.").rule()).startsWith("one phrasal verb in place of its opposite");
        assertThat(decide("What should I do with the router?", "Turn it off.", "Turn it on."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // particles that are no opposites are left to the other rules
        assertThat(verdict("What should I do with the form?", "Fill in the form.", "Fill out the form.").rule())
                .doesNotStartWith("one phrasal verb");
    }

    @Test
    void should_read_labels_of_urgency_priority_and_toxicity_however_they_are_written() {
        // "non-urgent" is routine, and not urgent
        assertThat(decide("Triage category for \"mild sneezing during hay fever season\"?", "Non-urgent", "Emergency"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What triage level fits: \"mild sore throat, no fever\"?",
                "Non-urgent; home care or a routine GP appointment is fine.",
                "This should be treated as urgent and seen in the emergency department."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Triage category for \"a sprained ankle\"?", "Non-urgent", "Routine"))
                .isEqualTo(Equivalence.Decision.SAME);
        // the top of a priority scale, however it is said
        assertThat(decide("What priority should this bug get: 'Users can't log in with SSO'?",
                "This is a top-priority, drop-everything issue.", "I'd mark it critical, P1."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Assign a priority (P1-P4) to this incident: 'Checkout is down in the EU.'", "P1",
                "This should be treated as a priority-one incident.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Assign a priority (P1-P4) to this ticket: 'Typo on the About page.'", "P4", "Top priority."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Toxicity label for: 'Great point, I hadn't considered that.'", "Not toxic", "Benign"))
                .isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_tell_apart_answers_that_say_how_much_of_a_whole_two_steps_apart() {
        assertThat(verdict("Do most mammals lay eggs?", "Most mammals give birth to live young.",
                "Few mammals give birth to live young.").rule()).isEqualTo("how much of it, two steps apart");
        assertThat(decide("How many of the tests pass?", "All of the tests pass.", "Some of the tests pass."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // one step apart, or a word of the scale in an idiom ("at all", "the most"), is wording
        assertThat(verdict("How many users are affected?", "Most users are affected.",
                "Nearly all users are affected.").rule()).doesNotStartWith("how much");
        assertThat(Scale.HOW_MUCH.step("it is the most common cause")).isEqualTo(Scale.NONE);
        assertThat(Scale.HOW_MUCH.step("it doesn't hurt at all")).isEqualTo(Scale.NONE);
        assertThat(Scale.HOW_MUCH.step("a few of them")).isEqualTo(2);
        assertThat(Scale.HOW_MUCH.step("few of them")).isEqualTo(1);
        assertThat(Scale.HOW_MUCH.step("not all of them")).isEqualTo(Scale.MIXED);
    }

    @Test
    void should_read_verbs_of_a_measure_going_up_or_down_as_one_way_or_the_other() {
        // the same number gone the other way: the number alone had made them one answer
        assertThat(decide("What happened to the company's stock after the earnings report?", "The stock plunged 12%.",
                "The stock jumped 12%.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What happened to sales last quarter?", "Sales rose by 5%.", "Sales fell by 5%."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What happened to the company's stock after the earnings report?", "The stock plunged 12%.",
                "The stock tumbled 12%.")).isEqualTo(Equivalence.Decision.SAME);
        // two verbs of one way are one action
        assertThat(decide("What happened to the shares after the earnings report?", "The shares plunged.",
                "The shares plummeted.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("How did the market react?", "Stocks climbed sharply.", "Stocks dropped sharply."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // a date said around the same year is not moved by this
        assertThat(decide("When was the company founded?", "In the spring of 1998.", "The company was founded in 1998."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_a_time_signature_said_in_words() {
        assertThat(decide("What is the usual time signature of a waltz?", "3/4",
                "Three beats per bar, with the quarter note getting one beat")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What time signature is a waltz usually written in?", "3/4",
                "Three crotchet beats per bar, i.e. three-four time.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What time signature is a march usually written in?", "4/4", "Common time."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What time signature is a jig usually written in?", "3/4", "Six-eight time."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What time signature is a waltz usually written in?", "3/4",
                "Three beats per bar, with the half note getting one beat.")).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_not_read_a_verb_that_opens_an_answer_in_the_imperative_as_a_name() {
        assertThat(verdict("What should I do with my password after the data breach notice?", "Change your password.",
                "Reset your password.").rule()).doesNotStartWith("one name in place of another");
        assertThat(verdict("What should I do if the smoke alarm keeps chirping?", "Replace the battery.",
                "Swap out the battery.").rule()).doesNotStartWith("one name in place of another");
        // names after the verb stay names
        assertThat(verdict("Who should I call about the invoice?", "Call Mark.", "Call Bill.").decision())
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_a_date_said_in_ordinals_and_a_span_of_years_beside_its_range() {
        assertThat(decide("When did the armistice ending World War I take effect?", "11 November 1918, at 11 a.m.",
                "At the eleventh hour of the eleventh day of the eleventh month of 1918."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("When did the armistice ending World War I take effect?", "11 November 1918",
                "On the twelfth day of the eleventh month of 1918.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(Quantities.ordinalDates("the first day of the thirteenth month")).isEqualTo(
                "the first day of the thirteenth month");
        // how long the range lasts is no rival number; another number is
        assertThat(decide("Over what period did the Hundred Years' War take place?", "116 years, from 1337 to 1453",
                "From 1337 until 1453.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Over what period did the Hundred Years' War take place?", "120 years, from 1337 to 1453",
                "From 1337 until 1453.")).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_not_read_a_name_shortened_word_for_word_as_another_name() {
        assertThat(verdict("Which football club is nicknamed 'the Red Devils'?", "Manchester United", "Man Utd").rule())
                .isNotEqualTo("different names");
        // single letters are no shortened words
        assertThat(decide("Which notes make up a D minor triad?", "D, F, A", "D–F♯–A"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(verdict("Which football club plays at Anfield?", "Liverpool", "Everton").rule())
                .isEqualTo("different names");
    }

    @Test
    void should_read_blood_types_with_their_rh_factor_in_any_notation() {
        assertThat(decide("Which ABO/Rh blood types can receive red cells from an A-positive donor?", "A+ and AB+",
                "AB positive and A positive")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which blood type is the universal plasma donor?", "AB+", "AB negative"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which blood type is the universal red cell donor?", "O\u2212", "Type O negative"))
                .isEqualTo(Equivalence.Decision.SAME);
        // "A-positive" is positive, not "A-"
        assertThat(decide("Which blood types can receive red cells from an A-positive donor?",
                "A-positive and AB-positive", "A+ and AB+")).isEqualTo(Equivalence.Decision.SAME);
        // elsewhere these are grades, not blood types
        assertThat(verdict("What grade did she get?", "A-", "A+").rule()).isNotEqualTo("the same blood types");
    }

    @Test
    void should_split_an_answer_that_states_what_the_other_only_sets_aside() {
        assertThat(verdict("Is late blight of tomatoes caused by a fungus?", "Yes, late blight is caused by a fungus.",
                "Late blight is caused by Phytophthora infestans, a water mold (oomycete) rather than a true fungus.")
                .rule()).isEqualTo("what one states, the other sets aside: fungus");
        assertThat(decide("Which body of water contains the Puerto Rico Trench?", "The Atlantic Ocean",
                "It lies on the Caribbean side of Puerto Rico, so it's in the Caribbean Sea rather than the open Atlantic."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // what the other also states, a span that only shares a word, and "too thin to walk on" are left alone
        assertThat(verdict("Is a tomato a vegetable?", "A fruit.",
                "A fruit, not a vegetable, though it's often cooked as a vegetable.").rule()).doesNotStartWith("what one");
        assertThat(verdict("Can I deduct mortgage interest on my US federal income taxes?",
                "Yes, if you itemize your deductions.",
                "You can, provided you itemize rather than take the standard deduction.").rule())
                .doesNotStartWith("what one");
        assertThat(verdict("Is the ice on the pond thick enough to walk on?", "The ice is too thin to walk on.",
                "The ice isn't thick enough to walk on.").rule()).doesNotStartWith("what one");
    }

    @Test
    void should_split_free_of_a_thing_from_having_it() {
        assertThat(decide("So in a traditional IRA, withdrawals in retirement are tax-free?",
                "Yes, that's correct — withdrawals in retirement are tax-free.",
                "Withdrawals from a traditional IRA are taxed as ordinary income.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is there any sugar in this drink?",
                "It has no added sugar, but it contains natural sugars from the fruit.", "It's completely sugar-free."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // the thing negated is what "-free" says
        assertThat(decide("Is there any sugar in this drink?", "It's sugar-free.", "There's zero sugar in it."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is there any sugar in this drink?", "It's sugar-free.", "It has no sugar."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_split_a_name_from_another_of_the_same_last_name() {
        assertThat(verdict("Who wrote \"Wuthering Heights\"?", "Emily Brontë",
                "\"Wuthering Heights\" was written by Charlotte Brontë and published in 1847.").rule())
                .isEqualTo("another of the same last name");
        assertThat(decide("Which country has Yamoussoukro as its official capital?", "Ivory Coast",
                "The Gold Coast (today's Ghana)")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // initials, a second surname and a title are the same person's
        assertThat(verdict("Who wrote the Harry Potter books?", "J. K. Rowling", "Joanne Rowling").rule())
                .isNotEqualTo("another of the same last name");
        assertThat(verdict("Which scientist, together with her husband Pierre, discovered radium?", "Marie Curie",
                "Maria Skłodowska-Curie").rule()).isNotEqualTo("another of the same last name");
        assertThat(verdict("Who was nicknamed 'The Iron Lady'?", "Margaret Thatcher",
                "The former British Prime Minister Baroness Thatcher.").rule())
                .isNotEqualTo("another of the same last name");
        // only two people WordNet knows apart: a nickname it does not know is left alone
        assertThat(verdict("Who founded Microsoft with Paul Allen?", "Bill Gates", "Will Gates founded it with Allen.")
                .rule()).isNotEqualTo("another of the same last name");
    }

    @Test
    void should_read_a_name_alone_before_a_comma_and_a_name_that_follows_as_other_answers() {
        String question = "What is the tallest mountain in Africa?";
        String kilimanjaro = "Kilimanjaro, at 5,895 m, is the tallest mountain in Africa; Mount Kenya is the second highest.";
        assertThat(verdict(question, "Mount Kenya", kilimanjaro).rule()).isEqualTo("another answer first");
        assertThat(decide(question, "Kilimanjaro", kilimanjaro)).isEqualTo(Equivalence.Decision.SAME);
        String moon = "Neil Armstrong was the first to step onto the lunar surface in July 1969, followed about 19 "
                + "minutes later by Buzz Aldrin.";
        assertThat(decide("Who was the first person to walk on the Moon?", "Buzz Aldrin", moon))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Who was the first person to walk on the Moon?", "Neil Armstrong", moon))
                .isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_a_phrase_that_sets_the_scene_as_no_answer_named_before_the_short_one() {
        // when and where, or whose word it is, before the answer: no other answer
        assertThat(verdict("Who composed the opera 'Carmen'?", "Georges Bizet",
                "In 1875, at the Opéra-Comique in Paris, Georges Bizet saw his Carmen open to a cold reception.")
                .rule()).isNotEqualTo("another answer first");
        assertThat(decide("Which is the hottest planet in the Solar System?", "Venus",
                "According to NASA, Venus is the hottest planet.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which painter cut off part of his own ear?", "Vincent van Gogh",
                "In December 1888, after a quarrel with Paul Gauguin, Vincent van Gogh cut off part of his ear."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // a phrase that sets another answer aside or ranks one is no scene
        assertThat(decide("What is the largest country by area?", "Canada",
                "Aside from Russia, Canada is the largest country by area.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which is the tallest mountain on Earth?", "K2",
                "Besides Everest, K2 is the tallest mountain.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // the clause after such a phrase still names another answer first, and a phrase that states one is no scene
        assertThat(verdict("Which is the largest planet?", "Saturn",
                "By mass, Jupiter is the largest planet; Saturn comes second.").rule())
                .isEqualTo("another answer first");
        assertThat(verdict("Which language has the most native speakers?", "Spanish",
                "By native speakers the leader is Mandarin, ahead of Spanish.").decision())
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_compare_a_date_given_in_the_julian_calendar_with_its_gregorian_date() {
        String question = "On what date did the storming of the Winter Palace take place?";
        // 25 October 1917 in the Julian calendar Russia used is 7 November 1917 in the Gregorian
        assertThat(decide(question, "25 October 1917, Old Style", "7 November 1917 (Gregorian calendar)"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide(question, "7 November 1917", "25 October 1917 (Julian calendar)"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // or as written, when the other gives it so
        assertThat(decide(question, "25 October 1917 (Julian calendar)", "25 October 1917"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // another day in either calendar, a name, or an answer that gives both dates is read as written
        assertThat(verdict(question, "25 October 1917, Old Style", "8 November 1917").rule())
                .isEqualTo("different numbers");
        assertThat(verdict("When was he arrested?", "Julian Assange was arrested on 11 April 2019.", "24 April 2019")
                .decision()).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(Quantities.julianDated("25 october 1917 (julian calendar), 7 november in the gregorian")).isFalse();
        // two dates both Old Style are compared as written, and a date negated is still another answer
        assertThat(decide(question, "25 October 1917 (Old Style)", "It began on 7 November 1917, Old Style."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide(question, "7 November 1917", "The storming did not happen on 25 October 1917 (Old Style)."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // the days between the calendars grow where the Julian calendar has a leap day the Gregorian has not (1700)
        assertThat(Quantities.gregorian(Quantities.parse("28 february 1700"))).extracting(Quantities.Quantity::value)
                .containsExactly(10.0, 3.0, 1700.0);
        assertThat(Quantities.gregorian(Quantities.parse("1 march 1700"))).extracting(Quantities.Quantity::value)
                .containsExactly(12.0, 3.0, 1700.0);
        // before 1583 no date is moved, nor one of two dates
        assertThat(Quantities.gregorian(Quantities.parse("4 october 1582"))).isNull();
        assertThat(Quantities.gregorian(Quantities.parse("1 march 1700 to 2 march 1700"))).isNull();
    }

    @Test
    void should_join_a_name_and_the_name_wordnet_gives_for_the_same_entity_inside_a_longer_answer() {
        String mountain = "What is the highest mountain in North America?";
        assertThat(decide(mountain, "Denali", "Mount McKinley, in Alaska.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(mountain, "Denali", "Mount Logan, in Canada.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        String language = "What is the official language of Iran?";
        assertThat(decide(language, "Persian", "The official language of Iran is Farsi."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide(language, "Persian", "The official language of Iran is Arabic."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // a question that asks for a name may ask for a former one
        assertThat(decide("What was the name of Japan's capital before 1868?", "Edo",
                "Japan's capital before 1868 was Tokyo.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        String city = "In which city does the Dutch parliament meet?";
        assertThat(decide(city, "The Hague", "Den Haag (the seat of government, not the capital)"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_split_two_things_put_the_other_way_round_in_two_clauses_joined_by_and() {
        String question = "How did the treaty divide the territory?";
        assertThat(verdict(question, "The treaty gave the islands to France and the mainland to Spain.",
                "The treaty gave the islands to Spain and the mainland to France.").rule())
                .isEqualTo("near-identical but france and spain swapped");
        assertThat(decide("Where does the Sun rise on Venus?",
                "On Venus the Sun rises in the west, and it sets in the east, because the planet spins backwards.",
                "On Venus the Sun rises in the east, and it sets in the west, because the planet spins backwards."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // two things listed, or related both ways round, stay the same
        assertThat(decide("What seasons the soup?", "Salt and black pepper season the soup.",
                "Black pepper and salt season the soup.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Where does the river run?", "The river runs between France and Spain.",
                "The river runs between Spain and France.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which planets have rings?", "Saturn and likewise Jupiter have rings around them.",
                "Jupiter and likewise Saturn have rings around them.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_a_sentence_that_does_two_things_as_a_sentence_not_a_list() {
        // a pronoun first: one action, then another, not items
        assertThat(verdict("What does a thermostat do?", "It senses the temperature and switches the heating on.",
                "It measures the temperature and switches the heating on.").rule()).isNotEqualTo("different items");
        assertThat(Equivalence.items(null, "they discovered polonium and radium")).isNull();
        // a name or a participle first is still a list
        assertThat(verdict("Which clubs have won the league most often?", "Manchester United, Liverpool and Arsenal",
                "Arsenal, Liverpool and Manchester United").rule()).isEqualTo("same items");
        assertThat(verdict("What is on the breakfast tray?", "A boiled egg, toast and tea",
                "Tea, toast and a boiled egg").rule()).isEqualTo("same items");
        // a list after a lead-in, or with an adverb before its participle, is still one
        assertThat(verdict("What goes into pancakes?", "You need flour, eggs and milk.", "Flour, milk, eggs").rule())
                .isEqualTo("same items");
        assertThat(verdict("What goes into the dough?", "Lightly salted butter, flour and eggs",
                "Eggs, flour and lightly salted butter").rule()).isEqualTo("same items");
        assertThat(verdict("What goes into the dough?", "Lightly salted butter, flour and eggs",
                "Eggs, flour and unsalted butter").rule()).isEqualTo("different items");
    }

    @Test
    void should_split_two_instructions_that_do_different_things_where_the_question_says_one() {
        assertThat(verdict("Protocol: if a rash appears during an infusion, stop the infusion immediately. What should "
                + "the nurse do if the patient develops a rash?", "Stop the infusion immediately.",
                "Speed up the infusion immediately.").rule()).isEqualTo("another action on the same thing: stop / speed up");
        assertThat(decide("Email: 'Please hold the order until my payment clears.' What does the customer want done "
                + "with the order?", "Hold the order until the payment clears.",
                "Ship the order now, before the payment clears.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // where the question says neither verb, the near-identical guard decides ("Stir" / "Mix" is left to it)
        assertThat(verdict("What should I do with the paint before using it?", "Stir the paint thoroughly.",
                "Mix the paint thoroughly.").rule()).doesNotStartWith("another action");
    }

    @Test
    void should_read_hostile_prose_for_the_sixteenth_round_rules_in_linear_time() {
        String[] hostile = {"rather than the open atlantic " .repeat(65), "sugar-free " .repeat(180),
            "three beats per bar " .repeat(95), "never often sometimes always " .repeat(65),
            "the eleventh hour of the eleventh day of the eleventh month of " .repeat(30), "A+ AB- O negative " .repeat(105),
            "most few all none " .repeat(105), "rolled back " .repeat(160), "Stop the " .repeat(220),
            "Kilimanjaro, " .repeat(150), ", followed by " .repeat(150), "non-urgent top priority " .repeat(80),
            "plunged 12% " .repeat(160), "London, Ontario " .repeat(120), "a".repeat(1990) + "-free",
            "the " + "x".repeat(1990) + " day of the first month"};
        String[] questions = {"Which blood type is the universal donor?", "What is the time signature of a waltz?",
            "How often does it happen?", "What priority should this ticket get?", "What happened to the stock?"};
        // (warmed up first: WordNet's files and the word rules' tables load on first use)
        decide(questions[0], hostile[0], hostile[1]);
        long start = System.nanoTime();
        for (String text : hostile) {
            for (String question : questions) {
                decide(question, text, text + " ");
                decide(question, "AB+", text);
            }
            Quantities.parse(text.toLowerCase(java.util.Locale.ROOT));
        }
        // 160 comparisons of 2,000-character answers: about a second here; a rule that read them in quadratic time
        // would take minutes
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    }

    @Test
    void should_leave_alone_what_the_review_of_the_sixteenth_round_found_its_rules_would_split() {
        // an interjection WordNet has as a state is no name answering first
        assertThat(decide("What is the capital of Australia?", "Oh, it's Canberra.", "Canberra"))
                .isEqualTo(Equivalence.Decision.SAME);
        // the short answer's own word before "rather than" is what is chosen
        assertThat(verdict("Which retirement account should I use?", "Use a Roth IRA.",
                "Choose a Roth rather than a traditional IRA.").rule()).doesNotStartWith("what one states");
        // a blood type among the other's types is left to the other rules
        assertThat(verdict("Which blood type is the universal red cell donor?", "O negative.",
                "O negative; AB positive is the universal recipient.").rule()).isNotEqualTo("different blood types");
        // a verb of movement about another thing than the number
        assertThat(verdict("What was the unemployment rate?", "Unemployment fell to 3.4%.",
                "3.4%, even as layoffs rose.").rule()).isNotEqualTo("the same number, gone up in one and down in the other");
        // a comparison is no step of a scale
        assertThat(verdict("Who is affected more often?", "Men are affected less often than women.",
                "Men are rarely affected compared with women.").rule()).doesNotStartWith("how often");
        // a name after a comma is no imperative
        assertThat(decide("Who wrote 1984?", "Orwell, the novelist.", "Huxley, the novelist."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }


    @Test
    void should_read_a_time_in_a_named_zone_as_the_time_in_utc() {
        assertThat(Quantities.parse("4:51 p.m. edt")).extracting(Quantities.Quantity::value)
                .containsExactly(20.0 + 51 / 60.0);
        assertThat(Quantities.parse("14:30 jst")).extracting(Quantities.Quantity::value).containsExactly(5.5);
        assertThat(Quantities.parse("09:00 utc+2")).extracting(Quantities.Quantity::value).containsExactly(7.0);
        assertThat(Quantities.parse("12:00 utc+5:30")).extracting(Quantities.Quantity::value).containsExactly(6.5);
        assertThat(Quantities.parse("08:00 local time (utc\u22124)")).extracting(Quantities.Quantity::value)
                .containsExactly(12.0);
        assertThat(Quantities.parse("9 am cest")).extracting(Quantities.Quantity::value).containsExactly(7.0);
        assertThat(Quantities.parse("2024-09-02t07:00z")).extracting(Quantities.Quantity::value)
                .containsExactly(2024.0, 9.0, 2.0, 7.0);
        // a zone that moves the time to another day leaves it as written; a word that is no zone leaves it alone
        assertThat(Quantities.parse("2024-06-20 23:00 edt")).extracting(Quantities.Quantity::value)
                .containsExactly(2024.0, 6.0, 20.0, 23.0);
        assertThat(Quantities.parse("14:30 sharp")).extracting(Quantities.Quantity::value).containsExactly(14.5);
        assertThat(Quantities.parse("9 am westbound")).extracting(Quantities.Quantity::value).containsExactly(9.0);

        String question = "When does the call start?";
        assertThat(decide(question, "3:00 p.m. EDT", "19:00 UTC")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide(question, "3:00 p.m. EDT", "15:00 UTC")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide(question, "10:00 a.m. PDT", "10:00 a.m. PST")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // a time with a zone against the same time without one: the hour as written
        assertThat(decide("What time does the NYSE open?", "9:30 a.m.", "9:30 a.m. EST"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What time does the NYSE open?", "9:30 a.m.", "10:30 a.m. EST"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_name_only_offsets_the_jdk_gives_to_a_zone_of_that_abbreviation() {
        java.util.Map<String, java.util.Set<Integer>> jdk = jdkZoneOffsets(java.util.TimeZone.SHORT);
        Quantities.ZONES.forEach((zone, minutes) -> assertThat(jdk.get(zone)).as(zone).contains(minutes));
    }

    @Test
    void should_name_only_zones_whose_full_names_the_jdk_gives_with_that_offset() {
        java.util.Map<String, java.util.Set<Integer>> jdk = jdkZoneOffsets(java.util.TimeZone.LONG);
        Quantities.ZONE_NAMES.forEach((zone, minutes) -> assertThat(jdk.get(zone)).as(zone).contains(minutes));
    }

    /** The offsets in minutes the JDK gives its zones, by their English names in lower case, short or long. */
    private static java.util.Map<String, java.util.Set<Integer>> jdkZoneOffsets(int style) {
        java.util.Map<String, java.util.Set<Integer>> jdk = new java.util.HashMap<>();
        for (String id : java.util.TimeZone.getAvailableIDs()) {
            java.util.TimeZone zone = java.util.TimeZone.getTimeZone(id);
            for (boolean daylight : zone.useDaylightTime() ? new boolean[] {false, true} : new boolean[] {false}) {
                int minutes = (zone.getRawOffset() + (daylight ? zone.getDSTSavings() : 0)) / 60_000;
                jdk.computeIfAbsent(zone.getDisplayName(daylight, style, java.util.Locale.ENGLISH)
                        .toLowerCase(java.util.Locale.ROOT), k -> new java.util.HashSet<>()).add(minutes);
            }
        }
        return jdk;
    }

    @Test
    void should_read_years_in_pairs_zones_by_name_factorials_fractions_cents_and_round_numbers_in_words() {
        // a year said in pairs whose second half is ten to nineteen, or "oh" and a digit
        assertThat(verdict("When was the Treaty of Versailles signed?", "28 June 1919",
                "On June 28th, nineteen nineteen.").decision()).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("When was it built?", "1905", "In nineteen oh five.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("When was it built?", "1906", "In nineteen oh five."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("When was it built?", "1919", "nineteen eighteen")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // a zone by its full name, and a time zone's name after "p.m." ends no sentence
        assertThat(decide("When is the kickoff?", "Monday, September 2, 2024 at 9 a.m. Central European Summer Time",
                "2024-09-02T07:00Z")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("When does the call start?", "At 3 p.m. Eastern Daylight Time.", "19:00 UTC"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("When does the call start?", "At 3 p.m. Eastern Standard Time.", "19:00 UTC"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // a number worked out: products, powers, sums and factorials; not a range or a fraction
        assertThat(verdict("Express 'five factorial' in notation.", "5!", "5 × 4 × 3 × 2 × 1"))
                .isEqualTo(new Equivalence.Verdict(Equivalence.Decision.SAME, "the same number worked out"));
        assertThat(decide("What is five factorial?", "120", "5!")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What is five factorial?", "24", "5!")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("How many days?", "2-3", "3-4")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(Formulas.sameNumber("6/8", "3/4", true)).isFalse();
        assertThat(Formulas.sameNumber("5!!", "120", true)).isFalse();
        // fractions in words with a hyphen, against a percentage; "forty-fifth" is no fraction
        assertThat(decide("What share of the body is water?", "Roughly three-fifths.", "About 60%"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What share of the surface is water?", "About 71%", "Roughly seven-tenths."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What share of the surface is water?", "About 30%", "Roughly seven-tenths."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(Quantities.parse("the forty-fifth president")).extracting(Quantities.Quantity::value)
                .doesNotContain(8.0);
        // cents and pence after a currency
        assertThat(decide("What amount is that?", "€3,450.75",
                "Three thousand four hundred fifty euros and seventy-five cents.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What amount is that?", "€3,450.70",
                "Three thousand four hundred fifty euros and seventy-five cents.")).isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(Quantities.parse("5 dollars and 3 apples")).extracting(Quantities.Quantity::value)
                .containsExactly(5.0, 3.0);
        // a number just under or over another is approximate; a round number in words as rounded as in digits
        assertThat(decide("How many litres are in one US gallon?", "3.785 L", "A little under 3.8 litres."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How many litres are in one US gallon?", "3.785 L", "A little under 4.8 litres."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is Earth's equatorial circumference?", "About 40,075 km",
                "Approximately forty thousand kilometres.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What is Earth's equatorial circumference?", "About 45,075 km",
                "Approximately forty thousand kilometres.")).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_days_without_a_year_options_by_number_or_place_and_negations_that_cancel() {
        // a day and month in two digits each, one over 12 and one with a leading zero; else a fraction as before
        assertThat(decide("When are US tax returns due?", "15/04 each year (moved if it falls on a weekend).",
                "April 15")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("When is it due?", "15/04", "April 16")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(Quantities.parse("3/4")).extracting(Quantities.Quantity::value).containsExactly(0.75);
        assertThat(Quantities.parse("10/04")).extracting(Quantities.Quantity::unit).doesNotContain("day");
        // an option by the number its text is, in words, or by its place
        String beats = "In 4/4 time, how many beats does a semibreve last? A) 1 B) 2 C) 3 D) 4";
        assertThat(decide(beats, "D", "Four beats (it's a whole note).")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(beats, "C", "Four beats (it's a whole note).")).isEqualTo(Equivalence.Decision.DIFFERENT);
        String sumproduct = "What does SUMPRODUCT do? A) Adds a range B) Multiplies items and sums them C) Counts";
        assertThat(decide(sumproduct, "The second option.", "B")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(sumproduct, "The third option.", "B")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // a claim denied in other words, and negations that cancel ("shouldn't skip", "hasn't lost", "not incorrect")
        assertThat(decide("Can you freeze cooked rice?", "Yes, cooked rice can be frozen.",
                "It isn't true that cooked rice can't be frozen.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Can you freeze cooked rice?", "Yes, cooked rice can be frozen.",
                "It isn't true that cooked rice can be frozen.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is insulin a hormone?", "Yes, insulin is a hormone.",
                "It would be wrong to say insulin isn't one.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Can a vegetarian diet provide enough protein?", "Yes, it can.",
                "There's no reason a vegetarian diet can't supply adequate protein.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Do I need to preheat the oven for bread?", "Yes, always preheat the oven for bread.",
                "You shouldn't skip preheating when baking bread.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Do I need to preheat the oven for bread?", "Yes, always preheat the oven for bread.",
                "You can skip preheating when baking bread.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is Pluto still classified as a planet?", "Pluto hasn't lost its planet status.",
                "No, it's been a dwarf planet since 2006.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is a tomato a fruit?", "Botanically, the tomato is a fruit.",
                "Botanically speaking, it's not incorrect to call a tomato a fruit.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Can you see the Great Wall from the Moon with the naked eye?", "No, it isn't visible.",
                "It is impossible to make it out unaided from lunar distance.")).isEqualTo(Equivalence.Decision.SAME);
        // "not just": more than what follows, not its negation; unless the question asks "only"
        assertThat(decide("Does git pull fetch as well as merge?", "Yes, git pull runs git fetch and then merges.",
                "It doesn't just merge; it fetches first.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is the lounge only for adults?", "No, it's not only for adults.", "Yes, only adults."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // what the question asks destroyed, said lost: no cancelling
        assertThat(decide("Does cooking destroy all the vitamin C in vegetables?", "No, it reduces it.",
                "Not all of it is lost; some vitamin C survives cooking.")).isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_commands_and_comparisons_written_two_ways_and_negations_far_from_a_short_answer() {
        String find = "Shell: find all .log files under /var/log modified in the last 24 hours.";
        assertThat(verdict(find, "find /var/log -name '*.log' -mtime -1", "find /var/log -mtime -1 -name \"*.log\""))
                .isEqualTo(new Equivalence.Verdict(Equivalence.Decision.SAME, "the same code in another common idiom"));
        assertThat(decide(find, "find /var/log -name '*.log' -mtime -1", "find /var/log -mtime +1 -name \"*.log\""))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // an action among find's tests keeps their order ("-delete" before "-name" deletes everything)
        assertThat(Code.idiomatic("find . -delete -name x")).isNotEqualTo(Code.idiomatic("find . -name x -delete"));
        assertThat(decide("CSS: make the text in .note bold.", ".note { font-weight: bold; }", ".note{font-weight:700}"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Bash: delete build/ without prompting.", "rm -rf build/", "`rm -r -f build`"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Bash: delete build/ without prompting.", "rm -rf build/", "rm -r build"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Print the third column of data.txt.", "awk '{print $3}' data.txt",
                "awk '{ print $3 }' < data.txt")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Make script.sh executable for everyone.", "chmod a+x script.sh", "chmod ugo+x script.sh"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Make script.sh executable for everyone.", "chmod a+x script.sh", "chmod u+x script.sh"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        String sql = "SQL: select all patients older than 65.";
        assertThat(decide(sql, "select *\nfrom patients\nwhere 65 < age", "SELECT * FROM patients WHERE age > 65;"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(sql, "select *\nfrom patients\nwhere 65 > age", "SELECT * FROM patients WHERE age > 65;"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(Code.idiomatic("1 <= x <= 10")).isEqualTo("1 <= x <= 10");
        assertThat(decide("JavaScript: convert s to a base-10 integer.", "parseInt(s, 10)", "Number.parseInt(s, 10)"))
                .isEqualTo(Equivalence.Decision.SAME);
        // a negation in a phrase well after a short answer bears on that phrase, one right after it on the answer
        String who = "Who published the first periodic table that predicted undiscovered elements?";
        assertThat(decide(who, "Dmitri Mendeleev", "In 1869 the Russian chemist Dmitri Mendeleev arranged the elements"
                + " by atomic weight and left gaps for ones not yet found, such as gallium and germanium."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide(who, "Dmitri Mendeleev", "Dmitri Mendeleev did not publish it first."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_join_kitchen_and_law_verbs_of_one_action_and_read_an_opposite_said_after_the_asked_word() {
        // (one action: no longer split by the word rules, left to the embedding)
        assertThat(decide("What do I do with the egg whites?", "Whisk the egg whites to stiff peaks.",
                "Beat the egg whites to stiff peaks.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What do I do with the egg whites?", "Whisk the egg whites to stiff peaks.",
                "Fold the egg whites to stiff peaks.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What happened to the act in 2013?", "Parliament repealed the act in 2013.",
                "Parliament scrapped the act in 2013.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What happened to the act in 2013?", "Parliament repealed the act in 2013.",
                "Parliament passed the act in 2013.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What should I do with the graze?", "Irrigate the wound with clean water.",
                "Rinse the wound with clean water.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // "over" after "under", both in the answer: not the question's "under" turned round
        String goodwill = "Is goodwill amortised under IFRS?";
        assertThat(decide(goodwill, "Under IFRS, goodwill is not amortised; it is tested for impairment.",
                "Under IFRS, goodwill is amortised over its useful life.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide(goodwill, "Yes, it is.", "Under IFRS, goodwill is amortised over its useful life."))
                .isEqualTo(Equivalence.Decision.SAME);
        // an opposite before the asked word still turns it round ("not a composite number, so it's prime")
        assertThat(decide("Is the number 1 prime?", "1 is not a prime number.",
                "1 is not a composite number, so it's prime.")).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_leave_alone_what_the_review_of_the_eighteenth_round_found_its_rules_would_misread() {
        // a round temperature in words rounds in degrees, not in its scale's offset
        assertThat(decide("What temperature should I bake the bread at?", "Four hundred degrees Fahrenheit.",
                "150 °C")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // a negation that negates a verb further on still bears on the short answer
        assertThat(decide("What is the capital of Australia?", "Sydney",
                "Sydney is the largest city in Australia but it is not the capital."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // an option by its number only where every number said is that number; by its place only at the start
        String legs = "How many legs does a spider have? A) 6 B) 8 C) 10 D) 12";
        assertThat(decide(legs, "Unlike insects with six legs, spiders have eight.", "A"))
                .isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which planet is closest to the Sun? A) Venus B) Mercury C) Mars",
                "Not the first option but the second.", "A")).isNotEqualTo(Equivalence.Decision.SAME);
        // two products alone are no number worked out (a size); a "3!" is a factorial only where one is asked for
        assertThat(decide("What size is a standard photo print in inches?", "4 × 6", "3 × 8"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("How many sides does a triangle have?", "3!", "6")).isNotEqualTo(Equivalence.Decision.SAME);
        // reassurance is no denial; "impossible to know" leaves the question open
        assertThat(decide("Is it safe to drink tap water in Germany?", "There's no reason to worry — it's perfectly "
                + "safe.", "Yes.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is there life on Europa?", "It is impossible to know yet.", "No."))
                .isNotEqualTo(Equivalence.Decision.SAME);
        // "shouldn't just stop" still negates
        assertThat(decide("Can I stop taking antibiotics once I feel better?",
                "You shouldn't just stop taking them; finish the course.", "Yes."))
                .isNotEqualTo(Equivalence.Decision.SAME);
        // find's tests with a negation before them, a comparison inside arithmetic or a redirect, stay as written
        assertThat(decide("Shell: files that are not regular files named *.log.", "find ! -type f -name '*.log'",
                "find ! -name '*.log' -type f")).isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(Code.idiomatic("while (i + 1 < n)")).contains("i + 1 < n");
        assertThat(Code.idiomatic("echo 5 > out")).contains("5 > out");
        assertThat(Code.idiomatic("std::array<int, 5> arr;")).contains("5> arr");
        // hedges only before a number; no fraction before a school year; no date of a mark out of twenty; cents
        // only after "and"
        assertThat(decide("In what year was she born?", "She was born in 1950 in a village close to Lyon.", "1948"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(Quantities.parse("five ninth graders")).extracting(Quantities.Quantity::value).containsExactly(5.0);
        assertThat(Quantities.parse("09/20")).extracting(Quantities.Quantity::unit).doesNotContain("day");
        assertThat(decide("How much did it cost?", "$5, 20 cents more than last year.", "$5.20"))
                .isNotEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_units_per_another_with_a_power_of_minus_one_and_a_day_with_a_leading_zero() {
        assertThat(decide("Convert 72 km/h to metres per second.", "20 m/s", "72,000 m in 3,600 s, i.e. 20 m·s⁻¹"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Convert 72 km/h to metres per second.", "25 m/s", "72,000 m in 3,600 s, i.e. 20 m·s⁻¹"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(Quantities.parse("5 km h^-1")).extracting(Quantities.Quantity::unit).containsExactly("m/s");
        assertThat(decide("Give the speed of light in scientific notation.", "≈ 3 × 10⁸ m/s", "About 3.0E8 m·s⁻¹"))
                .isEqualTo(Equivalence.Decision.SAME);
        // a day first without a leading zero stays a fraction ("25/12" may be one); a leading zero makes it a date
        assertThat(decide("When is Christmas Day?", "December 25", "25/12")).isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("When is the deadline?", "January 31", "31/01")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(Quantities.parse("22/7")).extracting(Quantities.Quantity::unit).doesNotContain("day");
    }

    @Test
    void should_read_a_yes_said_as_sure_can_and_an_answer_named_after_an_opening() {
        assertThat(decide("Can Excel open CSV files?", "Sure can.", "Yes, just use File > Open and pick the .csv."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Can Excel open CSV files?", "Sure can.", "No, it can't.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is Ctrl+P the shortcut for printing?", "That's the one.", "Yes, it opens the print dialogue."))
                .isEqualTo(Equivalence.Decision.SAME);
        // "that's the one that …" is no yes
        assertThat(AnswerText.stance("that's the one that failed").present()).isFalse();
        String vessel = "Which vessel carries oxygenated blood from the lungs to the heart?";
        assertThat(decide(vessel, "Pulmonary vein", "That's the pulmonary artery."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide(vessel, "Pulmonary vein", "That's the pulmonary vein.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What is the capital of France?", "Paris", "That is the capital, Paris."))
                .isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_leave_alone_what_the_second_review_of_the_eighteenth_round_found() {
        // an improper fraction is no date without a leading zero; a negative one none either
        assertThat(decide("What is 1 + 1/2 + 1/3 + 1/4?", "25/12", "About 2.08")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Simplify 2.6/2.", "13/10", "1.3")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is 1/4 - 4/3?", "-13/12", "13/12")).isNotEqualTo(Equivalence.Decision.SAME);
        // a name after an opening splits only where one word is another kind of the same thing
        String vessel = "Which vessel carries deoxygenated blood to the lungs?";
        assertThat(decide(vessel, "Pulmonary artery", "That's the pulmonary trunk."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which chamber pumps blood to the body?", "Left ventricle", "That's the left side."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // "Sure can't." is a no
        assertThat(decide("Can you divide by zero?", "Sure can't.", "No.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Can you divide by zero?", "Sure can\u2019t.", "Yes.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // a unit per second written without a separator ("ms⁻¹" is metres per second, not milliseconds)
        assertThat(decide("Convert 72 km/h to metres per second.", "20 m/s", "20 ms⁻¹"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(Quantities.parse("5 ms")).extracting(Quantities.Quantity::unit).containsExactly("s");
        // π is read as before: "π/2" and "pi/2" are not split
        assertThat(decide("Convert 90 degrees to radians.", "π/2", "pi/2")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_json_keys_spelt_another_way_as_other_keys_and_months_as_items() {
        String question = "Output the user as JSON with keys id and is_admin.";
        assertThat(decide(question, "{\"id\": 7, \"is_admin\": false}", "{\"id\": 7, \"isAdmin\": false}"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide(question, "{\"id\": 7, \"is_admin\": false}", "{\"is_admin\": false, \"id\": 7}"))
                .isEqualTo(Equivalence.Decision.SAME);
        // months and weekdays, shortened or not, are items of a list; with a day of the month they are a date
        assertThat(verdict("Which months have 31 days and start with J?", "January, July", "Jul, Jan"))
                .isEqualTo(new Equivalence.Verdict(Equivalence.Decision.SAME, "same items"));
        assertThat(verdict("Which weekdays is the shop closed?", "Mon and Tue", "Monday, Wednesday").decision())
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(verdict("When was it signed?", "July 4, 1776", "July 4 1776").rule()).doesNotContain("items");
    }

    @Test
    void should_read_hostile_prose_for_the_seventeenth_round_rules_in_linear_time() {
        String[] hostile = {"Istanbul is big, but the capital is Ankara; " .repeat(45), "9:30 a.m. EST " .repeat(140),
            "It was written by Eric Arthur Blair, but " .repeat(48), "If you itemize, it is deductible, " .repeat(58),
            "Deutsch Україна Eesti " .repeat(90), "2024-06-20t23:00z utc+14:00 (utc-4) " .repeat(55),
            "It's the reverse: boneless visa-exempt unlikely " .repeat(40), "Sept, Apr, Jun, " .repeat(120),
            "fell began won written " .repeat(85), "a".repeat(1990) + ", but " + "b".repeat(10)};
        String[] questions = {"Which city is the capital of Turkey?", "When does the call start?",
            "Is student-loan interest deductible?", "What language is this?", "In what year did the wall fall?"};
        // 100 comparisons of 2,000-character answers; a rule that read them in quadratic time would take minutes
        assertThat(nanosToCompare(hostile, questions, "Ankara")).isLessThan(5_000_000_000L);
    }

    @Test
    void should_read_hostile_prose_for_the_eighteenth_round_rules_in_linear_time() {
        String[] hostile = {"nineteen oh nineteen nineteen " .repeat(66), "9 a.m. Central European Summer Time " .repeat(55),
            "5! " .repeat(660), "three-fifths of ninth graders " .repeat(66), "3 euros and 75 cents, " .repeat(90),
            "just under close to a little over " .repeat(58), "15/04 31/01 09/20 " .repeat(110),
            "It isn't true that there's no reason it shouldn't skip " .repeat(36),
            "find / -name x -mtime -1 -type f " .repeat(60), "where 65 < age and 1 < n " .repeat(80),
            "rm -rf build/ " .repeat(140), "awk '{print $3}' < data.txt " .repeat(70), "20 m·s⁻¹ " .repeat(220),
            "That's the pulmonary " + "artery ".repeat(280), "Sure can't. You bet. " .repeat(95),
            "1 ".repeat(999) + "!"};
        String[] questions = {"When was it signed?", "Express five factorial in notation.", "Can you freeze rice?",
            "Shell: find the log files.", "Which vessel? A) 5 B) 7 C) 9 D) 11"};
        // 160 comparisons of 2,000-character answers; a rule that read them in quadratic time would take minutes
        assertThat(nanosToCompare(hostile, questions, "Seven.")).isLessThan(8_000_000_000L);
    }

    @Test
    void should_leave_alone_what_the_review_of_the_nineteenth_round_found_its_rules_would_misread() {
        // numbers in another order where order does not matter: in a sentence, a product, a size, two roots
        assertThat(decide("Which two numbers add up to 10 and multiply to 21?", "The numbers are 3 and 7.",
                "The numbers are 7 and 3.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What are the prime factors of 35?", "5 × 7", "7 × 5"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which photo print size is common?", "4 x 6 inches", "6 x 4 inches"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Solve x^2 - 5x + 6 = 0.", "x = 2 or x = 3", "x = 3 or x = 2"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // a main clause's month and year with two days after it is no date restated
        assertThat(decide("When was Lincoln shot?", "April 15, 1865",
                "April 1865 — he was shot on April 14, 1865 and died on April 15, 1865."))
                .isNotEqualTo(Equivalence.Decision.SAME);
        // "Bingo" is an answer too; "Uh-uh" is a no
        assertThat(decide("Which game is played in church halls?", "Bingo", "Poker"))
                .isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Is the Earth flat?", "Uh-uh.", "Uh-huh.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is the Earth flat?", "Nuh-uh, it's round.", "Uh-huh."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // list items: a title's stop words, a joining word, a year in brackets
        assertThat(decide("Name three films by Sydney Pollack.", "Out of Africa, Tootsie, The Firm",
                "Out of Africa (1985), Tootsie, The Firm")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Name three bodies of water near India.", "Bay of Bengal, Arabian Sea, Indian Ocean",
                "Bengal Bay, Arabian Sea, Indian Ocean")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Name three top universities.", "Harvard, University of Oxford, MIT",
                "Harvard, Oxford University, MIT")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // a function's operand without brackets is one letter or number and nothing after it
        assertThat(decide("What is the integral of 2x cos(x^2)?", "sin x^2 + C", "(sin x)^2 + C"))
                .isNotEqualTo(Equivalence.Decision.SAME);
        // odds only where the clause ends: "3 in 7 appearances" counts goals
        assertThat(decide("How many goals did Kane score at Euro 2024?", "Kane scored 3 in 7 appearances.",
                "3 goals in 7 appearances")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // regular expressions for strings (not lines) that start with or contain something match whole strings
        assertThat(decide("Regex for strings that start with \"abc\".", "abc.*", "^abc.*"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Write a regex for US ZIP codes, which contain five digits and an optional extension.",
                "\\d{5}(-\\d{4})?", "\\d{5}")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // a free-of answer that explains itself is still free of it
        assertThat(decide("Are Roth IRA qualified withdrawals taxed?", "Qualified withdrawals are tax-free, since you "
                + "already paid tax on the contributions.", "Withdrawals are taxed as ordinary income."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // the second review: a negation of another verb before "fails", "ignores", "expired" is no denied failure
        assertThat(decide("Does Git track empty directories?", "No.",
                "Git doesn't track empty directories, it simply ignores them.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Does the job retry automatically?", "No.", "It doesn't retry when it fails."))
                .isEqualTo(Equivalence.Decision.SAME);
        // a "-free" or "-less" word only where the question ends on it, and not where it names the thing itself
        assertThat(decide("Does caffeine-free Coke contain caffeine?", "No.", "It contains no caffeine."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Is a sugar-free diet healthier?", "Yes.", "Cutting out sugar improves health for most "
                + "people.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // numbers alone are a set in any order
        assertThat(decide("Which numbers below 10 are prime?", "2 3 5 7", "7 5 3 2"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // two declarations keep their keywords
        assertThat(decide("Should I use let or const for a value that never changes?", "const MAX = 10;",
                "let MAX = 10;")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // a lead-in that says no or never is part of the answer
        assertThat(decide("Is it safe to parse user input with eval()?",
                "No, use this instead:\n```python\nast.literal_eval(s)\n```",
                "Yes, like this:\n```python\nast.literal_eval(s)\n```")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // initials are no list's
        assertThat(decide("Which sizes are in stock?", "SM", "Small, Medium")).isNotEqualTo(Equivalence.Decision.SAME);
        // "How should I …?" asks what to do: the same number with another action differs
        assertThat(decide("How should I cook the carrots?", "Steam the carrots for eight minutes.",
                "Roast the carrots for eight minutes.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // the question's own verb is no rival action
        assertThat(decide("How should I cook the rice?", "Simmer it for 18 minutes.", "Cook it for 18 minutes."))
                .isEqualTo(Equivalence.Decision.SAME);
        // a fraction in one character after a space
        assertThat(decide("How much flour?", "2 ½ cups", "2.5 cups")).isEqualTo(Equivalence.Decision.SAME);
        // a hostile decimal comma too long for a double is no number, and throws nothing
        assertThat(decide("What is the total?", "1" + ".000".repeat(103) + ",5", "1,5"))
                .isNotEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_hostile_prose_for_the_nineteenth_round_rules_in_linear_time() {
        String[] hostile = {"1.234.567.890,1" + ".234".repeat(600), "1 in 1,000 in 2 in 3 " .repeat(100),
            "(($450)) 2⅓¾ " .repeat(150), "a quarter of an hour and a fifth " .repeat(60),
            "22:13:20:11:09 p.m. " .repeat(100), "§ 3 §§4 " .repeat(250), "Short answer: TL;DR: " .repeat(100),
            "0 2 * * * 2 0 " .repeat(150), "√√(√16 cos x ln 2 " .repeat(100)};
        String[] questions = {"What is the balance?", "Regex: match lines that start with x.", "When did it start?"};
        // 54 comparisons of about 2,000-character answers; a rule that read them in quadratic time would take minutes
        assertThat(nanosToCompare(hostile, questions, "Seven.")).isLessThan(8_000_000_000L);
    }

    @Test
    void should_read_what_the_nineteenth_round_found_answers_say() {
        // a section of a code cited is no rival number to the answer
        assertThat(decide("Is the limitation period for an oral contract in California two years?", "Yes — two years.",
                "Under §339 of the Code of Civil Procedure, a claim on an oral contract must be brought within two "
                        + "years.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How long is the limitation period for an oral contract in California?", "Two years.",
                "Under §339 of the Code of Civil Procedure it is three years.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // a date restated after the main clause, which says nothing the short answer does not
        assertThat(decide("When did the Berlin Wall fall?", "Thursday 9 November 1989 — 09.11.1989.",
                "9 November 1989")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("When does summer time end in 2025?", "Sunday 26 October 2025",
                "The last Sunday in October — 26/10/2025, at 2 am.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("When did the Berlin Wall fall?", "November 1989 — though the border opened on 10.11.1989.",
                "9 November 1989")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // "Short answer:" and the like open an answer without being one
        assertThat(decide("Which AWS service stores objects?", "S3", "Short answer: Amazon S3."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which AWS service stores objects?", "S3", "TL;DR: Amazon EFS."))
                .isNotEqualTo(Equivalence.Decision.SAME);
        // more ways to say yes
        String cells = "Cell references in Excel formulas start with the column letter, right?";
        assertThat(decide(cells, "Right you are.", "Mm-hmm, the column comes first, as in B2."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(cells, "Uh-huh.", "No, the row comes first.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // a square root sign, and an equation whose sides are the same numbers
        assertThat(decide("Write 'the square root of 25 is 5' in notation.", "25^(1/2) = 5", "√25 = 5"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Write 'the square root of 25 is 5' in notation.", "25^(1/3) = 5", "√25 = 5"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // list items: another place of one name, and a name whose short word the stems drop ("US Open")
        assertThat(decide("Which nations make up the United Kingdom?", "England, Wales, Scotland and Northern Ireland",
                "Scotland, England, Ireland, Wales")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which Grand Slams are played on hard courts?", "Australian Open, US Open",
                "Australian Open, French Open")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which Grand Slams are played on hard courts?", "The Australian Open and the US Open.",
                "US Open; Aussie Open")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Who were the Beatles?", "John Lennon, Paul McCartney, George Harrison, Ringo Starr",
                "Ringo, George, Paul and John")).isEqualTo(Equivalence.Decision.SAME);
        // a time with seconds, in UTC by "Z" or said with p.m. after the seconds
        assertThat(decide("When did the outage start?", "2024-05-02T09:15:00Z", "2 May 2024, 09:15 CEST"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("When did the outage start?", "2024-05-02 21:15:30 UTC", "May 2, 2024, 9:15:30 p.m. UTC"))
                .isEqualTo(Equivalence.Decision.SAME);
        // "miles an hour" is a speed; "and a fifth" a fraction
        assertThat(decide("What is 80 km/h in mph?", "about 50 mph", "Roughly 50 miles an hour."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How far is a half marathon in miles?", "13.1 miles", "About thirteen and a tenth miles."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How far is a 10K in miles?", "6.2 miles", "About six and a fifth miles."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How far is a 10K in miles?", "6.2 miles", "About six and a half miles."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // the same numbers in another order in one text; the items of a list in any order
        assertThat(decide("Cron line to run sync.sh at 4:30 every day?", "30 4 * * * /opt/sync.sh",
                "4 30 * * * /opt/sync.sh")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which of these are prime: 4, 5, 9, 13?", "5 and 13", "13 and 5"))
                .isEqualTo(Equivalence.Decision.SAME);
        // an approximate temperature covers what rounds to it
        assertThat(decide("What is 38°F in Celsius?", "About 3°C", "3.3 °C")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What is 38°F in Celsius?", "About 3°C", "3.6 °C")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // binary prefixes up to tebibytes, cubic feet and yards, a quarter or a third of a unit
        assertThat(decide("How big is the archive?", "2 TiB", "2,048 GiB")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How much does the van hold?", "10 m³", "About 10 cubic feet."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("How much does the van hold?", "1 cubic yard", "27 cubic feet"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How long is the timeout?", "15 minutes", "A quarter of an hour."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How long is the timeout?", "20 minutes", "A quarter of an hour."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // odds as a share
        assertThat(decide("How likely is a false alarm?", "0.002", "1 in 500")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How common is it?", "About 1 in 4.", "About 1 out of 4 adults."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What share of the parts were faulty?", "5%", "One in twenty."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What share of the parts were faulty?", "5%", "One in fifty."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // a decimal comma after points between thousands; fractions in one character
        assertThat(decide("What is the invoice total?", "2.345,67 €", "€2,345.67")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How much flour?", "two and a third cups", "2⅓ cups")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How much flour?", "2¼ cups", "2.25 cups")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How much flour?", "2¼ cups", "2.5 cups")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // a name in capitals that is the initials of the other answer's name
        assertThat(decide("Which foundation hosts Kubernetes?", "CNCF", "The Cloud Native Computing Foundation."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which agency funds most US basic research?", "NSF", "The National Institutes of Health."))
                .isNotEqualTo(Equivalence.Decision.SAME);
        // a lead-in to one fenced block, and the block's language, are not read; nor a new variable kept of the same
        // expression
        assertThat(decide("SQL: how many customers are there?", "SELECT COUNT(*) FROM customers;",
                "Sure! Just run:\n```sql\nselect count(1) from customers;\n```")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("SQL: how many customers are there?", "SELECT COUNT(*) FROM customers;",
                "Sure! Just run:\n```sql\nselect count(*) from orders;\n```")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("JavaScript: round the number total to one decimal.", "`total.toFixed(1)`",
                "```js\nconst rounded = total.toFixed(1);\n```")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("JavaScript: round the number total to one decimal.", "`total.toFixed(1)`",
                "```js\nconst rounded = total.toFixed(2);\n```")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // what a question says a thing is free of ("stateless", "gluten-free"): negated it is a yes, there a no
        assertThat(decide("Is the API stateless?", "It doesn't store any client state between calls.",
                "The API is stateless.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Is the bread gluten-free?", "Yes.", "It contains no gluten."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Is the bread gluten-free?", "Yes.", "It contains gluten."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is the bread gluten-free?", "Yes.", "It is baked without any gluten."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is decaf caffeine-free?", "No, decaf isn't caffeine-free; it has a little caffeine.",
                "Decaf has no caffeine at all.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // one-letter options with a number in any order, the number glued on or not
        String head = "Shell: print the first 20 lines of notes.txt with its file name.";
        assertThat(decide(head, "head -n 20 -v notes.txt", "head -v -n20 notes.txt"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(head, "head -n 20 -v notes.txt", "head -v -n 2 notes.txt"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // negated, "ignore" and "expire" say the question's thing holds
        assertThat(decide("Does the optimizer use the hint?", "The optimizer does not ignore the hint.",
                "The optimizer uses the hint.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Is the API token still valid?", "The token has not expired.",
                "The token is no longer valid; it expired yesterday.")).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_what_the_twentieth_round_found_answers_say() {
        // in two explanations, a word one sentence says negated where its counterpart negates nothing
        assertThat(decide("How does a heat pump behave in very cold weather?", "A modern heat pump doesn't lose much "
                        + "efficiency until about −15 °C. Below that, it relies on a backup heater. Defrost cycles run "
                        + "now and then to clear ice from the outdoor unit.", "Even a modern heat pump loses much of "
                        + "its efficiency well before −15 °C. Below that point it relies on a backup heater. It also "
                        + "runs defrost cycles now and then to clear ice from the outdoor unit."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What does the clutch do when you change gear?", "Pressing the clutch pedal disconnects the "
                        + "engine from the gearbox so the gears can mesh without grinding. The engine does not stall "
                        + "because it keeps idling on its own. Release the pedal smoothly once the new gear is in.",
                "Pressing the clutch pedal disconnects the engine from the gearbox so the gears mesh without "
                        + "grinding. Meanwhile the engine stalls, so keep some throttle on. Let the pedal out "
                        + "smoothly once the new gear is engaged.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // (where both sentences negate something, the negations are often of other words)
        assertThat(decide("What can I claim if my flight is cancelled?", "You can choose a refund or another flight. "
                        + "If the cancellation wasn't caused by extraordinary circumstances, you may also get €250 "
                        + "to €600 depending on distance.", "You may pick a refund or re-routing. You can also claim "
                        + "€250 to €600, depending on the distance, if the cause wasn't an extraordinary circumstance."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // a description, then the short answer's name after a comma (the last name alone left to the meaning)
        assertThat(decide("Who painted Guernica?", "Pablo Picasso", "The Spanish master, Picasso."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Who painted Guernica?", "Pablo Picasso", "The Spanish master, Pablo Picasso."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which company makes the PlayStation?", "Sony", "The Tokyo electronics giant, Sony Corp."))
                .isEqualTo(Equivalence.Decision.SAME);
        // a city, then its country after a comma
        assertThat(decide("Which country is the Sagrada Familia in?", "Spain", "It stands in Barcelona, Spain."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which country is the Sagrada Familia in?", "Portugal", "It stands in Barcelona, Spain."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Who is the Roman goddess of the hunt?", "Diana", "The hunt goddess is Minerva, Diana's "
                + "rival.")).isNotEqualTo(Equivalence.Decision.SAME);
        // "isn't a problem", "won't harm": a yes to what may be done, a no to whether it is dangerous
        assertThat(decide("Can I freeze bread?", "Yes, bread freezes well.", "Freezing bread is no problem at all."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Is it risky to update the router firmware?", "No.",
                "Updating it won't harm the router if the power stays on.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Is it risky to update the router firmware?", "Yes.",
                "Updating it won't harm the router if the power stays on.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // a title or a judge's office in place of the given name; a middle initial
        assertThat(decide("Who led Britain in 1940?", "Winston Churchill", "Sir Churchill."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Who wrote the majority opinion?", "Earl Warren", "Chief Justice Warren."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Who wrote the majority opinion?", "Earl Warren", "Justice Elizabeth Warren."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Who played Forrest Gump?", "Tom Hanks", "Thomas J. Hanks."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Who played Forrest Gump?", "Tom Hanks", "Colin J. Hanks."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // thousands after points with no decimal, not an address; "a bit over" a number
        assertThat(decide("How many seats are there?", "2,400,000", "2.400.000")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How many seats are there?", "2,400,000", "2.400.500")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which address does the gateway use?", "192.168.100.200", "192168100200"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("How long is a half marathon?", "21.1 km", "A bit over 21 kilometres."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How long is a half marathon?", "21.1 km", "A bit over 25 kilometres."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // tail's "-50" as "-n 50"; the "--" that ends the options before an operand, not before one that looks like
        // an option
        String tail = "Bash: print the last 50 lines of server.log.";
        assertThat(decide(tail, "tail -n 50 server.log", "tail -50 server.log")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(tail, "tail -n 50 server.log", "tail -5 server.log"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Shell: the disk use of each entry here, human-readable.", "du -sh *", "du -sh -- *"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Shell: remove the file named -v.", "rm -- -v", "rm -v"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // a one-letter item as the initial of the one item left
        String positions = "What are the basketball positions on the card?";
        assertThat(decide(positions, "Point guard, small forward, center", "PG, SF, C"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(positions, "Point guard, small forward, center", "PG, SF, F"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // "optional" calls what is asked needless, unless the question asks it
        String wash = "Do you need to wash mushrooms before cooking?";
        assertThat(decide(wash, "No.", "Washing them is optional.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(wash, "Yes.", "Washing them is optional.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is the email field optional?", "Yes.", "The email field is optional."))
                .isEqualTo(Equivalence.Decision.SAME);
        // a verb with a particle WordNet does not know, against the same verb alone; never two particles
        assertThat(decide("How should a new climber start?", "Start off on easy routes with a partner.",
                "Begin on easy routes with a partner.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What should I do with the lamp?", "Turn on the lamp.", "Turn off the lamp."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // in one sentence of two explanations, two things the other way round
        String upgrade = "Upgrade during the Saturday window. First, back up etcd and check that the backup restores. "
                + "Then upgrade the %s before the %s, and watch the error rate for ten minutes. If errors pass 1%%, "
                + "stop and restore the backup.";
        assertThat(decide("How should we upgrade the cluster?", String.format(upgrade, "workers", "masters"),
                String.format(upgrade, "masters", "workers"))).isEqualTo(Equivalence.Decision.DIFFERENT);
        // a no that goes on with its own negation, against a statement whose yes or no is not known
        assertThat(decide("Are there any roadworks on the A1 today?", "No, there aren't any roadworks today.",
                "Traffic on the A1 is flowing normally.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // the question's word with a prefix that negates it, where the stem keeps the "e" of the word alone
        String pure = "Is this JavaScript function pure?";
        assertThat(decide(pure, "Yes.", "It's impure: it writes to a global.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide(pure, "No.", "It's impure: it writes to a global.")).isEqualTo(Equivalence.Decision.SAME);
        // the number a clause states as its result, after "is" or "="; a count out of a whole
        String e = "What is e to three decimal places?";
        assertThat(decide(e, "2.718", "2.71828 rounded to three places is 2.718."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(e, "2.719", "2.71828 rounded to three places is 2.718."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        String jurors = "How many jurors must agree?";
        assertThat(decide(jurors, "Ten", "Ten jurors out of twelve must agree for a verdict."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(jurors, "Twelve", "Ten jurors out of twelve must agree for a verdict."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // "You're on the right track" is a remark before the answer
        assertThat(decide("How long should pasta rest after draining?", "You're on the right track — about two "
                + "minutes lets the sauce cling.", "Roughly 2 minutes.")).isEqualTo(Equivalence.Decision.SAME);
        // how difficult something is, in two steps ("far from easy" is hard)
        assertThat(decide("Rate the difficulty of this hike.", "Easy", "Beginner level."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Rate the difficulty of this hike.", "Hard", "Beginner level."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Was the climb difficult?", "It was hard.", "It was far from easy."))
                .isEqualTo(Equivalence.Decision.SAME);
        // initials of the first name a sentence states, not of one it sets aside
        assertThat(decide("Which body sets world football's laws of the game?", "The IFAB",
                "They are set by the International Football Association Board, which includes FIFA."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which agency regulates futures?", "SEC", "Futures are regulated by the Commodity Futures "
                + "Trading Commission, not the Securities and Exchange Commission."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which agency enforces US antitrust law alongside the DOJ?", "FCC",
                "That's the Federal Trade Commission, an independent agency of the US government."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_hostile_prose_for_the_twentieth_round_rules_in_linear_time() {
        String[] hostile = {"1.000.000." .repeat(200) + "000", "9 out of 10 is 3 = 4 " .repeat(100),
            "du -sh -- -- -- * " .repeat(120), "It is not never not rather than whether or not. " .repeat(40),
            "The Hague, The Hague, Picasso. " .repeat(60), "No, it isn't a problem, no risk, not a risk. " .repeat(45),
            "PG, SF, C, " .repeat(150), "Jeffrey P. Q. R. Bezos Chief Justice Baroness " .repeat(45)};
        String[] questions = {"How many votes are needed?", "Is it risky to run it?", "Who founded Amazon?"};
        // 72 comparisons of about 2,000-character answers; a rule that read them in quadratic time would take minutes
        assertThat(nanosToCompare(hostile, questions, "Seven.")).isLessThan(8_000_000_000L);
    }

    @Test
    void should_leave_alone_what_the_review_of_the_twentieth_round_found_its_rules_would_misread() {
        // a negation said in other words, or set aside, in the counterpart sentence
        assertThat(decide("What is the relationship between correlation and causation?", "Correlation does not imply "
                + "causation on its own. Two variables can move together because a third factor drives both of them, "
                + "or purely by chance.", "Correlation alone is insufficient to imply causation. Two variables may "
                + "move together because some third factor drives both of them, or simply by chance."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What kind of animal is a whale?", "Whales are not fish but mammals. They breathe air "
                + "through lungs, and they nurse their young with milk.", "Whales are mammals rather than fish. They "
                + "breathe air with lungs, and they nurse their young with milk."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // "the opposite of" holds both ways round
        assertThat(decide("What does 'antonym' mean?", "An antonym is a word that means the opposite of another word. "
                + "For instance, hot is the opposite of cold.", "An antonym is a word that means the opposite of "
                + "another word. For instance, cold is the opposite of hot.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // "risk" and "problem" read only right after their negation, and not as a verb
        assertThat(decide("Should I drive over the mountain pass in January?", "It's not worth the risk: the road is "
                + "often closed by snow and chains are mandatory.", "No, the road is often closed by snow in January "
                + "and chains are mandatory.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Should I eat chicken that was left out overnight?", "I wouldn't risk it — bacteria can "
                + "multiply to dangerous levels at room temperature.", "No, throw it away; bacteria multiply quickly "
                + "at room temperature.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Will a new router fix my slow internet?", "The router isn't the problem here; your ISP "
                + "plan caps the speed at 50 Mbps.", "No, a new router won't make it faster, since your ISP plan caps "
                + "the speed at 50 Mbps.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // an office that passes within a family is no title of one person
        assertThat(decide("Who led the Salt March in 1930?", "Mahatma Gandhi", "Prime Minister Gandhi"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Who was US president during the Cuban Missile Crisis?", "John Kennedy", "Senator Kennedy"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // three groups of an address are no thousands; SQL's "--" is a comment
        assertThat(decide("Which IP range does the DHCP server hand out?", "192.168.100.x",
                "Addresses in 192.168.100.0/24")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Write a SQL query that returns the ids of active users.",
                "SELECT id FROM users WHERE active = 1;", "SELECT id FROM users -- WHERE active = 1\n;"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // a one-letter item only among short forms
        assertThat(decide("What are the three primary colors of light?", "Red, green, B", "Red, green, black"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // after a no, a statement that says the word the no negates
        assertThat(decide("Does the 2024 Honda Civic come with a manual transmission?",
                "No, the Civic isn't offered with a manual anymore.",
                "The Civic Si and Type R still offer a six-speed manual transmission."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // "intake" is no negated "take"
        assertThat(decide("Should I take vitamin D supplements in winter?", "Yes.", "It's recommended for most adults "
                + "in winter, and a daily intake of 10 micrograms is usually enough."))
                .isEqualTo(Equivalence.Decision.SAME);
        // the number after "is" is no result where "which", "while" or "and" opens another statement
        assertThat(decide("What is the boiling point of water in Fahrenheit?", "100",
                "Water boils at 212 degrees Fahrenheit which in Celsius is 100")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("How many bones does an adult human have?", "270",
                "An adult has 206 bones while the count for a newborn is about 270."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("How many moons does Mars have?", "22", "Mars has 2 moons and the diameter of Phobos is 22 km."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // "optional" to a question whether something may be left out is no no
        assertThat(decide("Can I skip the cover letter for this application?", "Yes, you can skip it.",
                "The cover letter is optional for this application.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // "Far from" and "Anything but" opening an answer deny what follows
        assertThat(decide("How hard is this climbing route?", "Easy", "Far from easy"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("How difficult is the exam?", "Simple", "Anything but simple"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // (the second review) "optional" is a no only to whether something is needed
        assertThat(decide("Can I leave out the sugar?", "The sugar is optional.", "Yes, you can."))
                .isEqualTo(Equivalence.Decision.SAME);
        // a word and another with a prefix and an "e" that are no antonyms
        assertThat(decide("Are any of the original Beatles still living?", "Two of the original Beatles are still "
                + "alive today.", "Two of the original Beatles still live today.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // "a cousin of" holds both ways round
        assertThat(decide("Who is related to whom?", "Their mothers were sisters, which makes them first cousins. So "
                + "Anna is a cousin of Maria on the maternal side of the family.", "Their mothers were sisters, which "
                + "makes them first cousins. So Maria is a cousin of Anna on the maternal side of the family."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // a one-letter name in a list of words is no initial
        assertThat(decide("What languages are most used in data science?", "Python, R, and SQL", "Python, Ruby, and SQL"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // a proper name opening with "The" is no description; "President" was two Clintons
        assertThat(decide("What's the capital of the Netherlands?", "Amsterdam", "The Hague, Amsterdam"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Who was the first woman elected to the US Senate from New York?", "Hillary Clinton",
                "President Clinton")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Who was the 42nd president of the United States?", "Bill Clinton", "Senator Clinton"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // "P0" is no "P1"; a condition after "is" is no result; a no against the word it negates; a version
        assertThat(decide("What priority is a full production outage?", "P0 — drop everything", "P1"))
                .isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What is x if y is 3 and x = y + 2?", "3", "x is 5 when y is 3"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is the store open on Sunday?", "No, it's not open on Sundays.", "It opens at 10 am on Sundays."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What version of the library fixed the bug?", "Version 1.100.200", "Version 1100200"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_what_the_twenty_first_round_found_answers_say() {
        // words set apart by spaced slashes: alternatives of one label, or a list, not a division
        assertThat(decide("Which priority does this ticket get: 'Payments down for all users'?", "Sev1 / critical",
                "Critical.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which are the primary colours of light?", "red, green, blue", "blue / red / green"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which are the primary colours of light?", "red, green, blue", "blue / red / yellow"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // "neither X nor Y": the third alternative the question offers
        assertThat(decide("Is water at 25 °C an acid, a base or neutral?", "Neutral.", "Neither an acid nor a base."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Is water at 25 °C an acid, a base or neutral?", "An acid.", "Neither an acid nor a base."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // a growth rate only before what grows ("constant pressure" is no label of the answer)
        assertThat(decide("Does heating a gas at constant pressure change its volume?", "At constant pressure, "
                + "heating the gas does not change its volume.", "At constant pressure, heating the gas increases its "
                + "volume in proportion to temperature.")).isNotEqualTo(Equivalence.Decision.SAME);
        // a word's most frequent sense, a sense of the other at any rank; "into" a particle
        assertThat(decide("What will the ministry do next week?", "It will issue new guidelines next week.",
                "It will put out new guidelines next week.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What did the auditors do?", "The auditors looked into the accounts.",
                "The auditors investigated the accounts.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // prefixes of opposite sense, which WordNet may give as one sense; a sentence-opening verb is no name
        assertThat(decide("How do you estimate the missing value?", "Interpolate between the two readings.",
                "Extrapolate between the two readings.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What do the models do to the risk?", "They overestimate the risk.",
                "They underestimate the risk.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // the number after an arrow is the result where it rounds the one before, to a question that asks to round
        assertThat(decide("What is pi to three decimal places?", "3.142", "3.14159… → 3.142"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What is pi to three decimal places?", "3.141", "3.14159… → 3.142"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // a number said in words after "minus"
        assertThat(decide("What was the lowest temperature recorded?", "−12 °C", "Minus twelve Celsius, at dawn."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What was the lowest temperature recorded?", "12 °C", "Minus twelve Celsius, at dawn."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // a one-word answer written apart in the other's first clause is no other answer
        assertThat(decide("Which courier did Fred Smith found?", "FedEx", "Fed-Ex Corp., today FedEx Corporation."))
                .isEqualTo(Equivalence.Decision.SAME);
        // "urgent" at the top of a priority scale
        assertThat(decide("What priority should this ticket get?", "P1", "Urgent.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What priority should this ticket get?", "P3", "Urgent.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // a word of a name is no opposite of a word of the other ("New York" / "the same moment")
        assertThat(decide("When does the launch stream start?", "9:00 a.m. EST in New York.", "That is 6 AM Pacific "
                + "Standard Time, the same moment as 9 in the morning on the East Coast."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("When does the launch stream start?", "9:00 a.m. EST in New York.", "That is 7 AM Pacific "
                + "Standard Time, the same moment as 10 in the morning on the East Coast."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // the same words in any order, negated in one; a verb that keeps out what the question asks
        assertThat(decide("Is the deposit transferable?", "The deposit is non-transferable.",
                "The deposit can be transferred.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Does the policy cover flood damage?", "Flood damage is not excluded by the policy.",
                "The policy excludes flood damage.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // a genus with another species, where WordNet knows the genus as one species
        assertThat(decide("Which fly did Morgan breed to map genes?", "Drosophila melanogaster", "Drosophila virilis, "
                + "mostly.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which fly did Morgan breed to map genes?", "Drosophila melanogaster", "Drosophila, the "
                + "common fruit fly.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_hostile_prose_for_the_twenty_first_round_rules_in_linear_time() {
        String[] hostile = {"gas / solid / liquid / " .repeat(90) + "gas", "neither nor neither a nor an " .repeat(70),
            "2.71828 → 2.7 → 3 -> b => c " .repeat(75), "minus minus forty negative ten minus " .repeat(55),
            "Drosophila melanogaster Drosophila simulans Drosophila " .repeat(40),
            "Interpolate extrapolate overestimate underestimate hyperhypo " .repeat(35)};
        String[] questions = {"Is it acidic, basic or neutral?", "Which fly is the model organism?", "What is e?"};
        // 36 comparisons of about 2,000-character answers; a rule that read them in quadratic time would take minutes
        assertThat(nanosToCompare(hostile, questions, "Neutral.")).isLessThan(8_000_000_000L);
    }

    @Test
    void should_read_the_twenty_first_round_s_double_negations_as_a_yes() {
        assertThat(decide("Are contractors eligible for the bonus?", "Contractors are not ineligible for the bonus.",
                "Yes, contractors qualify.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is the book in print?", "It isn't out of print.", "Yes, you can still buy it."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Did the courier deliver the parcel?", "The courier didn't fail to deliver it.",
                "Yes, the parcel was delivered.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Do hens need water every day?", "Hens can't go a day without water.", "Yes, every day."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // a verb that keeps out what is asked, first in the answer
        assertThat(decide("Does the lease allow smoking?", "Forbids smoking outright.", "No."))
                .isEqualTo(Equivalence.Decision.SAME);
        // "not without" allows it only on a condition: no yes
        assertThat(decide("Can I use this photo commercially?", "Not without a licence.", "Yes, freely."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_leave_alone_what_the_review_of_the_twenty_first_round_found_its_rules_would_misread() {
        // two runs around a slash are a ratio where the question asks for no label
        assertThat(decide("What is the formula for speed?", "distance / time", "time / distance"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which Windows versions are supported?", "Windows 10 / Windows 11", "Windows 10"))
                .isNotEqualTo(Equivalence.Decision.SAME);
        // "both" is no third label that "neither … nor" leaves
        assertThat(decide("Is light a wave, a particle, or both?", "Neither wave nor particle.", "Both."))
                .isNotEqualTo(Equivalence.Decision.SAME);
        // a growth rate before "blowup" is still one
        assertThat(decide("What is the time complexity of naive recursive Fibonacci?", "Exponential blowup from "
                + "repeated subcalls.", "Linear with memoization of subcalls.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // "run into" is to meet and to hit: the text decides; a noun's first sense is no synonym of another's far one
        assertThat(decide("What happened when Tom went to the mall?", "He ran into his old teacher.",
                "He hit his old teacher.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What are the monomers of DNA?", "The monomers of DNA are nucleotides.",
                "The monomers of DNA are bases.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // a prefix opposite beside the asked word itself turns no yes round
        assertThat(decide("Is hypertension a risk factor for stroke?", "Unlike hypotension, hypertension is a major "
                + "risk factor for stroke.", "Yes.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // an arrow from one value to another is a change, not a rounding; an arrow from a letter is no choice
        assertThat(decide("What was the starting salary?", "$60,000", "$50,000 → $60,000"))
                .isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which cadence is authentic in C major?", "G → C", "F → C"))
                .isNotEqualTo(Equivalence.Decision.SAME);
        // "minus" as a countdown or a margin, "negative" as a result, are no sign; "below zero" is one
        assertThat(decide("How long until launch?", "T minus ten seconds", "Ten seconds"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is the margin of error?", "Plus or minus three percent", "Three percent"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("How many times was the test negative?", "It was negative three times.", "Three times."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("How cold does Yakutsk get?", "Around minus forty degrees.", "Around forty degrees below "
                + "zero.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // a word WordNet knows after the genus is no other species
        assertThat(decide("Which organism did Morgan study?", "Drosophila melanogaster", "Drosophila fruit flies"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_leave_alone_what_the_second_review_of_the_twenty_first_round_found_its_rules_would_misread() {
        // "can't … without" what the question does not ask is a no; a no said again is no double negation
        assertThat(decide("Can I install the package as a regular user?", "You can't install it without root access.",
                "No, you need root privileges.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Does the hotel allow pets?", "No pets, no exceptions.", "Pets are not allowed."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is there a booking fee?", "Yes, a small one.", "No fee, none at all."))
                .isNotEqualTo(Equivalence.Decision.SAME);
        // "not un-X" is a yes only where the question asks X
        assertThat(decide("Is cannabis banned in Canada?", "Yes, completely.", "It's not illegal there."))
                .isNotEqualTo(Equivalence.Decision.SAME);
        // a ratio to a question with a classifying word; a hedge between two labels
        assertThat(decide("How do you calculate the conversion rate?", "conversions / visitors", "visitors / conversions"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Classify the ticket: bug, feature or question?", "bug", "bug / feature"))
                .isNotEqualTo(Equivalence.Decision.SAME);
        // "neither … nor" beside what the answer says it is
        assertThat(decide("Is a bat a bird, a reptile, or a rodent?", "Neither a bird nor a reptile; it's a mammal, "
                + "though not a rodent.", "A rodent.")).isNotEqualTo(Equivalence.Decision.SAME);
        // an arrow to a new value where no rounding is asked
        assertThat(decide("What was the Fed funds rate before the cut?", "5.25% → 5%", "5%"))
                .isNotEqualTo(Equivalence.Decision.SAME);
        // a letter after an arrow is no choice letter ("G7 → C" moves to the chord C, option B)
        assertThat(decide("Which chord does G7 resolve to in C major? A) F B) C C) Am D) Dm", "G7 → C", "B) C"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // "spp." names no species
        assertThat(decide("Which fruit fly is the classic model organism?", "Drosophila melanogaster",
                "Drosophila spp.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_metric_prefixes_in_the_case_they_are_written() {
        String power = "What does the transmitter draw?";
        assertThat(decide(power, "8 mW", "8 MW")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide(power, "8 MW", "8,000 kW")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(power, "8 mW", "0.008 W")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(power, "2.5 GW", "2500 megawatts")).isEqualTo(Equivalence.Decision.SAME);
        String resistor = "Which resistor goes in the feedback path?";
        assertThat(decide(resistor, "2.2 kΩ", "2,200 ohms")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(resistor, "2.2 kΩ", "2.2 MΩ")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide(resistor, "2.2 kΩ", "2.2 Ω")).isEqualTo(Equivalence.Decision.DIFFERENT);
        String dose = "How much reagent goes into each well?";
        assertThat(decide(dose, "50 µL", "0.05 mL")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(dose, "50 μL", "50 mL")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which capacitor smooths the rail?", "470 nF", "0.47 µF")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What is the bulb's rating?", "230 V", "0.23 kV")).isEqualTo(Equivalence.Decision.SAME);
        // a symbol in a compound unit is read with it; a capital after a year is an initial, not joules
        assertThat(decide("What is the syrup's concentration?", "12 mg/mL", "12 mg·mL⁻¹")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(AnswerText.lower("Written in 1851 J. Smith")).isEqualTo("written in 1851 j. smith");
        assertThat(AnswerText.lower("It draws 8 mW")).isEqualTo("it draws 8 milliwatt");
    }

    @Test
    void should_read_inches_pixels_points_and_long_whole_numbers() {
        String screen = "How wide is the monitor's diagonal?";
        assertThat(decide(screen, "32 in", "32 cm")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide(screen, "32 in", "81.28 cm")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(Quantities.parse("sales rose 4 % in 2021")).extracting(Quantities.Quantity::unit)
                .containsExactly("%", null);
        assertThat(Quantities.parse("5 ft 2 in")).extracting(Quantities.Quantity::unit).containsExactly("m");
        String type = "What font size do the captions use?";
        assertThat(decide(type, "9 pt", "12 px")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(type, "9 pt", "9 px")).isEqualTo(Equivalence.Decision.DIFFERENT);
        String limit = "What is the largest value an unsigned 16-bit integer can hold?";
        assertThat(decide(limit, "4,294,967,295", "4,294,967,296")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide(limit, "2^16 − 1", "65,535")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(limit, "2^16 − 1", "65,536")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is 2 to the 40th?", "2^40", "1,099,511,627,776")).isEqualTo(Equivalence.Decision.SAME);
        // a date keeps its hyphens: no subtraction
        assertThat(Formulas.workedOut("2^3", "2024-05-01", false)).isNull();
    }

    @Test
    void should_read_digits_inside_a_word_as_a_name_not_a_quantity() {
        // "2h" inside a formula is no two hours: two formulas with other counts differ
        assertThat(decide("What is the formula of lactose?", "C12H22O11", "C₁₂H₂₂O₁₀")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is the formula of lactose?", "C12H22O11", "C₁₂H₂₂O₁₁")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which gas forms at the anode?", "O2", "H2")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which GHS pictogram applies?", "GHS05", "GHS07")).isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(AnswerKey.of("H2")).doesNotStartWith("number:");
        // a formula that opens a longer answer is what it states; "P1" is a label, no phosphorus
        assertThat(decide("What is the formula of ozone?", "O₃", "O2 — the oxygen we breathe.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is the formula of ozone?", "O₃", "O3 (three oxygen atoms).")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(Chemistry.formula("P1")).isNull();
        assertThat(Chemistry.leadingFormula("He said no.")).isNull();
    }

    @Test
    void should_read_a_short_answer_named_as_a_view_that_the_answer_corrects() {
        String capital = "What is the capital of Switzerland?";
        String corrected = "Many people assume it's Zurich, but the capital of Switzerland is Bern.";
        assertThat(decide(capital, "Zurich", corrected)).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide(capital, "Bern", corrected)).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(capital, "Geneva", "People often name Geneva, but it's actually Bern."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // a "but" that corrects nothing the question asks leaves the view as the answer
        assertThat(decide(capital, "Bern", "Most people say Bern, but few know it has no capital status in law."))
                .isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_a_short_answer_named_only_as_a_point_of_reference() {
        String opera = "Who composed 'The Magic Flute'?";
        String answer = "'The Magic Flute' is an opera by Wolfgang Amadeus Mozart, a younger contemporary of Haydn.";
        assertThat(decide(opera, "Haydn", answer)).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide(opera, "Mozart", answer)).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which bone is the longest in the body?", "The tibia",
                "The longest bone is the femur, which sits just above the tibia.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // a place named along the way, or a name given after a description, is still the answer
        assertThat(decide("Which river flows through Vienna?", "The Danube",
                "Vienna lies on both banks of the river, along the Danube.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Who first flew solo across the Atlantic?", "Charles Lindbergh",
                "The first to fly it solo was a US airmail pilot, Charles Lindbergh.")).isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_split_a_short_answer_from_a_sentence_that_names_it_but_states_another_in_another_clause() {
        String games = "Which city hosted the 2012 Summer Olympics?";
        String answer = "Beijing had the Games in 2008; the host city of the 2012 Summer Olympics is London.";
        assertThat(verdict(games, "Beijing", answer).rule()).isEqualTo("another answer stated in another clause");
        // a name, not a description or a state that has passed ("… is a form of carbon", "… was Almaty until 1997")
        assertThat(decide("What is the hardest natural substance?", "Diamond",
                "Diamond; the hardest natural substance is a form of carbon.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is the capital of Kazakhstan?", "Astana",
                "Astana. The capital of Kazakhstan was Almaty until 1997.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is the fear of spiders called?", "Arachnophobia",
                "Arachnophobia; the fear of spiders is sometimes called Arachnephobia."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        String ceiling = "Who painted the ceiling of the Sistine Chapel?";
        String painted = "Raphael worked in the Vatican at the time; the ceiling was painted by Michelangelo.";
        assertThat(decide(ceiling, "Raphael", painted)).isEqualTo(Equivalence.Decision.DIFFERENT);
        // a relative clause speaks of the word before it; a passive of another verb states no answer; a name given
        assertThat(verdict("Which bird is New Zealand's national emblem?", "Kiwi",
                "New Zealanders are nicknamed after the kiwi, which is the country's national emblem.").rule())
                .isNotEqualTo("another answer stated in another clause");
        assertThat(decide("What makes distant galaxies look redder?", "Cosmological redshift",
                "Their light is stretched by the expansion of space; that's cosmological redshift."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // what the review of the twenty-fifth round found the first form split or joined: a description, a passive of
        // another verb, another name, a number, or a subject the question does not ask of, is no other answer
        assertThat(decide("What is the capital of Australia?", "Canberra",
                "Canberra is the capital of Australia; the capital is a planned city.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Who discovered penicillin?", "Alexander Fleming",
                "Alexander Fleming discovered penicillin in 1928; penicillin was then purified by Florey and Chain."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What is the currency of the United Kingdom?", "Pound sterling",
                "The UK's currency is the pound sterling, and the currency is also called the quid informally."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is the tallest building in the world?", "Burj Khalifa",
                "The Burj Khalifa, which is in Dubai, is the tallest building; the building is 828 metres tall."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is the largest moon of Saturn?", "Titan",
                "Titan is Saturn's largest moon; the moon is bigger than Mercury.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Who painted the ceiling of the Sistine Chapel?", "Perugino",
                "Michelangelo painted the ceiling; the chapel's walls were painted by Perugino and Botticelli."))
                .isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which planet is closest to the Sun?", "Venus",
                "Mercury is closest to the Sun; the planet closest to Earth is Venus.")).isNotEqualTo(Equivalence.Decision.SAME);
        // a fraction the longer answer says in words the numbers do not read
        assertThat(decide("What fraction of a pizza is one slice if it is cut into eight?", "One eighth",
                "An eighth of the pizza")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // a fraction in words is a number alone ("One hundredth." against a working)
        assertThat(decide("What is ten to the minus two?", "10⁻² = 0.01", "One hundredth."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What is ten to the minus two?", "10⁻² = 0.01", "One thousandth."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is three divided by four?", "3/4 = 0.75", "Three quarters."))
                .isEqualTo(Equivalence.Decision.SAME);
    }

    @ParameterizedTest(name = "{1} / {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            Which shortcut pastes in Windows?              | Ctrl+V        | Press Control-V.                                | SAME
            Which shortcut pastes in Windows?              | Ctrl+V        | Ctrl + V                                        | SAME
            Which shortcut pastes in Windows?              | Ctrl+V        | Press Ctrl+Shift+V to paste the text.           | DIFFERENT
            Which shortcut pastes in Windows?              | Ctrl+V        | Use Ctrl+X, then click where it should go.      | DIFFERENT
            Which shortcut locks a Mac's screen?           | Ctrl+Cmd+Q    | Press ⌘⌃Q.                                      | SAME
            Which shortcut locks a Mac's screen?           | Ctrl+Cmd+Q    | Command-Control-Q                               | SAME
            Which shortcut locks a Windows PC?             | Win+L         | Windows-L                                       | SAME
            Which shortcut opens the Windows task manager? | Ctrl+Shift+Esc | Control + Shift + Escape                       | SAME
            Which shortcut opens the Windows task manager? | Ctrl+Shift+Esc | Ctrl+Alt+Del, then choose Task Manager.        | DIFFERENT
            Which extension do Excel workbooks use?        | .xlsx         | Excel saves workbooks as .xls unless told otherwise. | DIFFERENT
            Which extension do Excel workbooks use?        | .xlsx         | .xls                                            | DIFFERENT
            Which extension do Excel workbooks use?        | .xlsx         | Workbooks are saved as .xlsx files.             | SAME
            Which extension do Excel workbooks use?        | .xlsx         | .XLSX                                           | SAME
            Which extension do Excel workbooks use?        | .xlsx         | Workbooks are XLSX files, not .xls              | SAME
            Which extension does a JPEG image use?         | .jpg          | .jpeg                                           | SAME
            Which extension marks a compressed tarball?    | .tar.gz       | .tgz                                            | SAME
            Which extension marks a compressed tarball?    | .tar.gz       | .tar                                            | DIFFERENT
            How do you exit Emacs?                         | Ctrl-X Ctrl-C | Ctrl-X Ctrl-S                                   | DIFFERENT
            Which shortcut pastes without formatting?      | Ctrl+V        | Not Ctrl+V; use Ctrl+Shift+V.                   | DIFFERENT
            How do you open Mission Control on a Mac?      | Control+Up Arrow | ⌃↑                                           | SAME
            Which key runs a command by name in Emacs?     | Meta-x        | Alt+X                                           | MEANING
            Which plan should we choose?                   | Option-B      | Not option-B; option-C is cheaper.              | DIFFERENT
            Which shortcut snips a region of the screen?   | Win+Shift+S   | Windows key + Shift + S                         | SAME
            Which shortcut force-quits on a Mac?           | Cmd+Option+Esc | Option-Command-Escape                          | SAME
            Which shortcut takes a screenshot on a Mac?    | Cmd+Shift+4   | Command key + Shift + 4                         | SAME
            Which shortcut comments a line out?            | Ctrl+K, Ctrl+C | Ctrl+K                                         | DIFFERENT
            """)
    void should_read_key_combinations_and_file_extensions_in_one_form(String question, String a, String b,
            Equivalence.Decision expected) {
        assertThat(decide(question, a, b)).isEqualTo(expected);
        assertThat(decide(question, b, a)).isEqualTo(expected);
    }

    @Test
    void should_read_both_ends_of_a_range_of_times_in_the_zone_written_after_it() {
        String window = "When does the database upgrade run?";
        assertThat(decide(window, "Sunday 6 October, 01:00–03:00 UTC", "Sun 6 Oct, 03:00 to 05:00 CEST"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(window, "Sunday 6 October, 01:00–03:00 UTC", "Sun 6 Oct, 01:00 to 03:00 CEST"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(Quantities.parse(AnswerText.lower("09:00-17:00 EST"))).extracting(Quantities.Quantity::value)
                .containsExactly(14.0, 22.0);
        // on the 12-hour clock the first end may be in the morning or the afternoon: left as written
        assertThat(Quantities.parse(AnswerText.lower("3:00 to 5:00 p.m. CET"))).extracting(Quantities.Quantity::unit)
                .containsExactly(null, Quantities.UTC_TIME);
    }

    @Test
    void should_read_gallons_abbreviated_with_their_country() {
        String tank = "How much does the tank hold?";
        assertThat(decide(tank, "50 US gal", "About 189 litres, which is 50 US gallons.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(tank, "50 imp gal", "About 227 litres.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(tank, "50 UK gal", "50 US gal")).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_join_approximate_whole_numbers_of_three_digits_within_a_small_share() {
        String oven = "The recipe says 200 °C. What is that in Fahrenheit?";
        assertThat(decide(oven, "About 390 °F.", "Roughly 392 °F.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(oven, "About 390 °F.", "Roughly 410 °F.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide(oven, "390 °F.", "392 °F.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // decimals keep the precision they were given to
        assertThat(decide("What is pi to two decimals?", "About 3.14", "About 3.16")).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_not_take_a_count_for_a_rival_of_a_year() {
        String treaty = "In what year was the treaty signed?";
        assertThat(decide(treaty, "1648", "After three rounds of talks in two cities, it was signed in October 1648."))
                .isEqualTo(Equivalence.Decision.SAME);
        // another year first still is one
        assertThat(decide(treaty, "1648", "Talks began in 1643; the treaty was signed five years later, in 1648."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide(treaty, "1643", "After three rounds of talks in two cities, it was signed in October 1648."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_key_combinations_in_a_text_of_hostile_length_without_backtracking() {
        String symbols = "⌘ ".repeat(200_000) + "!";
        String modifiers = "ctrl+".repeat(200_000) + "!";
        String spaces = "⌘" + " ".repeat(400_000) + "+" + " ".repeat(400_000);
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Keys.chords(symbols))).isEmpty();
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Keys.chords(modifiers))).isEmpty();
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Keys.chords(spaces))).isEmpty();
        assertThat(Keys.chords("Press Ctrl+Alt+Del, or Ctrl + Shift + Esc.")).containsExactly("ctrl+alt+delete",
                "ctrl+shift+esc");
        // a modifier's name inside a word, or before a word, is no key combination
        assertThat(Keys.chords("Altair, command-line tools, a meta-analysis, Shift-work, option-B, Win-7, the super-G"))
                .isEmpty();
        // a file's name states its extension
        assertThat(decide("Which extension should the notes file have?", ".txt",
                "Name it something like notes.txt, not .rtf.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_leave_alone_what_the_review_of_the_twenty_fourth_round_found_its_rules_would_misread() {
        // a version string is digits inside a word, read without failing ("v1.2.3" threw before the mend)
        assertThat(Quantities.parse("node18.16.0 and v1.2.3")).extracting(Quantities.Quantity::value)
                .containsExactly(18.16, 0.0, 1.2, 3.0);
        assertThat(decide("Which release has the fix?", "v2.4.1", "The fix shipped in v2.4.1.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which release has the fix?", "v2.4.1", "v2.4.2")).isNotEqualTo(Equivalence.Decision.SAME);
        // a bare "W" is left to the table: a longitude stays one
        assertThat(decide("Where is the lighthouse?", "51.5072 N, 0.1276 W", "51.5072° N, 0.1276° W"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // the same unit before a full stop and elsewhere is read alike
        assertThat(decide("What is the battery's voltage?", "24 V", "About 24 V. Fully charged it reads 25.4 V."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which capacitor smooths the rail?", "220 nF", "0.22 uF")).isEqualTo(Equivalence.Decision.SAME);
        // a power of more digits than a working keeps is compared to its rounding; unspaced minus after a power
        assertThat(decide("What is 3 to the 40th?", "3^40", "12,157,665,459,056,928,801")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What is the largest signed 16-bit value?", "2^15-1", "32,767")).isEqualTo(Equivalence.Decision.SAME);
        // "of", "from" and "with" name the answer itself unless a word makes them a relation
        assertThat(decide("Who discovered insulin's use in diabetes?", "Frederick Banting",
                "Insulin was first used on a patient in Toronto in 1922, the work of Frederick Banting."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which city hosted the 1948 Summer Olympics?", "London",
                "The 1948 Summer Olympics were held in the United Kingdom, with London as the host city."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which country gave the Statue of Liberty to the United States?", "France",
                "The Statue of Liberty was dedicated in New York in 1886, a gift from France."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // "with" before a share, and "before", relate; "named after" names
        assertThat(decide("Which metal is the most abundant in Earth's crust?", "Iron",
                "Aluminium makes up about 8% of the crust by mass, with iron at about 5%."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which ruler is the month of July named after?", "Julius Caesar",
                "The month was renamed in 44 BC by the Roman Senate, and named after Julius Caesar."))
                .isEqualTo(Equivalence.Decision.SAME);
        // "really" alone corrects nothing
        assertThat(decide("What is the capital of Switzerland?", "Bern",
                "Most people say Bern, but officially it is really only the 'federal city'."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_initials_against_a_name_with_a_description_or_an_owner() {
        String bank = "Which body of the Bank of England sets the UK's interest rates?";
        assertThat(decide(bank, "The MPC", "The Monetary Policy Committee, which meets eight times a year."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(bank, "The MPC", "The Bank of England's Monetary Policy Committee."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(bank, "The MPC", "The Bank of England's Financial Policy Committee."))
                .isNotEqualTo(Equivalence.Decision.SAME);
        String host = "Which foundation hosts the Apache HTTP Server?";
        assertThat(decide(host, "The Apache Software Foundation", "ASF, a non-profit based in Delaware."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(host, "The Linux Foundation", "ASF, a non-profit based in Delaware."))
                .isNotEqualTo(Equivalence.Decision.SAME);
        // no initials across a list's items, nor of a list's first item; an owner the question does not speak of; a
        // code with a hyphen; initials spelled out otherwise or taken back
        assertThat(decide("Which sizes are in stock?", "SM", "Small, Medium")).isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which country left the EU in 2020?", "The UK", "United Kingdom, France and Germany"))
                .isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which body sets the UK's interest rates?", "The MPC",
                "The Reserve Bank of India's Monetary Policy Committee.")).isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which connector does the phone use?", "Universal Serial Bus", "USB-C, the reversible one."))
                .isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Who publishes JACS?", "The American Cancer Society", "ACS, the American Chemical Society."))
                .isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which body sets trade rules?", "The World Trade Organization", "WTO — no, sorry, the WHO."))
                .isNotEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_a_capitalised_adjective_alone_as_no_name() {
        String tone = "Is the tone of this email formal or casual?";
        assertThat(decide(tone, "Casual", "Informal.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide(tone, "Formal", "Casual.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide(tone, "Formal", "Informal.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // two names stay two names
        assertThat(decide("Which is the tallest mountain in Wales?", "Snowdon", "Cadair")).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_a_short_answer_that_names_again_what_the_clause_before_ended_on_as_stated() {
        assertThat(decide("At which OSI layer does TCP operate?", "TCP sits at layer 4, the transport layer.",
                "Transport")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What gas do yeast produce along with ethanol during fermentation?", "Carbon dioxide",
                "Yeast give off CO2 — carbon dioxide — which carbonates the beer."))
                .isEqualTo(Equivalence.Decision.SAME);
        // a word before the short answer's, a negation, or more than one word after it says more
        assertThat(decide("At which OSI layer does TCP operate?", "Transport",
                "TCP sits at layer 3, the layer below the transport layer.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("At which OSI layer does TCP operate?", "Transport",
                "TCP sits at layer 3, not the transport layer.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which planet is the hottest?", "Venus",
                "It is Mercury, which is a neighbour of Venus.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // (a reviewer's pairs) a clause that places its answer against another, a relative clause about another
        // thing, a formula and its name later in a list
        assertThat(decide("At which OSI layer does TCP operate?", "Network",
                "TCP sits above layer 3, the network layer.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("At which OSI layer does IP operate?", "Transport",
                "IP runs below TCP at layer 4, the transport layer.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What type of rock is marble?", "Sedimentary",
                "Marble is a metamorphic rock formed from limestone, which is a sedimentary rock."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which gas makes up most of Earth's atmosphere?", "Oxygen",
                "Mostly nitrogen, N2, then O2, oxygen.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What gas is produced at the cathode during electrolysis of water?", "Oxygen",
                "Hydrogen, H2, forms at the cathode; O2, oxygen, at the anode.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which layer handles routing?", "Transport",
                "Routing happens at layer 3, the transport layer's neighbour below it."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_a_name_in_capitals_as_the_initials_of_a_run_of_capitalised_words_in_the_other_answer() {
        String agency = "Which UN agency is responsible for the safety of international shipping?";
        assertThat(decide(agency, "The International Maritime Organization is responsible.",
                "The IMO, headquartered in London, is responsible.")).isEqualTo(Equivalence.Decision.SAME);
        // other initials, or initials in lower case, are another name
        assertThat(decide("Which agency launched the telescope?", "The ESA launched it from Kourou.",
                "The European Southern Observatory launched it.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide(agency, "The International Maritime Organization is responsible.",
                "The ILO, headquartered in Geneva, is responsible.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // initials of the start of a longer name are not its initials
        assertThat(decide("Which country shares Hispaniola with Haiti?", "The DR, whose capital is Santo Domingo.",
                "The Democratic Republic of the Congo.")).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_roman_numerals_and_integer_literals_as_their_numbers() {
        assertThat(decide("Write the year the Channel Tunnel opened in Roman numerals.", "MCMXCIV", "1994"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("In what year was the Sistine Chapel ceiling finished?", "1512", "MDXII."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("In what year was the Sistine Chapel ceiling finished?", "1512", "MDXI"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is 0xFF in decimal?", "0b11111111", "255")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What is 0xFF in decimal?", "0xff", "255")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What is the hex value of decimal 16?", "0x16", "0x10"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // to a question that asks for that system, the literal is its digits as written
        assertThat(decide("What's decimal 13 in binary?", "1101", "0b1101")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What's decimal 13 in binary?", "1101", "0b1011"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // a whole answer that is also an acronym, to a question that asks for no number, stays a word
        assertThat(decide("Which interface carries the video?", "DVI", "Digital Visual Interface (DVI)"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How many values can a single hexadecimal digit represent?", "16", "0x10"))
                .isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_a_formula_written_in_latex_and_one_label_written_apart_and_together() {
        assertThat(decide("Write the chemical formula for water.", "$H_2O$", "H₂O₂"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Write the chemical formula for water.", "$H_2O$", "H₂O")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Write 'decibels relative to full scale' in standard notation.", "dBFS", "dB FS"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Write 'decibels relative to full scale' in standard notation.", "dBFS", "dB SPL"))
                .isNotEqualTo(Equivalence.Decision.SAME);
        // words written apart and together, and marks other than spaces, are not one label
        assertThat(decide("Which word fits?", "Apart", "A part")).isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which word fits?", "Everyday", "Every day")).isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which key is it in?", "F#", "F")).isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which service was it?", "Disney+", "Disney")).isNotEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_a_score_the_other_way_round_as_another_result() {
        assertThat(decide("Result of 1.f3 e5 2.g4 Qh4#? Answer 1-0, 0-1 or ½-½.", "0-1", "White won the game, 1-0."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What was the final score?", "2-1", "1–2")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // the same score, a draw, and a date are no reversed score
        assertThat(decide("What was the final score?", "2-1 to Arsenal", "Arsenal won 2–1."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What was the final score?", "It ended 0-0.", "A goalless draw, 0-0."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("When was it signed?", "2024-03-15", "15 March 2024")).isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_castling_in_notation_as_what_it_is_to_a_chess_question() {
        assertThat(decide("How do you write kingside castling in chess notation?", "0-0", "O-O"))
                .isEqualTo(Equivalence.Decision.SAME);
        // one castling is not read inside the other
        assertThat(decide("How do you write queenside castling in chess notation?", "O-O-O", "O-O"))
                .isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(Equivalence.castling("o-o-o", Question.of("Which castling is this?"))).isEqualTo("queenside castling");
        // elsewhere "0-0" is a score
        assertThat(Equivalence.castling("it ended 0-0", Question.of("What was the final score?")))
                .isEqualTo("it ended 0-0");
    }

    @Test
    void should_read_a_title_or_initials_in_place_of_given_names_before_the_same_last_name_as_one_person() {
        assertThat(decide("Who directed the rebuilding of Paris under Napoleon III?",
                "Baron Haussmann directed the rebuilding of Paris.",
                "Georges-Eugène Haussmann directed the rebuilding of Paris.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Who patented the movable-frame hive in 1852?", "Lorenzo Langstroth patented it in 1852.",
                "The Reverend L. L. Langstroth patented it in 1852.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // other given names, or other initials, before the same last name are another person
        assertThat(decide("Who discovered polonium?", "Marie Curie discovered it.", "Pierre Curie discovered it."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Who patented the movable-frame hive in 1852?", "Lorenzo Langstroth patented it in 1852.",
                "The Reverend J. B. Langstroth patented it in 1852.")).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_not_take_one_of_the_alternatives_another_answer_leaves_open_for_that_answer() {
        assertThat(decide("Who painted the ceiling?", "Either Raphael or Perugino — accounts differ.", "Raphael"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which piece can jump over others?", "A knight, a rook, or a bishop.", "A knight"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which piece can jump over others?", "The knight, the rook or the bishop", "The rook"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // alternatives named and then one chosen, or set aside, leave no choice open
        assertThat(decide("Which is the largest planet?", "Many people guess either Saturn or Jupiter, but the largest "
                + "planet is Jupiter.", "Jupiter")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is the capital of Turkey?", "Ankara, not Istanbul, Izmir, or Bursa.", "Ankara"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // another name of the same thing in parentheses or after a comma, and "either" in another sense, leave it
        assertThat(decide("What is the country called?", "Myanmar, or Burma", "Myanmar"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What are the sealed cells called?", "Those are capped brood (or sealed brood).",
                "Capped brood")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which join drops unmatched rows?", "An inner join: rows without a match on either side are "
                + "dropped.", "Inner join")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // a hostile flood of items is read in one pass
        String flood = "a, ".repeat(50_000) + "or b";
        assertThat(Equivalence.oneOfAlternatives(Equivalence.Reading.of(flood, Question.of("Which?")),
                Equivalence.Reading.of("b", Question.of("Which?")))).isFalse();
    }

    @Test
    void should_read_the_short_answer_given_as_the_name_of_what_a_longer_one_describes_first() {
        assertThat(decide("Which knot is tied to make a fixed loop at the end of a rope?", "Bowline",
                "That is a fixed-loop knot, usually shortened to the bowline.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which wind is the dry warm wind down the lee of the Alps?", "Foehn",
                "It is a katabatic wind, known in German as the Foehn.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // another answer first, with no word that names the short one as its name, is still another answer
        assertThat(decide("Which knot is tied to make a fixed loop at the end of a rope?", "Bowline",
                "A figure-eight loop, which is stronger than a bowline.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is the innermost large moon of Jupiter?", "Io", "Jupiter I, better known as Io."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // a first clause that gives a name of its own is another answer, whatever a later one is called
        assertThat(decide("Who painted the Mona Lisa?", "Michelangelo", "Leonardo da Vinci painted it, and he was a "
                + "rival of the sculptor known as Michelangelo.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which planet is the hottest?", "Mercury",
                "Venus is the hottest; the planet closest to the sun, called Mercury, is cooler."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_an_adjective_of_a_people_before_a_noun_as_no_name_and_one_name_spelt_with_a_letter_more() {
        assertThat(decide("Who first described the rings of Saturn as a disc?",
                "The rings were first described as a disc by the Dutch astronomer Huyghens.",
                "Christiaan Huygens first described them as a disc.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(Equivalence.oneLetterApart("huyghens", "huygens")).isTrue();
        // short names, or names apart in more than one letter, are other names
        assertThat(Equivalence.oneLetterApart("ivan", "iván")).isFalse();
        assertThat(Equivalence.oneLetterApart("johnson", "johnsons")).isFalse();
        assertThat(Equivalence.oneLetterApart("thompson", "thomson")).isFalse();
        assertThat(Equivalence.oneLetterApart("stevens", "stephens")).isFalse();
        assertThat(decide("Who first described the rings of Saturn as a disc?",
                "The rings were first described as a disc by the Italian astronomer Cassini.",
                "Christiaan Huygens first described them as a disc.")).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_an_answer_named_only_as_a_relative_of_another_as_that_other() {
        assertThat(decide("Who founded the dynasty?", "Osman I",
                "It was Osman I's son, Orhan, who made it a state.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which moon was found first?", "Deimos",
                "Phobos; its sibling, Deimos, was spotted a few days earlier.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // a possessive that is no kin ("Osman I's reign") names the answer
        assertThat(decide("Who founded the dynasty?", "Osman I", "Osman I founded it; Osman I's reign began around 1299."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // a relative the question asks for, a relative that opens the answer, an answer named before as itself
        assertThat(decide("Who was Queen Victoria's husband?", "Prince Albert", "Her husband, Prince Albert."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Who taught Aristotle?", "Plato", "His teacher, Plato.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Who founded the Mughal Empire?", "Babur",
                "Babur founded it in 1526 and Babur's son Humayun inherited it.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_tell_a_code_from_the_same_code_with_another_sign() {
        assertThat(decide("Code heavy rain showers in a METAR.", "+SHRA", "-SHRA")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // a minus on one side only marks an affix or an option
        assertThat(decide("What suffix do most enzyme names end in?", "-ase", "ase"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(Equivalence.otherSign("un-", "un")).isFalse();
        assertThat(decide("Which grade was it?", "B+", "B−.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which language?", "C", "C++")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(Equivalence.otherSign("+SHRA", "+SHRA.")).isFalse();
        // numbers, sentences and long tokens are read elsewhere
        assertThat(Equivalence.otherSign("-42", "42")).isFalse();
        assertThat(Equivalence.otherSign("light rain", "-light rain")).isFalse();
        assertThat(Equivalence.otherSign("-" + "x".repeat(100_000), "x".repeat(100_000))).isFalse();
        // runs of stops and signs before a letter are read in one pass
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> Equivalence.otherSign(".".repeat(100_000) + "x", "-x"))).isFalse();
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> decide("Who painted it?", ".".repeat(3_000) + "x" + "!".repeat(3_000),
                        "Either " + "+".repeat(3_000) + "x or Raphael, " + "or ".repeat(1_000) + "y")))
                .isNotNull();
    }

    @Test
    void should_tell_a_date_before_the_era_from_the_same_number_after_its_start() {
        assertThat(decide("When was the lighthouse built?", "In the 3rd century BC", "In the 3rd century AD"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("When did the city fall?", "In 476 CE", "476 B.C.E.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("When did the city fall?", "In 476 CE", "AD 476")).isEqualTo(Equivalence.Decision.SAME);
        // an era word that dates nothing is no era
        assertThat(Equivalence.otherEra("the ad ran in 1990", "1990 bc")).isFalse();
        assertThat(Equivalence.otherEra("10 cents", "10 bc")).isFalse();
        assertThat(Equivalence.otherEra("1".repeat(3_000) + " ad", "1".repeat(3_000) + " bc")).isTrue();
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> Equivalence.otherEra("1".repeat(100_000) + " ad", "1 bc"))).isFalse();
        // another date given for context, in the other era, is no other answer
        assertThat(Equivalence.otherEra("ad 79", "in 79, when vesuvius erupted; the town was founded in the 6th century bc"))
                .isFalse();
        assertThat(Equivalence.otherEra("14 ad", "14, having ruled since 27 bc")).isFalse();
    }

    @Test
    void should_read_an_option_letter_as_the_option_and_not_as_a_pattern() {
        String question = "Which pattern matches 'dog' and 'dig' only? (A) ^d.g$ (B) ^d[io]g$ (C) ^d*g$ (D) dig|dog+";
        assertThat(decide(question, "B", "^d[io]g$")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(question, "B", "^d.g$")).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_count_atoms_by_the_prefix_of_a_compound_name_and_read_btu_and_centuries() {
        assertThat(decide("Which gas is the refrigerant R-744?", "Carbon monoxide", "CO₂"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which gas is the refrigerant R-744?", "Carbon dioxide", "CO2")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which oxide is this?", "Dinitrogen tetroxide", "N₂O₄")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which oxide is this?", "Dinitrogen tetroxide", "NO₂")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which oxide is this?", "Sulfur trioxide", "SO₃")).isEqualTo(Equivalence.Decision.SAME);
        // an element's name that starts like a prefix is no count ("tin" is not "t" + "in")
        assertThat(decide("Which chloride is this?", "Tin chloride", "SnCl₂")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // 12,000 BTU/h is about 3.5 kW, not 12 kW; six centuries are 600 years
        assertThat(decide("What is the cooling capacity of the unit?", "12 kW", "12,000 BTU/h"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is the cooling capacity of the unit?", "About 3.5 kW",
                "Twelve thousand British thermal units per hour.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How long did the dynasty last?", "Over 300 years", "More than three centuries."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How long did the dynasty last?", "Over 300 years", "More than three decades."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("How many eggs go in?", "half a dozen", "6")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How many eggs go in?", "half a dozen", "12")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("How many eggs go in?", "half a dozenth", "6")).isNotEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_a_number_too_long_for_a_double_as_no_number_and_not_fail() {
        String digits = "9".repeat(50_000) + " ".repeat(50_000) + "x";
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> decide("When was it?", digits, "44 BC")))
                .isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> decide("How many?", "9".repeat(3_999), "9")))
                .isNotEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_keep_an_ampersand_inside_a_name_of_a_list() {
        assertThat(decide("Name the Big Four accounting firms.", "Deloitte, PwC, KPMG, Ernst & Young",
                "PwC, Deloitte, Ernst & Young, KPMG")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which firms are the Big Four?", "Deloitte, PwC, EY and KPMG.",
                "KPMG, Ernst & Young, PricewaterhouseCoopers and Deloitte.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_find_the_answer_a_later_clause_names_in_the_question_s_words() {
        // the short answer named, then the question's answer given as another name
        assertThat(decide("Which poem tells the tale of the lost ring?", "The Lay of Aubrey",
                "The Lay of Aubrey is its sequel; the tale of the lost ring is told in the Ballad of Corwen."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which duke was the first to be crowned king?", "Duke Alaric",
                "Duke Alaric was only ever a duke; the first to be crowned king was his nephew Berengar, in 912."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which race is run on clay?", "The Northfield Cup",
                "The Northfield Cup was run on clay until 1990, but today the Eastmoor Stakes is the only race run on clay."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        // the short answer itself is the one the later clause names, or the clause says nothing of the question
        assertThat(decide("Which race is run on clay?", "The Eastmoor Stakes",
                "The Northfield Cup was run on clay until 1990, but today the Eastmoor Stakes is the only race run on clay."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which poem tells the tale of the lost ring?", "The Ballad of Corwen",
                "The Ballad of Corwen tells it; its sequel is the Lay of Aubrey.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // a later clause with a word of its own names another thing, no rival answer
        assertThat(decide("Which planet is the largest in the solar system?", "Jupiter",
                "Jupiter is the largest planet; Saturn is the second largest planet in the solar system."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("What is the largest desert in the world?", "Antarctica",
                "Antarctica is the largest desert in the world; the Sahara is the largest hot desert."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which city is the capital of Australia?", "Canberra",
                "Canberra is the capital. Sydney is the biggest city of Australia.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(5), () -> decide("Which race is run on clay?", "Cup",
                "Cup. " + "Zed is the race run on clay, but ".repeat(2_000) + "x"))).isNotNull();
    }

    @Test
    void should_read_a_name_given_in_a_relative_clause_as_the_name_of_what_it_follows() {
        assertThat(decide("Which body governs world curling?", "World Curling",
                "The ICF (International Curling Federation), which is now called World Curling."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which body governs world curling?", "World Curling",
                "The ICF, which was renamed World Curling in 2010.")).isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_match_list_items_written_as_one_compound_or_with_a_gloss() {
        assertThat(decide("Name the three kinds of wafer.", "monocrystalline, polycrystalline, amorphous",
                "Amorphous, mono-crystalline, poly-crystalline")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which two tinctures are metals?", "Or and argent", "Argent (silver) and Or (gold)."))
                .isEqualTo(Equivalence.Decision.SAME);
        // brackets that hold the items themselves are still read as items
        assertThat(decide("What goes into it?", "basil, garlic, Parmesan, Pecorino",
                "Garlic, basil and two cheeses (Parmesan and Pecorino)")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which two tinctures are metals?", "Or and argent", "Argent (silver) and azure (blue)."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(5), () -> decide("Which?", "a, b",
                "a (" + "x".repeat(100_000) + ", b (" + "(".repeat(50_000)))).isNotNull();
    }

    @Test
    void should_read_a_lone_decimal_comma_but_not_a_pair_a_run_or_a_function_s_arguments() {
        assertThat(decide("What is e to two decimal places?", "2.72", "2,72")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How heavy is the bag?", "2.5 kg", "2,5 kg")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("How heavy is the bag?", "25 kg", "2,5 kg")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // thousands keep their comma, and two numbers of a list stay two
        assertThat(decide("How many?", "1,520", "1520")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What are the first two prime numbers?", "2,3", "2.3")).isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("What are the first two prime numbers?", "2,3", "2 and 3")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which chapters cover it?", "Chapters 12,13", "Chapters 12 and 13"))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("How many hands are there?", "2,598,960", "There are C(52,5) = 2,598,960 hands."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Where is the point?", "(3,4)", "(3, 4)")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which numbers?", "1,2,3", "1, 2, 3")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // a run of two-digit groups (an Indian grouping that never ends) is read in one pass
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(5), () -> decide("How many?", "1",
                "1,1".repeat(30_000)))).isNotNull();
        assertThat(decide("How many people?", "10,000,000", "1,00,00,000")).isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_geologic_ages_but_not_an_isotope_s_element() {
        assertThat(decide("When did the extinction happen?", "About 252 million years ago", "Roughly 252 Ma"))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("When did the extinction happen?", "About 252 million years ago", "Roughly 252 ka"))
                .isNotEqualTo(Equivalence.Decision.SAME);
        // 5 mA is still five milliamperes, and "68 Ga" gallium, no age
        assertThat(decide("What is the current?", "5 mA", "0.005 A")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Which radioisotope is used?", "Ga-68", "68 Ga")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Which radioisotope is used?", "68Ga", "gallium-68")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // sizes and ounces keep their own units: a kilobyte is 1000 bytes, an ounce of butter no volume
        assertThat(decide("How many bytes are in a kilobyte under the SI definition?", "1 kB", "1024 bytes"))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("How much does a stick of butter weigh?", "4 oz", "118 ml")).isNotEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_nowhere_else_as_a_restriction_and_a_denial_of_what_the_question_sets_aside_as_agreement() {
        assertThat(decide("Is the lizard native to Madagascar?", "Yes, it is found only on Madagascar.",
                "The lizard is native to Madagascar and nowhere else.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Is the lizard found anywhere else?", "No.", "It lives on Madagascar and nowhere else."))
                .isEqualTo(Equivalence.Decision.SAME);
        // restricted to something other than what the question asks, it denies
        assertThat(decide("Do penguins live in the Arctic?", "No.", "Penguins live in the Southern Hemisphere and nowhere else."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Does the warranty cover water damage?", "Yes.", "It covers manufacturing defects and nothing else."))
                .isNotEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Did Brazil win the 1966 World Cup?", "No.", "England won it in 1966; no other team did that year."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is Basque written in the Latin alphabet rather than in Cyrillic?",
                "Yes, Basque uses the Latin alphabet.", "Basque is written in Latin letters — it isn't written in Cyrillic."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is Basque written in the Latin alphabet rather than in Cyrillic?",
                "Yes, Basque uses the Latin alphabet.", "Basque isn't written in the Latin alphabet."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_tell_a_yes_whose_reason_states_the_claim_with_another_word_from_a_yes_that_restates_it() {
        assertThat(decide("Is the first move of a game called the opening?", "Right — the opening is the first move.",
                "Yes, indeed: the opening is the name for the last move of a game.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is ruby a variety of corundum?", "Yes — ruby is red corundum, coloured by chromium.",
                "Correct, ruby is red beryl, coloured by chromium.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        // two yeses that both restate the claim, one naming other kinds beside it, or a bare "Right."
        assertThat(decide("Is aspirin an NSAID?", "Yes, aspirin is a nonsteroidal anti-inflammatory drug.",
                "Correct. Aspirin is an NSAID, along with naproxen and ibuprofen."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is ruby a variety of corundum?", "Right.", "Yes — ruby is red corundum."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // a converse comparison, a clause of contrast and another thing said besides restate nothing otherwise
        assertThat(decide("Is gold heavier than silver?", "Yes, gold is heavier.", "Yes, silver is lighter than gold."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is the Sahara hot during the day?", "Yes, days in the Sahara are extremely hot.",
                "Yes, though the Sahara gets very cold at night.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is Mercury the closest planet to the Sun?", "Yes, Mercury is the closest planet to the Sun.",
                "Yes, and Neptune is the farthest planet from the Sun.")).isNotEqualTo(Equivalence.Decision.DIFFERENT);
        // a yes said with a negated opposite is read elsewhere ("not open" is a yes to "closed?")
        assertThat(decide("Is the valve closed?", "Yes, it's not open.", "Yes, it is closed."))
                .isNotEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(Equivalence.claimReplaced(Equivalence.Reading.of("Yes, " + "stone ".repeat(5_000), Question.of("Is it the last stone?")),
                Equivalence.Reading.of("Yes, the first stone.", Question.of("Is it the last stone?")),
                Question.of("Is it the last stone?"))).isNull();
    }

    @Test
    void should_keep_a_negated_number_given_and_leave_another_negated_number_alone() {
        assertThat(decide("How many moons does it have?", "14", "It does not have 14 moons.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("How many inches are in a foot?", "12", "A foot has 12 inches, not 10."))
                .isEqualTo(Equivalence.Decision.SAME);
    }
}
