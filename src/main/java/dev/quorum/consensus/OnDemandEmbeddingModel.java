package dev.quorum.consensus;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one in-process embedding model of the application, loaded once: at start when a feature that needs it on every
 * request is on, else on first use (about half a second), then shared by the semantic router and semantic voting.
 */
public final class OnDemandEmbeddingModel implements EmbeddingModel {

    private static final Logger LOG = LoggerFactory.getLogger(OnDemandEmbeddingModel.class);

    private final Supplier<EmbeddingModel> loader;
    private volatile EmbeddingModel model;

    public OnDemandEmbeddingModel(Supplier<EmbeddingModel> loader) {
        this.loader = loader;
    }

    /** Loads the model now, if it is not loaded yet. */
    public EmbeddingModel load() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                loaded = model;
                if (loaded == null) {
                    long started = System.nanoTime();
                    loaded = loader.get();
                    model = loaded;
                    LOG.info("Embedding model loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
                }
            }
        }
        return loaded;
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
