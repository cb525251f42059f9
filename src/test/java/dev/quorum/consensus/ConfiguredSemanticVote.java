package dev.quorum.consensus;

import dev.quorum.embedding.LocalEmbeddingModel;
import dev.quorum.embedding.LocalPairModel;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The semantic vote as application.properties sets it up: its thresholds and its answer-pair model's settings. */
final class ConfiguredSemanticVote {

    private ConfiguredSemanticVote() {
    }

    static SemanticVote load() throws IOException {
        return load(false);
    }

    /** As configured, with the answer-pair model on when {@code pairModel}, whatever its {@code enabled} says. */
    static SemanticVote load(boolean pairModel) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("application.properties"))) {
            properties.load(reader);
        }
        SemanticVote.PairReading pairs = SemanticVote.PairReading.NONE;
        if (pairModel || Boolean.parseBoolean(value(properties, "semantic.pair-model.enabled"))) {
            pairs = new SemanticVote.PairReading(LocalPairModel.load(),
                    Double.parseDouble(value(properties, "semantic.pair-model.weight")),
                    Double.parseDouble(value(properties, "semantic.pair-model.shift")),
                    Double.parseDouble(value(properties, "semantic.pair-model.floor")));
        }
        return new SemanticVote(LocalEmbeddingModel.allMiniLmL6V2(),
                Double.parseDouble(value(properties, "semantic.threshold")),
                Double.parseDouble(value(properties, "semantic.question-threshold")), pairs);
    }

    private static String value(Properties properties, String key) {
        String value = properties.getProperty("quorum.consensus." + key);
        if (value == null) {
            throw new IllegalStateException("application.properties has no quorum.consensus." + key);
        }
        return value.trim();
    }
}
