package dev.quorum.embedding;

import java.util.List;

/** A model that reads two answers to one question together and says how likely they give the same answer. */
public interface AnswerPairModel {

    /**
     * For each pair {@code {a, b}} of answers to {@code question} (null when unknown), the probability, from 0 to 1,
     * that the two give the same answer.
     */
    double[] agreement(String question, List<String[]> pairs);
}
