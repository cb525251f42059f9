package dev.quorum.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Semantic voting's "same answer" decision on the sets written blind, by authors who saw neither the rules nor the
 * other fixtures:
 * <ul>
 * <li>consensus/answer-pairs-independent.tsv (391 pairs, 18 categories): held out for issue 20's first two rounds; from
 * commit 4276532 on (the third round) it is tuning data like the other fixtures, its failures studied per category and
 * only general rules written from them, each checked on the fixtures it was not written from.</li>
 * <li>consensus/answer-pairs-blind5.tsv (429 pairs, the same 18 categories, a fifth author): written during the third
 * round and never tuned on; measured on 4276532 (before the round: F1 0.779, precision 0.839, recall 0.726), once
 * when the round's rules were final (F1 0.797, precision 0.852, recall 0.749), and once when the fourth round's
 * (WordNet) were (F1 0.814, precision 0.868, recall 0.767), and with the fifth round's question threshold (F1 0.840,
 * precision 0.823, recall 0.857).</li>
 * <li>consensus/answer-pairs-blind6.tsv (432 pairs, the same 18 categories, a sixth author): written at the start of
 * the fourth round and never tuned on; measured on e1e9d61 before the round (F1 0.761, precision 0.847, recall 0.691)
 * and once when its rules were final (F1 0.788, precision 0.859, recall 0.728); then with the fifth round's question
 * threshold (F1 0.809, precision 0.817, recall 0.802).</li>
 * <li>consensus/answer-pairs-blind7.tsv (432 pairs, the same 18 categories, a seventh author): written after the
 * fourth round, before the fifth's question threshold was measured on anything blind, and never tuned on; measured
 * once on e1e9d61 (F1 0.767), once on the fourth round's rules (0.792) and once on the fifth's (F1 0.812, precision
 * 0.805, recall 0.819); then on the sixth round's rules (halfway 0.830, at its end F1 0.832).</li>
 * <li>consensus/answer-pairs-blind8.tsv and answer-pairs-blind9.tsv (432 pairs each, the same 18 categories, an
 * eighth and a ninth author): written at the start of the sixth round and never tuned on; blind8 measured on b06b463
 * (F1 0.793), on the round's first two rules (0.799), halfway (0.820) and twice near its end (0.818, then F1 0.821,
 * precision 0.826, recall 0.815); blind9 on the first two rules (0.811), halfway (0.835) and near its end (0.835, then
 * F1 0.839, precision 0.822, recall 0.856). Blind5 to blind7 were measured on the sixth round's rules as well: 0.858,
 * 0.828 and 0.832. On the seventh round's rules: blind5 0.872, blind6 0.829, blind7 0.842, blind8 0.834, blind9
 * 0.849.</li>
 * <li>consensus/answer-pairs-blind10.tsv (432 pairs, the same 18 categories, a tenth author): written at the start of
 * the seventh round and never tuned on; measured on 5c682a9 before the round (F1 0.810, precision 0.792, recall
 * 0.829), halfway (0.824) and at its end (F1 0.828, precision 0.822, recall 0.833).</li>
 * <li>consensus/answer-pairs-blind11.tsv (432 pairs, the same 18 categories, an eleventh author): written during the
 * seventh round and never tuned on; measured twice only, once on 5c682a9 (F1 0.852, precision 0.852, recall 0.852)
 * and once on the round's final rules (F1 0.874, precision 0.882, recall 0.866); then once more after the round's
 * second part (0.874). Blind10 after the second part: 0.838; blind5 to blind9: 0.877, 0.831, 0.846, 0.843, 0.851.</li>
 * <li>consensus/answer-pairs-blind12.tsv (432 pairs, the same 18 categories, a twelfth author): written after the
 * seventh round's first part and never tuned on; measured twice only, once on e5b99b5 before the round's second part
 * (F1 0.843, precision 0.853, recall 0.833) and once after it (F1 0.850, precision 0.862, recall 0.838).</li>
 * <li>consensus/answer-pairs-blind13.tsv and answer-pairs-blind14.tsv (432 pairs each, the same 18 categories, a
 * thirteenth and a fourteenth author): written at the start of the eighth round and never tuned on; measured on
 * 30ecd9d before the round (F1 0.820 and 0.782), a few times during it (blind13 0.825, 0.835, 0.844, 0.846; blind14
 * 0.792, 0.803, 0.806) and at its end (F1 0.850, precision 0.858, recall 0.843; F1 0.808, precision 0.797, recall
 * 0.819).</li>
 * <li>consensus/answer-pairs-blind15.tsv (432 pairs, the same 18 categories, a fifteenth author): written during the
 * eighth round and measured twice only, on 30ecd9d (F1 0.830) and at the round's end (F1 0.853, precision 0.845,
 * recall 0.861; once more after the closing review, unchanged). On the eighth round's rules blind5 to blind12:
 * 0.898, 0.843, 0.868, 0.859, 0.872, 0.856, 0.889, 0.873.</li>
 * <li>consensus/answer-pairs-blind16.tsv (432 pairs, the same 18 categories, a sixteenth author): written at the start
 * of the ninth round and never tuned on; measured on 8efef64 before the round (F1 0.860, precision 0.868, recall
 * 0.852), after its first part (the same total and per-category figures), once during its second part (0.862) and at
 * its end (F1 0.868, precision 0.870, recall 0.866).</li>
 * <li>consensus/answer-pairs-blind17.tsv (432 pairs, the same 18 categories, a seventeenth author): written halfway
 * through the ninth round and measured twice only, on 8efef64 (F1 0.856) and at the round's end (F1 0.861, precision
 * 0.861, recall 0.861). On the ninth round's rules blind5 to blind15: 0.900, 0.858, 0.867, 0.856, 0.878, 0.868, 0.894,
 * 0.880, 0.851, 0.815, 0.859.</li>
 * <li>consensus/answer-pairs-blind18.tsv and answer-pairs-blind19.tsv (432 pairs each, the same 18 categories, an
 * eighteenth and a nineteenth author): written at the start of the tenth round and never tuned on; measured three
 * times each: on a0b64a8 before the round (F1 0.845 and 0.855), once early in it (blind18 after its first rule, 0.845;
 * blind19 after its second, 0.858) and at its end (F1 0.858, precision 0.894, recall 0.824; F1 0.868, precision
 * 0.918, recall 0.824). Only totals and per-category figures were read. On the tenth round's
 * rules blind5 to blind17: 0.908, 0.862, 0.871, 0.856, 0.884, 0.876, 0.901, 0.886, 0.864, 0.821, 0.865, 0.876,
 * 0.874.</li>
 * <li>consensus/answer-pairs-blind20.tsv (432 pairs, the same 18 categories, a twentieth author): written at the
 * start of the seventeenth round and measured twice only, on 5065026 before the round (F1 0.854, precision 0.915,
 * recall 0.801) and at its end (F1 0.856, precision 0.925, recall 0.796); at the eighteenth round's end 0.864.</li>
 * <li>consensus/answer-pairs-blind21.tsv (432 pairs, the same 18 categories, a twenty-first author asked for pairs
 * harder than before): written at the start of the eighteenth round and measured on fb106b4 before the round (F1
 * 0.765, precision 0.865, recall 0.685) and at its end, before and after its second review (F1 0.777, precision 0.869,
 * recall 0.704 both times); at the nineteenth round's end 0.784.</li>
 * <li>consensus/answer-pairs-blind22.tsv (432 pairs, the same 18 categories, a twenty-second author asked for pairs
 * that share little wording where they agree): written at the start of the nineteenth round and measured on 5ff5f96
 * before the round (F1 0.823, precision 0.892, recall 0.764) and once at its end, after both reviews (F1 0.826,
 * precision 0.892, recall 0.769); at the twentieth round's end 0.829.</li>
 * <li>consensus/answer-pairs-blind23.tsv (432 pairs, the same 18 categories, a twenty-third author; travel,
 * engineering, geography, music and film, answers of very mixed length): written at the start of the twentieth round
 * and measured on 5891a48 before the round (F1 0.829, precision 0.876, recall 0.787) and once at its end, after both
 * reviews (the same: F1 0.829, precision 0.876, recall 0.787); at the twenty-first round's end 0.831.</li>
 * <li>consensus/answer-pairs-blind24.tsv (432 pairs, the same 18 categories, a twenty-fourth author; history, politics
 * and law of many countries, astronomy and space, languages and linguistics, in mixed registers): written at the start
 * of the twenty-first round and measured on b17cbe5 before the round (F1 0.855, precision 0.911, recall 0.806) and once
 * at its end, after both reviews (the same totals: F1 0.855, precision 0.911, recall 0.806; one pair won, one
 * lost); at the twenty-third round's end 0.858 (precision 0.911).</li>
 * <li>consensus/answer-pairs-blind25.tsv (432 pairs, the same 18 categories, a twenty-fifth author; engineering,
 * music, geography, personal finance, software operations and cooking, in mixed registers): written during the
 * twenty-third round and measured on 7520d58 before the round's rules (F1 0.858, precision 0.864, recall 0.852), on
 * the round's first form of its rule (0.856) and at its end (the same as before the round).</li>
 * <li>consensus/answer-pairs-blind26.tsv (432 pairs, the same 18 categories, a twenty-sixth author; aviation,
 * medicine, law, astronomy, sports rules, linguistics, electronics, databases, biology, history, shipping and
 * photography): written during the twenty-fourth round and measured on 9cb0d8c before the round's rules (F1 0.817,
 * precision 0.809, recall 0.824) and at its end (F1 0.836, precision 0.821, recall 0.852). Its author was asked for
 * metric prefixes written as symbols among the unit conversions, which the round's rules read.</li>
 * <li>consensus/answer-pairs-blind27.tsv (432 pairs, the same 18 categories, a twenty-seventh author; railways,
 * architecture, accounting, nutrition, mythology, art history, networking, oceanography, chess, veterinary medicine,
 * insurance, textiles, geology, classical music and marine biology, in mixed registers): written at the start of the
 * twenty-fifth round and measured on 507f302 before the round's rules (F1 0.872, precision 0.860, recall 0.884),
 * after the first review's mends and at its end (the same each time: no pair moved).</li>
 * <li>consensus/answer-pairs-blind28.tsv (432 pairs, the same 18 categories, a twenty-eighth author; astronautics,
 * brewing, forestry, cryptography, dentistry, maritime law, dance, meteorology, Japanese and Korean history, Romance
 * linguistics, audio engineering, numismatics, urban planning, pharmacology, beekeeping, mountaineering, office
 * software and tax rules): written at the start of the twenty-sixth round and measured on cd43cef (F1 0.808,
 * precision 0.816, recall 0.801) and at the round's end, whose change decides no pair otherwise.</li>
 * <li>consensus/answer-pairs-blind29.tsv (432 pairs, the same 18 categories, a twenty-ninth author; ornithology,
 * railway signalling, ceramics, chess, opera, hydrology, Byzantine history, Finnish and Hungarian linguistics, video
 * codecs, philately, textile dyeing, volcanology, cheese making, celestial navigation, networking, spreadsheet
 * formulas, cricket, labour law, radio astronomy, epidemiology, veterinary medicine and typography): written at the
 * start of the twenty-seventh round and measured on 98ebda5 (F1 0.798, precision 0.830, recall 0.769), at the end
 * of the round's first form, at its end after review and after its read-through (each F1 0.801, precision 0.831,
 * recall 0.773); its pairs were not read.</li>
 * <li>consensus/answer-pairs-blind30.tsv (432 pairs, the same 18 categories, a thirtieth author; beekeeping,
 * glaciology, Ottoman history, Korean, audio engineering, numismatics, carpentry, meteorology, bread baking,
 * orienteering, SQL, regular expressions, rugby union, maritime law, particle physics, nutrition, dentistry,
 * calligraphy, lighthouses, mycology, speedcubing, tax accounting, submarines and folk dance): written at the start of
 * the twenty-eighth round and measured seven times in it: twice on 242a170 (F1 0.860, precision 0.883, recall 0.838),
 * with two forms of a change not kept (0.858), after the round's first mends, after its first form and at its end
 * (0.860 each); its pairs were not read.</li>
 * <li>consensus/answer-pairs-blind31.tsv (432 pairs, the same 18 categories, a thirty-first author; falconry, plate
 * tectonics, the Mughal empire, Swahili, film editing, bookbinding, fencing, permaculture, cryptography, HVAC, poker,
 * Inca history, horology, kite surfing, insurance law, immunology, Kubernetes, fish keeping, glassblowing, Baroque
 * music, tides, tea, aviation weather and knitting): written during the twenty-eighth round and measured five times
 * in it: on 242a170 (F1 0.818, precision 0.847, recall 0.792), with a change not kept and after the round's first
 * mends (the same), after its first form and at its end (F1 0.821, precision 0.847, recall 0.796); its pairs were not
 * read.</li>
 * <li>consensus/answer-pairs-blind32.tsv (432 pairs, the same 18 categories, a thirty-second author; archery, the
 * Hanseatic League, Icelandic sagas, carnivorous plants, rail gauges, map projections, sumo, welding, ice hockey,
 * perfumery, viticulture, semiconductor fabrication, accounting standards, bell ringing, bonsai, lace-making and
 * others): written at the start of the twenty-ninth round and measured four times, on aa4e5f2 before any change (F1
 * 0.856, precision 0.907, recall 0.810), after the round's first form (0.861), after its review and on its final
 * head (F1 0.858, precision 0.911, recall 0.810); its pairs were read in the thirtieth round.</li>
 * <li>consensus/answer-pairs-blind33.tsv (432 pairs, the same 18 categories, a thirty-third author; speleology,
 * Carolingian history, Tamil, jazz harmony, electric vehicles, mixology, orchids, Roman law, tennis, microscopy,
 * shipbuilding, the Aztec calendar, paleontology, PostgreSQL internals, game theory, solar power, rowing and
 * diplomatic protocol): written at the start of the twenty-ninth round and measured four times, on aa4e5f2 (F1
 * 0.856, precision 0.874, recall 0.838), after the round's first form, after its review and on its final head (the
 * same each time); its pairs were read in the thirtieth round.</li>
 * <li>consensus/answer-pairs-blind34.tsv (432 pairs, the same 18 categories, a thirty-fourth author; amateur radio,
 * Antarctic exploration, bicycle maintenance, bridge, chocolate making, curling, Egyptology, Esperanto, gemology, Git,
 * golf, JavaScript, LaTeX, Mesopotamia and others): written at the start of the thirtieth round and measured twice
 * before its pairs were read, on 19348e7 and after the round's first mends (F1 0.788, precision 0.813, recall
 * 0.764 both times); its wrong decisions were then read, so it is tuning data since.</li>
 * <li>consensus/answer-pairs-blind35.tsv (432 pairs, the same 18 categories, a thirty-fifth author; nuclear power,
 * optics, probability, statistics, Python, sailing, scuba diving, thermodynamics, vexillology, the Napoleonic wars,
 * parliamentary procedure, water treatment, plumbing, Unicode, surveying, time zones, robotics and others): written
 * at the start of the thirtieth round and measured three times, on 19348e7 (F1 0.787, precision 0.823, recall
 * 0.755), after the round's first mends and at its end (the same); its pairs were not read.</li>
 * <li>consensus/answer-pairs-blind36.tsv (432 pairs, the same 18 categories, a thirty-sixth author; Rust, CSS, number
 * theory, the Maya, Tang China, Renaissance Florence, the American Civil War, Greek philosophy, Shakespeare, verse
 * forms, entomology, herpetology, baseball, figure skating, Formula 1, judo, backgammon, blacksmithing, soap making,
 * 3D printing, lock picking and Scrum): written during the thirtieth round and measured on 19348e7 (F1 0.809,
 * precision 0.823, recall 0.796) and at the round's end (the same); its pairs were not read.</li>
 * </ul>
 * blind30 and blind31 were listed in part by mistake during the twenty-eighth round's final read-through, after their
 * last measurement; the twenty-ninth round counted them as seen and read their wrong decisions, so they are tuning
 * data since. The thirtieth round read blind32 and blind33's wrong decisions, and blind34's after two measurements.
 * Of the blind sets only totals and per-category figures are reported, in docs/consensus.md. The twenty-seventh
 * round read blind20 to blind24's wrong splits, so those five are tuning data since; the twenty-eighth read blind25 to
 * blind29's wrong decisions of the rules whose precision had fallen most on them, so those five are tuning data too.
 * The floors are a little under the measured figures, so a change of the rules that does worse here fails.
 */
