package dev.quorum.consensus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The yes or no an answer gives to a yes/no question ({@link Question#yesNo}), said or implied, so that "No, the build
 * fails" and "It doesn't pass" are one answer to "Did the build pass?" and "It's closed on Sundays" is a no to "Is the
 * lot open on Sundays?".
 */
final class YesNo {

    /** Openings that deny the claim after them ("It's false that he failed math"). */
    private static final List<String> DENIALS = List.of("it's false that ", "it is false that ", "it's not true that ",
            "it is not true that ", "it isn't true that ", "it's untrue that ", "it is untrue that ", "it's a myth that ",
            "it is a myth that ", "it would be wrong to say that ", "it would be wrong to say ",
            "it's wrong to say that ", "it's wrong to say ", "it is wrong to say ", "it's incorrect to say ",
            "it is incorrect to say ", "there's no reason why ", "there's no reason that ", "there's no reason ",
            "there is no reason why ", "there is no reason ");
    /**
     * A first clause that says only that the claim is the wrong way round ("It's the reverse: …", "Quite the opposite
     * — …"), as its words.
     */
    private static final Set<String> REVERSALS = Set.of("it's the reverse", "it is the reverse", "the reverse",
            "it's the opposite", "it is the opposite", "the opposite", "quite the opposite", "just the opposite",
            "actually the opposite", "it's the other way around", "it's the other way round",
            "it is the other way around", "the other way around", "the other way round", "the opposite is true",
            "the reverse is true");
    private static final Set<String> PRONOUNS = Set.of("it", "they", "he", "she", "that", "this", "we", "you", "i");
    /** Adverbs that only stress a short echo of the question's verb ("You certainly can.", "It definitely does."). */
    private static final Set<String> INTENSIFIERS = Set.of("certainly", "definitely", "absolutely", "surely", "sure",
            "really", "indeed", "totally", "still");
    private static final Set<String> CONCLUDING = Set.of("so", "therefore", "hence", "thus", "then", "which", "means");

    /** A first word that advises against what the question asks ("Avoid a fixed schedule", "Skip it"). */
    private static final Set<String> AVOID = Set.of("avoid", "skip", "forgo", "refrain");
    /**
     * Words that call what the question asks needless, after "is", "are" or "but" ("… is nice but unnecessary",
     * "Peeling is optional" to "Do you need to peel ginger?"; "optional" only where the question asks whether something
     * is {@link #NEEDED}, not "Is it optional?" nor "Can I skip the cover letter?").
     */
    private static final Set<String> NEEDLESS = Set.of("unnecessary", "needless", "pointless", "unneeded", "optional");
    /** Where a clause goes on to give its reason, or to add to what it says ("…, even for small boats"). */
    private static final List<String> REASONS = List.of(" since ", " because ", ", as ", " due to ", ", even ");
    /** Words before an advice against ("you can skip it", "better to avoid it"). */
    private static final Set<String> MODALS = Set.of("can", "should", "to", "just", "simply", "best", "better");
    /** Words that call what is asked a false belief ("Resting is largely a myth"). */
    private static final Set<String> MYTH = Set.of("myth", "misconception", "misbelief", "fallacy");
    /** Verbs that advise against what follows ("advise against", "warns against"). */
    private static final Set<String> ADVISE = Set.of("advise", "advises", "advised", "recommend", "recommends",
            "recommended", "warn", "warns", "warned", "caution", "cautions", "cautioned", "argue", "argues");
    /**
     * Words that say something is wrong, missing or kept from happening, stemmed: negated, they say the question's
     * thing holds ("The flight isn't delayed" to "Is the flight on time?", "Regulators didn't block the merger" to
     * "Did regulators approve it?", "It's not contraindicated in pregnancy"; "Freezing it isn't a problem" to "Can you
     * freeze milk?": {@link #PROBLEMS}). Read only after a negation ("not", "no", not the "non" of a term:
     * "non-blocking") and when the question asks none of them nor of the {@link #WARNING} words ("Did Napoleon
     * lose…?"; "won't harm them" is a no to "Is it dangerous …?"): said alone, what they do depends on their object
     * ("Food prevents stomach upset").
     */
    private static final Set<String> NEGATIVE = stems("block", "break", "broke", "broken", "breach", "violate",
            "prevent", "prohibit", "forbid", "forbidden", "ban", "deny", "reject", "refuse", "exclude", "extinguish",
            "cancel", "revoke", "invalidate", "miss", "missing", "lose", "delay", "late", "damage", "harm",
            "harmful", "hurt", "impair", "hinder", "contraindicated", "veto", "fake", "false", "wrong", "absent",
            "free", "destroy", "lost", "skip", "omit", "neglect", "forget", "incorrect", "impossible");
    /**
     * Words that say something is kept out or has run out, read like {@link #NEGATIVE} only right after their negation
     * ("does not ignore the index", "has not expired"; not "doesn't retry when it fails"), stemmed.
     */
    private static final Set<String> NEGATIVE_CLOSE = stems("ignore", "decline", "expire", "fail", "fails", "failed");
    /**
     * Nouns for something going wrong, read like {@link #NEGATIVE} only right after their negation, or after it and an
     * "a" or "any" ("isn't a problem", "no risk"; not "not worth the risk", "isn't the problem here", which puts it
     * elsewhere, nor the verb "wouldn't risk it").
     */
    private static final Set<String> PROBLEMS = stems("problem", "risk", "danger", "trouble", "concern", "worry");
    /**
     * Words of a question that asks whether something is needed, to which "optional" is a no ("Do you need to peel
     * ginger?"; to "Can I skip the cover letter?" it is a yes).
     */
    private static final Set<String> NEEDED = stems("need", "needed", "required", "require", "necessary", "mandatory",
            "compulsory", "obligatory", "must", "essential");
    /** Words that call what a question asks fine to do, stemmed ("… is generally fine", "… are harmless"). */
    private static final Set<String> APPROVING = stems("fine", "safe", "okay", "ok", "harmless", "acceptable", "ideal",
            "worthwhile", "beneficial", "advisable", "sensible", "recommended", "healthy");
    /** Words that warn against what a question asks, stemmed ("… deserves caution", "… best avoided"). */
    private static final Set<String> WARNING = stems("unsafe", "dangerous", "harmful", "risky", "toxic", "warning",
            "caution", "inadvisable", "unwise", "unhealthy", "avoid", "avoided", "hazard", "hazardous", "poisonous");
    /**
     * Verbs that say what follows went wrong, stemmed: said of what the question asks, without a negation, a no ("missed
     * out on the playoffs" to "Did the team qualify for the playoffs?").
     */
    private static final Set<String> FAILED = stems("miss", "missed", "break", "breaks", "broke", "breach",
            "breached", "violate", "violated", "lose", "lost");
    /** How many words after such a verb may name what the question asks. */
    private static final int FAILED_OBJECT = 4;
    /** Verbs of a move out of something, after which "out of" is no state ("castle out of check", "get out of"). */
    private static final Set<String> MOVING_OUT = Set.of("castle", "move", "moving", "get", "getting", "climb",
            "walk", "step", "jump", "pull", "come", "go", "break", "escape");
    /** Where a clause names what it is not ("Canberra, not Sydney"). */
    private static final String CONTRAST = ", not ";
    /**
     * Verbs that keep something out, and adjectives that rule it out, stemmed: said of the question's thing after a
     * copula and what restates it ("Flood damage is excluded from the policy", "Division by zero is undefined in
     * ordinary arithmetic") or with a pronoun for it as object ("It ignores them"), a no.
     */
    private static final Set<String> REFUSED = stems("exclude", "ignore", "skip", "omit", "reject", "deny", "refuse",
            "ban", "forbid", "forbidden", "prohibit", "block", "undefined", "impossible", "disallowed", "illegal");
    /** What "It is impossible to …" leaves open rather than denies ("… to know yet", "… to say"). */
    private static final Set<String> UNKNOWABLE = Set.of("know", "say", "tell", "predict", "determine", "judge",
            "answer", "confirm");
    /** Pronouns for what a question asks about, as the object of a verb. */
    private static final Set<String> OBJECTS = Set.of("it", "them");
    static final Set<String> COPULAS = Set.of("is", "are", "was", "were");
    /** A second negation at most this many words after the first negates it ("can't go a day without"). */
    private static final int DOUBLE_NEGATION_WORDS = 4;
    /** Words that join another statement, after which a negation is that statement's own. */
    private static final Set<String> JOINING = Set.of("and", "or", "but", "nor", "while", "whereas");
    /** Prefixes that negate the word they open ({@link #negativeBase}). */
    private static final String[] NEGATING_PREFIXES = {"non", "un", "in", "im", "il", "ir", "dis"};
    private static final Set<String> VERDICT_LINKS = Set.of("is", "are", "be", "but", "it's", "totally", "completely");

    private YesNo() {
    }

    /**
     * The yes or no an answer gives to a yes/no question: said ("No, …", "Correct."), concluded at the end ("…, so
     * no."), given as the question's own label ("Non-toxic." to "Is this comment toxic?"), or implied by its first
     * clause: an odd number of negations and opposites of the question's words is a no ("It doesn't pass", "It's
     * closed on Sundays", "ineligible"); restating the question's words without one is a yes. {@code null}: none.
     */
    static String polarity(Equivalence.Reading r, Question question) {
        if (r.stance.present()) {
            return r.stance.value();
        }
        List<String> clauses = Equivalence.clauses(r.lower);
        if (clauses.isEmpty()) {
            return null;
        }
        // "It's false that he failed math": the claim that follows, denied
        for (String denial : DENIALS) {
            if (clauses.get(0).startsWith(denial) && clauses.get(0).length() > denial.length()
                    && !clauses.get(0).startsWith("to ", denial.length())) {
                // (not "There's no reason to worry", which reassures and denies no claim) read with the claim as one
                // clause ("It isn't true that caffeine fails to improve alertness", "… that
                // penguins are absent from the Arctic"), the denial one more negation where it writes none ("It's
                // false that …")
                boolean negating = AnswerText.words(denial).stream().anyMatch(AnswerText::negation);
                int flips = (negating ? 0 : 1) + question.negations() + firstClause(clauses.get(0), question).flips();
                return flips % 2 == 1 ? "no" : "yes";
            }
        }
        // "It's the reverse: …", "Quite the opposite — …"
        String reversal = clauses.get(0).strip();
        int dash = reversal.indexOf(" — ");
        if (REVERSALS.contains(dash > 0 ? reversal.substring(0, dash) : reversal)
                && (clauses.size() > 1 || dash > 0)) {
            return "no";
        }
        // "…, so no." or "…. No." at the end
        String lastClause = clauses.get(clauses.size() - 1);
        List<String> last = AnswerText.words(lastClause);
        String end = last.isEmpty() ? "" : last.get(last.size() - 1);
        if ((end.equals("no") || end.equals("yes")) && clauses.size() + last.size() > 2) {
            int comma = lastClause.lastIndexOf(',');
            boolean concluded = last.size() >= 2 && CONCLUDING.contains(last.get(last.size() - 2));
            boolean afterComma = comma >= 0 && AnswerText.words(lastClause.substring(comma)).size() == 1;
            if (concluded || last.size() == 1 || afterComma) {
                return end;
            }
        }
        // a yes or no as a clause of its own in the first sentence ("In small amounts, yes, they're fine",
        // "Unfortunately, yes.", "For most adults, yes — …")
        List<String> sentences = r.lowerSentences();
        if (!sentences.isEmpty()) {
            String said = null;
            for (String part : sentences.get(0).split("[,;:—–]")) {
                List<String> words = AnswerText.words(part);
                if (words.size() == 1 && (words.get(0).equals("yes") || words.get(0).equals("no"))) {
                    if (said != null && !said.equals(words.get(0))) {
                        said = null;
                        break;
                    }
                    said = words.get(0);
                }
            }
            if (said != null) {
                return said;
            }
        }
        // "It is.", "It does.", "They aren't.", "You certainly can.", also before a comma ("It does, unless …")
        String opening = clauses.get(0);
        int comma = opening.indexOf(',');
        List<String> first = new ArrayList<>(AnswerText.words(comma > 0 ? opening.substring(0, comma) : opening));
        if (first.size() >= 3 && INTENSIFIERS.contains(first.get(1))) {
            first.remove(1);
        }
        if (first.size() >= 2 && first.size() <= 3 && PRONOUNS.contains(first.get(0))
                && Equivalence.VERBS.contains(first.get(1)) && (first.size() == 2 || first.get(2).equals("not"))) {
            return first.size() == 2 ? "yes" : "no";
        }
        // the question's own label
        Map<String, String> asked = question.labels();
        for (Map.Entry<String, String> label : r.labels.entrySet()) {
            String wanted = asked.get(label.getKey());
            if (wanted != null && !wanted.startsWith("not:") && !label.getValue().startsWith("not:")) {
                return wanted.equals(label.getValue()) ? "yes" : "no";
            }
        }
        // the first clause: negations and opposites of the question's words
        FirstClause read = firstClause(clauses.get(0), question);
        int flips = read.flips();
        int restated = read.restated();
        boolean opposite = read.opposite();
        // relative to the question's own negations ("Can I run it without root?" / "It has a non-root user")
        if ((flips + question.negations()) % 2 == 1) {
            return "no";
        }
        // the claim's own words with two things the other way round: "Jupiter is bigger than Saturn" to "Is Saturn
        // bigger than Jupiter?"
        String claim = question.claim();
        if (flips == 0 && question.negations() == 0 && claim != null
                && WordOrder.swapped(claim, beforeReason(clauses.get(0)), true) != null) {
            return "no";
        }
        // the question's claim restated with another number ("PostgreSQL's default port is 5432." to "The default
        // port for PostgreSQL is 3306, isn't it?")
        if (flips == 0 && question.negations() == 0 && question.asked().size() >= 2
                && restated >= question.asked().size() - 1 && otherNumber(clauses.get(0), question)) {
            return "no";
        }
        // a yes: an opposite negated ("It isn't closed"), the question's own negation echoed ("It works for a
        // non-admin user" to "without admin rights"), or every word of the question restated
        if ((flips > 0 && opposite) || (flips > 0 && question.negations() > 0 && restated > 0)
                || (flips == 0 && question.negations() == 0 && question.asked().size() >= 2
                && restated >= question.asked().size())) {
            return "yes";
        }
        // to a question whether something is safe or fine ("Can dogs safely eat chocolate?"), the verdict the first
        // clause gives in a word of its own ("In small amounts it's perfectly safe", "It's toxic to them")
        if (flips == 0 && question.negations() == 0 && question.asked().stream()
                .anyMatch(stem -> APPROVING.contains(stem) || WARNING.contains(stem))) {
            String verdict = verdict(clauses.get(0), question);
            if (verdict != null) {
                return verdict;
            }
        }
        return flips == 0 && question.negations() == 0 && anotherKind(clauses.get(0), question) ? "no" : null;
    }

    /**
     * Whether a first clause says the question's subject is another kind of thing than the question asks, one WordNet
     * gives as a kind of the same thing ("Lactose is a disaccharide made of glucose and galactose." to "Is lactose a
     * monosaccharide?", "Cats are omnivores." to "Cats are obligate carnivores, correct?"), none of the question's
     * words for it said.
     */
    private static boolean anotherKind(String clause, Question question) {
        String claim = question.claim();
        List<String> said = AnswerText.words(beforeReason(clause));
        int copula = copula(said);
        if (claim == null || copula < 1) {
            return false;
        }
        List<String> subject = content(said.subList(0, copula));
        List<String> claimed = AnswerText.words(claim);
        int claimCopula = copula(claimed);
        int from;
        if (claimCopula >= 1) {
            if (!content(claimed.subList(0, claimCopula)).equals(subject)) {
                return false;
            }
            from = claimCopula + 1;
        } else {
            // "Is lactose a monosaccharide?": its subject is the answer's
            from = 0;
            int matched = 0;
            while (from < claimed.size() && matched < subject.size()) {
                String word = claimed.get(from++);
                if (AnswerText.stopword(word)) {
                    continue;
                }
                if (!AnswerText.stem(word).equals(subject.get(matched++))) {
                    return false;
                }
            }
        }
        List<String> asked = Lexical.contentWords(claimed.subList(Math.min(from, claimed.size()), claimed.size()));
        List<String> stated = Lexical.contentWords(said.subList(copula + 1, said.size()));
        if (subject.isEmpty() || asked.isEmpty() || asked.size() > 3 || stated.isEmpty()) {
            return false;
        }
        Set<String> all = Set.copyOf(content(said));
        for (String word : said) {
            if (AnswerText.negation(word)) {
                return false;
            }
        }
        for (String word : asked) {
            if (all.contains(AnswerText.stem(word))) {
                return false;
            }
        }
        return Lexical.cousins(asked.get(asked.size() - 1), stated.get(0));
    }

    /** The index of the first "is", "are", "was" or "were" after the first word; -1 when there is none. */
    private static int copula(List<String> words) {
        for (int k = 1; k < words.size(); k++) {
            if (COPULAS.contains(words.get(k))) {
                return k;
            }
        }
        return -1;
    }

    /** The stems of the words that are not stop words. */
    private static List<String> content(List<String> words) {
        List<String> stems = new ArrayList<>();
        for (String word : Lexical.contentWords(words)) {
            stems.add(AnswerText.stem(word));
        }
        return stems;
    }

    /**
     * What a first clause does to the question's words: its negations and opposites of them ({@code opposite}: one of
     * them is an opposite), and how many of them it restates.
     */
    private record FirstClause(int flips, int restated, boolean opposite) {
    }

    /** Words that, after what is asked, say it is absent ("visa-exempt", "tax-free"). */
    private static final Set<String> ABSENT_AFTER = Set.of("exempt", "free");

    /**
     * Whether a clause states numbers and none of them is one the question states, where the question states some
     * (the clause before its reason).
     */
    private static boolean otherNumber(String clause, Question question) {
        List<Quantities.Quantity> asked = question.quantities();
        if (asked.isEmpty()) {
            return false;
        }
        List<Quantities.Quantity> stated = Quantities.parse(beforeReason(clause));
        if (stated.isEmpty()) {
            return false;
        }
        for (Quantities.Quantity q : stated) {
            for (Quantities.Quantity a : asked) {
                if (q.matches(a, false)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A clause without the reason it goes on to give ("Zero is even, since it leaves no remainder"). */
    private static String beforeReason(String clause) {
        String said = clause;
        for (String reason : REASONS) {
            int at = said.indexOf(reason);
            if (at > 0) {
                said = said.substring(0, at);
            }
        }
        return said;
    }

    private static FirstClause firstClause(String clause, Question question) {
        List<String> words = AnswerText.words(beforeContrast(beforeReason(clause), question));
        int flips = 0;
        int restated = 0;
        boolean opposite = false;
        boolean advised = false;
        boolean negated = false;
        int lastNegation = -1;
        // the words for something going wrong or kept out are read only when the question asks none of them, nor
        // whether something is wrong
        boolean asksWrong = question.asked().stream()
                .anyMatch(stem -> NEGATIVE.contains(stem) || WARNING.contains(stem));
        boolean asksRefused = question.asked().stream().anyMatch(REFUSED::contains);
        Set<String> lacked = lacked(question);
        for (int k = 0; k < words.size(); k++) {
            String word = words.get(k);
            if (AnswerText.notOnly(words, k) && !question.asked().contains(words.get(k + 1))) {
                // "not just", "not only": more than what follows, not its negation
                k++;
                continue;
            }
            if (Equivalence.restrictsToAsked(words, k, question)) {
                // "… and nowhere else": the claim restricted, not denied
                k++;
                continue;
            }
            if (AnswerText.negation(word) || AnswerText.failsTo(words, k)) {
                flips++;
                // a negation negated within a few words, nothing joined between, by "fail to" or by "without" what the
                // question asks: "didn't fail to cancel", "can't go a day without milking" to "Do cows need milking
                // every day?" (not "can't install it without root" to "… as a regular user?", "Not without a licence",
                // nor a no said again: "No pets, no exceptions", "nothing, not a single setting")
                opposite |= negated && lastNegation >= 0 && k - lastNegation <= DOUBLE_NEGATION_WORDS
                        && !joined(words, lastNegation, k) && (AnswerText.failsTo(words, k) || word.equals("without")
                        && k - lastNegation > 1 && k + 1 < words.size() && asked(AnswerText.stem(words.get(k + 1)),
                        question));
                lastNegation = k;
                // a negation of a claim, not the prefix of a term ("non-blocking")
                negated = !negated && !word.equals("non");
                continue;
            }
            if (lacked.contains(AnswerText.stem(word)) && !(k + 1 < words.size() && words.get(k + 1).equals("free"))) {
                // what the question says a thing is free of, negated ("doesn't keep any state" to "Is it
                // stateless?", "has no caffeine" to "Is decaf caffeine-free?"), or said to be there ("It contains
                // gluten" to "Is the bread gluten-free?"); "free of tax", "without sugar" say it is not
                boolean without = false;
                for (int j = Math.max(0, k - 4); j < k; j++) {
                    without |= words.get(j).equals("free") || words.get(j).equals("without");
                }
                flips += negated || !without ? 1 : 0;
                opposite |= negated;
                negated = false;
                continue;
            }
            // advice against what is asked, once however often it is said: "Avoid a fixed schedule.", "… is nice but
            // unnecessary", "Health agencies advise against eating raw dough", "… is a myth and you can skip it"
            if ((k == 0 || MODALS.contains(words.get(k - 1))) && AVOID.contains(word)
                    || k > 0 && NEEDLESS.contains(word) && VERDICT_LINKS.contains(words.get(k - 1))
                    && !asked(AnswerText.stem(word), question)
                    && (!word.equals("optional") || question.asked().stream().anyMatch(NEEDED::contains))
                    || MYTH.contains(word) || word.equals("against") && k > 0 && ADVISE.contains(words.get(k - 1))) {
                flips += advised ? 0 : 1;
                advised = true;
                continue;
            }
            if (word.equals("out") && k + 2 < words.size() && words.get(k + 1).equals("of")
                    && question.asked().contains(AnswerText.stem(words.get(k + 2)))
                    && (k == 0 || !MOVING_OUT.contains(words.get(k - 1)))) {
                // "out of stock" to "Is the item in stock?" (not a move out of it: "You cannot castle out of check");
                // negated, what is asked ("It's not out of stock")
                flips++;
                opposite |= negated;
                continue;
            }
            String stem = AnswerText.stem(word);
            if (!negated && !asked(stem, question) && (word.length() > 6 && word.endsWith("less")
                    && asked(AnswerText.stem(word.substring(0, word.length() - 4)), question)
                    || k > 0 && ABSENT_AFTER.contains(word) && asked(AnswerText.stem(words.get(k - 1)), question))) {
                // what is asked said absent in one word: "boneless" to "Do octopuses have bones?", "visa-exempt" to
                // "… without a visa?" (not after a negation: "isn't caffeine-free" is left as it was read; nor where
                // the question says it too: "Is this bread gluten-free?")
                flips++;
                continue;
            }
            if (asked(stem, question)) {
                restated++;
                continue;
            }
            if (!negated && !asksRefused && word.equals("impossible") && k > 0 && k <= 2
                    && (words.get(k - 1).equals("it's") || words.get(k - 1).equals("is") && words.get(0).equals("it"))
                    && !(k + 2 < words.size() && UNKNOWABLE.contains(words.get(k + 2)))) {
                // "It is impossible to make it out unaided": what follows cannot be done (not "impossible to know yet":
                // no answer)
                flips++;
                continue;
            }
            if (!negated && !asksRefused && REFUSED.contains(stem)
                    && (k > 0 && COPULAS.contains(words.get(k - 1)) && restated > 0
                    || k + 1 < words.size() && (OBJECTS.contains(words.get(k + 1))
                    || asked(AnswerText.stem(words.get(k + 1)), question) && (k == 0 || !words.get(k - 1).equals("non"))))) {
                // what is asked kept out: "Flood damage is excluded from the policy", "It ignores them", "The lease
                // forbids subletting"
                flips++;
                opposite = true;
                continue;
            }
            if (!negated && !asksWrong && FAILED.contains(stem) && restatedWithin(words, k + 1, question)) {
                // what is asked gone wrong: "The team narrowly missed out on the playoffs", "Version 3 breaks
                // backward compatibility"
                flips++;
                opposite = true;
                continue;
            }
            if (negated && !asksWrong && (NEGATIVE.contains(stem) || NEGATIVE_CLOSE.contains(stem)
                    && (AnswerText.negation(words.get(k - 1)) || k > 1 && AnswerText.negation(words.get(k - 2)))
                    || PROBLEMS.contains(stem) && problemDenied(words, k))) {
                // a negation of something going wrong: "isn't delayed", "doesn't break compatibility"
                flips++;
                opposite = true;
                negated = false;
                continue;
            }
            String base = negated && k > 0 && AnswerText.negation(words.get(k - 1)) ? negativeBase(word) : null;
            if (base != null) {
                // a word that negates its own base, negated right before it: the negations cancel ("not
                // ineligible"); a yes only where the question asks the word or its base ("It's not illegal" to "Is it
                // legal?"; not "It's not uncommon" to "Is it rare?")
                flips++;
                opposite = asked(stem, question) || asked(AnswerText.stem(base), question);
                negated = false;
                continue;
            }
            if (negated && !asksRefused && REFUSED.contains(stem) && k > 1 && AnswerText.negation(words.get(k - 1))
                    && COPULAS.contains(words.get(k - 2))) {
                // what is asked not kept out: "Flood damage is not excluded by the policy"
                flips++;
                opposite = true;
                negated = false;
                continue;
            }
            for (String askedStem : question.asked()) {
                // (not the opposite of a word the clause has said before it: "Under IFRS, … over its useful life")
                // (nor a word of a prefix opposite where the clause says the asked word too: "Unlike hypotension,
                // hypertension is a risk factor")
                if (AnswerText.opposite(stem, askedStem) && !saidBefore(words, k, askedStem)
                        && !(AnswerText.contrasted(stem, askedStem) && saidBefore(words, words.size(), askedStem))) {
                    flips++;
                    opposite = true;
                    break;
                }
            }
        }
        return new FirstClause(flips, restated, opposite);
    }

    /**
     * What the question asks whether a thing is without, stemmed: the base of the word in "-less" or "-free" it ends on
     * ("stateless": state, "caffeine-free": caffeine).
     */
    private static Set<String> lacked(Question question) {
        String text = question.text();
        if (text == null || text.indexOf("less") < 0 && text.indexOf("-free") < 0) {
            return Set.of();
        }
        // (the word the question ends on, what it asks a thing to be: "Is the service stateless?", not "Is a
        // sugar-free diet healthier?"; nor where the question names the thing itself: "Does caffeine-free Coke
        // contain caffeine?")
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> words = AnswerText.words(lower);
        if (words.isEmpty()) {
            return Set.of();
        }
        int last = words.size() - 1;
        String word = words.get(last);
        String base = null;
        int from = last;
        if (word.endsWith("less") && word.length() >= 8) {
            base = word.substring(0, word.length() - 4);
        } else if (word.equals("free") && last > 0 && lower.contains(words.get(last - 1) + "-free")) {
            base = words.get(last - 1);
            from = last - 1;
        }
        if (base == null) {
            return Set.of();
        }
        String stem = AnswerText.stem(base);
        for (int k = 0; k < from; k++) {
            if (AnswerText.stem(words.get(k)).equals(stem)) {
                return Set.of();
            }
        }
        return Set.of(stem);
    }

    /** Whether a word between two positions joins another statement ({@link #JOINING}). */
    private static boolean joined(List<String> words, int from, int to) {
        for (int k = from + 1; k < to; k++) {
            if (JOINING.contains(words.get(k))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The base a word's negating prefix negates, WordNet giving the two as antonyms ("eligible" of "ineligible",
     * "lawful" of "unlawful"; not "take" of "intake"), else null.
     */
    private static String negativeBase(String word) {
        for (String prefix : NEGATING_PREFIXES) {
            if (word.length() > prefix.length() + 3 && word.startsWith(prefix)
                    && Lexical.antonyms(word.substring(prefix.length()), word)) {
                return word.substring(prefix.length());
            }
        }
        return null;
    }

    /** Whether the noun at {@code k} ({@link #PROBLEMS}) is denied right before it ("no risk", "isn't a problem"). */
    private static boolean problemDenied(List<String> words, int k) {
        boolean close = AnswerText.negation(words.get(k - 1)) || k > 1 && AnswerText.negation(words.get(k - 2))
                && (words.get(k - 1).equals("a") || words.get(k - 1).equals("any"));
        boolean verb = k + 1 < words.size() && OBJECTS.contains(words.get(k + 1));
        return close && !verb;
    }

    /** Whether a word before the one at {@code k} has the given stem. */
    private static boolean saidBefore(List<String> words, int k, String stem) {
        for (int j = 0; j < k; j++) {
            if (AnswerText.stem(words.get(j)).equals(stem)) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of the next {@value #FAILED_OBJECT} words from here restates a word of the question. */
    private static boolean restatedWithin(List<String> words, int from, Question question) {
        for (int k = from; k < words.size() && k < from + FAILED_OBJECT; k++) {
            if (!AnswerText.stopword(words.get(k)) && asked(AnswerText.stem(words.get(k)), question)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> stems(String... words) {
        Set<String> stems = new HashSet<>();
        for (String word : words) {
            stems.add(AnswerText.stem(word));
        }
        return Set.copyOf(stems);
    }

    /**
     * A clause without the alternative it goes on to rule out ("Australia's capital is Canberra, not Sydney …"), unless
     * the alternative is what the question asks ("… ended World War I, not World War II", "… a dwarf planet, not a
     * planet"): then its "not" answers the question.
     */
    private static String beforeContrast(String clause, Question question) {
        int at = clause.indexOf(CONTRAST);
        if (at <= 0) {
            return clause;
        }
        for (String word : AnswerText.words(clause.substring(at + CONTRAST.length()))) {
            if (!AnswerText.stopword(word) && asked(AnswerText.stem(word), question)) {
                return clause;
            }
        }
        return clause.substring(0, at);
    }

    /** Whether a stem is one of the question's, or derived from or into one of them. */
    private static boolean asked(String stem, Question question) {
        return question.asked().contains(stem) || Equivalence.derivedIn(Set.of(stem), Set.copyOf(question.asked()))
                || Equivalence.derivedIn(Set.copyOf(question.asked()), stem);
    }

    /**
     * Whether all of an answer's negations are in the reason its first sentence gives ("Zero is even, since it leaves
     * no remainder"), none in what it says.
     */
    static boolean reasoned(Equivalence.Reading r) {
        List<String> sentences = r.lowerSentences();
        if (sentences.size() != 1) {
            return false;
        }
        String sentence = sentences.get(0);
        String said = beforeReason(sentence);
        if (said.length() == sentence.length()) {
            return false;
        }
        for (String word : AnswerText.words(said)) {
            if (AnswerText.negation(word)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The yes or no a long answer leans to where {@link #polarity} finds none: the {@link #verdict} of its first clause,
     * else yes for a first clause that restates two or more of the question's words with no negation ("Lifting heavy
     * weights works well for many beginners …" to "Should beginners lift heavy weights …?"). Read only against an
     * answer that gives or leans to the other.
     */
    static String leaning(Equivalence.Reading r, Question question) {
        if (r.polarity != null) {
            return r.polarity;
        }
        List<String> clauses = Equivalence.clauses(r.lower);
        if (clauses.isEmpty() || question.negations() > 0) {
            return null;
        }
        String verdict = verdict(clauses.get(0), question);
        if (verdict != null) {
            return verdict;
        }
        FirstClause read = firstClause(clauses.get(0), question);
        return read.flips() == 0 && read.restated() >= 2 ? "yes" : null;
    }

    /**
     * The verdict a first clause gives in a word of its own on what a question asks is fine or not ("Green patches
     * are harmless." / "… are a warning sign." to "Is it safe to eat the green parts of a potato?"): yes for a word
     * that approves, no for one that warns, the other way round when the question asks whether something is wrong
     * ("Is MSG harmful?": "best avoided" is a yes) and for a clause negated once; {@code null} for none or both.
     */
    static String verdict(String clause, Question question) {
        List<String> words = AnswerText.words(beforeReason(clause));
        int approves = 0;
        int warns = 0;
        int negations = 0;
        for (String word : words) {
            String stem = AnswerText.stem(word);
            approves += APPROVING.contains(stem) ? 1 : 0;
            warns += WARNING.contains(stem) ? 1 : 0;
            negations += AnswerText.negation(word) ? 1 : 0;
        }
        if ((approves > 0) == (warns > 0)) {
            return null;
        }
        boolean asksWrong = question.asked().stream().anyMatch(WARNING::contains);
        boolean yes = approves > 0 ^ negations % 2 == 1 ^ asksWrong;
        return yes ? "yes" : "no";
    }
}
