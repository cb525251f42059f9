package dev.quorum.consensus;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one in-process embedding model of the application, loaded once: at start when a feature that needs it on every
 * request is on, else on first use (about half a second), then shared by the semantic router and semantic voting.
 */
public final class OnDemandEmbeddingModel implements EmbeddingModel {

    private final OnDemand<EmbeddingModel> model;

    public OnDemandEmbeddingModel(Supplier<EmbeddingModel> loader) {
        this.model = new OnDemand<>("Embedding model", loader);
    }

    /** Loads the model now, if it is not loaded yet. */
    public EmbeddingModel load() {
        return model.get();
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> textSegments) {
        return load().embedAll(textSegments);
    }

    @Override
    public int dimension() {
        return load().dimension();
    }
}