class IndependentEquivalenceTest {


    static Stream<Arguments> sets() {
        // fixture, F1 floor, precision floor, a little under the tenth round's figures: independent 0.948 / 0.923;
        // blind5 0.908 / 0.888; blind6 0.862 / 0.862; blind7 0.871 / 0.897; blind8 0.856 / 0.860; blind9 0.884 / 0.884;
        // blind10 0.876 / 0.872; blind11 0.901 / 0.899; blind12 0.886 / 0.888; blind13 0.864 / 0.876;
        // blind14 0.821 / 0.814; blind15 0.865 / 0.869; blind16 0.876 / 0.886; blind17 0.874 / 0.879;
        // blind18 0.858 / 0.894; blind19 0.868 / 0.918; blind20 (seventeenth round, at its end) 0.856 / 0.925;
        // blind21 (eighteenth round, at its end) 0.777 / 0.869; blind22 (nineteenth round, at its end) 0.826 / 0.892;
        // blind23 (twentieth round, at its end) 0.829 / 0.876; blind24 (twenty-first round, at its end) 0.855 / 0.911;
        // after the twenty-third round: blind20 0.883 / 0.933, blind21 0.796 / 0.873, blind22 0.830 / 0.889,
        // blind23 0.831 / 0.881, blind24 0.858 / 0.911, blind25 0.858 / 0.864; blind26 (twenty-fourth round, at its
        // end) 0.836 / 0.821; blind27 (twenty-fifth round, at its start and end) 0.872 / 0.860; blind28 (twenty-sixth
        // round, at its start and end) 0.808 / 0.816; after the twenty-seventh round, which read blind20 to blind24's
        // wrong splits: blind20 0.893 / 0.939, blind21 0.824 / 0.888, blind22 0.847 / 0.905, blind23 0.835 / 0.878,
        // blind24 0.870 / 0.927, blind25 0.860 / 0.864, blind26 0.841 / 0.826, blind27 0.877 / 0.862, blind28 0.811 /
        // 0.817; blind29 (twenty-seventh round, at its start 0.798 / 0.830, at its end) 0.801 / 0.831; after the
        // twenty-eighth round, which read blind25 to blind29's wrong decisions of some rules: blind25 0.865, blind27
        // 0.887, blind28 0.822, blind29 0.806; blind30 0.860 / 0.883; blind31 (at the round's start 0.818 / 0.847, at
        // its end) 0.821 / 0.847; after the twenty-ninth round, which read blind30 and blind31: blind30 0.882 / 0.899,
        // blind31 0.841 / 0.879; blind32 (at the round's start 0.856 / 0.907, at its end) 0.858 / 0.911; blind33 0.856 /
        // 0.874 at both; after the thirtieth round, which read blind32, blind33 and blind34: blind32 0.869 / 0.913,
        // blind33 0.870 / 0.889, blind34 (at the round's start 0.788 / 0.813) 0.791 / 0.821; blind35 0.787 / 0.823 and
        // blind36 0.809 / 0.823, the same at the round's start and end
        return Stream.of(Arguments.of("answer-pairs-independent.tsv", 0.93, 0.91),
                Arguments.of("answer-pairs-blind5.tsv", 0.89, 0.86),
                Arguments.of("answer-pairs-blind6.tsv", 0.84, 0.84),
                Arguments.of("answer-pairs-blind7.tsv", 0.86, 0.87),
                Arguments.of("answer-pairs-blind8.tsv", 0.85, 0.84),
                Arguments.of("answer-pairs-blind9.tsv", 0.86, 0.85),
                Arguments.of("answer-pairs-blind10.tsv", 0.85, 0.84),
                Arguments.of("answer-pairs-blind11.tsv", 0.88, 0.87),
                Arguments.of("answer-pairs-blind12.tsv", 0.87, 0.87),
                Arguments.of("answer-pairs-blind13.tsv", 0.85, 0.86),
                Arguments.of("answer-pairs-blind14.tsv", 0.80, 0.79),
                Arguments.of("answer-pairs-blind15.tsv", 0.84, 0.84),
                Arguments.of("answer-pairs-blind16.tsv", 0.86, 0.87),
                Arguments.of("answer-pairs-blind17.tsv", 0.86, 0.86),
                Arguments.of("answer-pairs-blind18.tsv", 0.84, 0.88),
                Arguments.of("answer-pairs-blind19.tsv", 0.85, 0.90),
                Arguments.of("answer-pairs-blind20.tsv", 0.86, 0.91),
                Arguments.of("answer-pairs-blind21.tsv", 0.79, 0.85),
                Arguments.of("answer-pairs-blind22.tsv", 0.82, 0.87),
                Arguments.of("answer-pairs-blind23.tsv", 0.82, 0.86),
                Arguments.of("answer-pairs-blind24.tsv", 0.84, 0.89),
                Arguments.of("answer-pairs-blind25.tsv", 0.84, 0.84),
                Arguments.of("answer-pairs-blind26.tsv", 0.82, 0.81),
                Arguments.of("answer-pairs-blind27.tsv", 0.86, 0.85),
                Arguments.of("answer-pairs-blind28.tsv", 0.80, 0.80),
                Arguments.of("answer-pairs-blind29.tsv", 0.79, 0.82),
                Arguments.of("answer-pairs-blind30.tsv", 0.87, 0.89),
                Arguments.of("answer-pairs-blind31.tsv", 0.83, 0.87),
                Arguments.of("answer-pairs-blind32.tsv", 0.86, 0.90),
                Arguments.of("answer-pairs-blind33.tsv", 0.86, 0.88),
                Arguments.of("answer-pairs-blind34.tsv", 0.78, 0.81),
                Arguments.of("answer-pairs-blind35.tsv", 0.77, 0.81),
                Arguments.of("answer-pairs-blind36.tsv", 0.79, 0.81));
    }

