package dev.quorum.consensus;

import dev.quorum.settings.Settings;
import java.util.List;

/**
 * The {@code quorum.consensus.*} settings of the voting methods and the panel's threads, which the consensus beans
 * are built with at start: the semantic, weighted and threshold votes, the verify ensemble, the entailment check of
 * semantic voting, the rank ensemble's method and pairwise cap, the shared panel pool ({@code threads}) and each
 * provider's pool ({@code member-threads}), whether (and from where) semantic voting reads WordNet, and whether
 * and how much its answer-pair model moves the cosine of the pairs the words leave open.
 */
record VotingSettings(double semanticThreshold, double semanticQuestionThreshold, double weightedMinAccuracy,
                      double weightedMaxAccuracy, double threshold,
                      int threads, int memberThreads, List<String> verifiers, int verifyMaxAttempts,
                      String entailmentJudge, double entailmentBandLow, double entailmentBandHigh,
                      int entailmentMaxPairs, String rankMethod, int rankMaxPairwiseCalls, boolean wordNet,
                      String wordNetDir, boolean pairModel, double pairModelWeight, double pairModelShift,
                      double pairModelFloor) {

    /** The answer-pair model's weight and shift, chosen on held-out tuning sources, and floor (docs/consensus.md). */
    static final double PAIR_MODEL_WEIGHT = 0.6;
    static final double PAIR_MODEL_SHIFT = 0.2;
    static final double PAIR_MODEL_FLOOR = 0.15;

    VotingSettings {
        verifiers = List.copyOf(verifiers);
    }

    static VotingSettings from(Settings settings) {
        return new VotingSettings(settings.decimal("semantic.threshold", 0.60, 0, 1),
                settings.decimal("semantic.question-threshold", 0.35, 0, 1),
                settings.decimal("weighted.min-accuracy", 0.51, 0, 1),
                settings.decimal("weighted.max-accuracy", 0.99, 0, 1),
                settings.decimal("threshold", 0.75, 0, 1),
                settings.integer("threads", 128, 1, Integer.MAX_VALUE),
                settings.integer("member-threads", 32, 1, Integer.MAX_VALUE),
                settings.list("verify.verifiers"),
                settings.integer("verify.max-attempts", 3, 1, Integer.MAX_VALUE),
                settings.text("semantic.entailment.judge", null),
                settings.decimal("semantic.entailment.band-low", 0.45, 0, 1),
                settings.decimal("semantic.entailment.band-high", 0.80, 0, 1),
                settings.integer("semantic.entailment.max-pairs", 3, 1, Integer.MAX_VALUE),
                settings.choice("rank.method", "judge", List.of("judge", "pairwise")),
                rankCalls(settings),
                settings.bool("semantic.wordnet", true),
                settings.text("semantic.wordnet-dir", null),
                settings.bool("semantic.pair-model.enabled", false),
                settings.decimal("semantic.pair-model.weight", PAIR_MODEL_WEIGHT, 0, 4),
                settings.decimal("semantic.pair-model.shift", PAIR_MODEL_SHIFT, -1, 1),
                settings.decimal("semantic.pair-model.floor", PAIR_MODEL_FLOOR, 0, 1));
    }

    /** 0 turns pairwise preference off; a pair needs two calls (both orders), so any other cap is at least 2. */
    private static int rankCalls(Settings settings) {
        int calls = settings.integer("rank.max-pairwise-calls", 12, 0, Integer.MAX_VALUE);
        if (calls == 1) {
            throw settings.invalid("rank.max-pairwise-calls", "1", "0 (no pairwise preference) or at least 2 "
                    + "(each pair is asked in both orders)");
        }
        return calls;
    }
}
