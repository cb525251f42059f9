package dev.quorum.consensus;

import dev.quorum.embedding.AnswerPairModel;
import java.util.List;
import java.util.function.Supplier;

/**
 * Semantic voting's answer-pair model, loaded once: at start when semantic is the default algorithm, else on the first
 * vote that needs it (about 0.15 s).
 */
final class OnDemandPairModel implements AnswerPairModel {

    private final OnDemand<AnswerPairModel> model;

    OnDemandPairModel(Supplier<AnswerPairModel> loader) {
        this.model = new OnDemand<>("Answer-pair model", loader);
    }

    /** Loads the model now, if it is not loaded yet. */
    AnswerPairModel load() {
        return model.get();
    }

    @Override
    public double[] agreement(String question, List<String[]> pairs) {
        return load().agreement(question, pairs);
    }
}