    @ParameterizedTest
    @MethodSource("sets")
    void should_tell_same_answers_from_different_ones_on_pairs_written_blind(String fixture, double f1Floor,
                                                                             double precisionFloor) throws IOException {
        // given
        List<String[]> pairs = pairs(fixture);
        SemanticVote vote = ConfiguredSemanticVote.load();

        // when: [true positives, false positives, false negatives, true negatives] per category and for all
        Map<String, int[]> counts = new TreeMap<>();
        for (String[] pair : pairs) {
            boolean same = pair[2].equals("1");
            boolean said = vote.similarity(pair[4], pair[5], pair[3]) >= vote.threshold(pair[3]);
            int cell = said ? (same ? 0 : 1) : (same ? 2 : 3);
            counts.computeIfAbsent(pair[1], category -> new int[4])[cell]++;
            counts.computeIfAbsent("(all)", category -> new int[4])[cell]++;
        }
        counts.forEach((category, c) -> System.out.printf(Locale.ROOT, fixture + " %-18s %3d pairs  P %.3f  R %.3f  F1 %.3f%n",
                category, c[0] + c[1] + c[2] + c[3], precision(c), recall(c), f1(c)));

        // then
        int[] all = counts.get("(all)");
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(300);
        assertThat(counts).hasSizeGreaterThanOrEqualTo(9);
        assertThat(f1(all)).isGreaterThanOrEqualTo(f1Floor);
        assertThat(precision(all)).isGreaterThanOrEqualTo(precisionFloor);
    }

    private static List<String[]> pairs(String fixture) throws IOException {
        try (InputStream in = IndependentEquivalenceTest.class.getResourceAsStream("/consensus/" + fixture)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.replace("\\n", "\n").split("\t"))
                    .toList();
        }
    }

    private static double precision(int[] c) {
        return c[0] + c[1] == 0 ? 1 : (double) c[0] / (c[0] + c[1]);
    }

    private static double recall(int[] c) {
        return c[0] + c[2] == 0 ? 1 : (double) c[0] / (c[0] + c[2]);
    }

    private static double f1(int[] c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
