package dev.quorum.embedding;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Quorum's answer-pair model: a cross-encoder that reads a question and two answers together and says how likely the
 * two give the same answer. It is all-MiniLM-L6-v2 (the weights of LangChain4j's model jar) fine-tuned on Quorum's
 * labelled tuning pairs with a one-logit head ({@code src/bench/pair-model/}, docs/consensus.md "Answer-pair model"),
 * stored with half-precision weights.
 * <p>
 * Input: {@code [CLS] question [SEP] answer a [SEP] answer b [SEP]}, the question and answer a of token type 0,
 * answer b of type 1, the question cut at {@value #QUESTION_TOKENS} word pieces and each answer at
 * {@value #ANSWER_TOKENS}. The model is not symmetric: each pair is read in both orders (one model run for all) and
 * the two probabilities averaged. Runs on the caller's thread, one non-spinning ONNX thread, like
 * {@link LocalEmbeddingModel}.
 */
public final class LocalPairModel implements AnswerPairModel {

    private static final String MODEL = "/quorum/pair-model.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
    static final int QUESTION_TOKENS = 48;
    static final int ANSWER_TOKENS = 100;
    private static final long CLS = 101;
    private static final long SEP = 102;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;

    private LocalPairModel(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer) {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
    }

    /** Loads the model from the classpath: about half a second, once per application. */
    public static LocalPairModel load() {
        try (InputStream model = resource(MODEL); InputStream tokenizer = LocalEmbeddingModel.resource(TOKENIZER)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            return new LocalPairModel(environment, LocalEmbeddingModel.session(environment, model),
                    HuggingFaceTokenizer.newInstance(tokenizer, Map.of("padding", "false")));
        } catch (IOException | OrtException e) {
            throw new IllegalStateException("Could not load Quorum's answer-pair model: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) {
        InputStream stream = LocalPairModel.class.getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException(name + " is not on the classpath");
        }
        return stream;
    }

    @Override
    public double[] agreement(String question, List<String[]> pairs) {
        if (pairs.isEmpty()) {
            return new double[0];
        }
        long[] asked = question == null || question.isBlank() ? new long[0] : pieces(question, QUESTION_TOKENS);
        long[][] rows = new long[pairs.size() * 2][];
        int[] firstOfSecond = new int[rows.length];
        int longest = 0;
        for (int pair = 0; pair < pairs.size(); pair++) {
            long[] a = pieces(pairs.get(pair)[0], ANSWER_TOKENS);
            long[] b = pieces(pairs.get(pair)[1], ANSWER_TOKENS);
            for (int order = 0; order < 2; order++) {
                int row = pair * 2 + order;
                rows[row] = order == 0 ? join(asked, a, b) : join(asked, b, a);
                firstOfSecond[row] = rows[row].length - (order == 0 ? b.length : a.length) - 1;
                longest = Math.max(longest, rows[row].length);
            }
        }
        long[] ids = new long[rows.length * longest];
        long[] types = new long[rows.length * longest];
        long[] mask = new long[rows.length * longest];
        for (int row = 0; row < rows.length; row++) {
            int offset = row * longest;
            System.arraycopy(rows[row], 0, ids, offset, rows[row].length);
            Arrays.fill(types, offset + firstOfSecond[row], offset + rows[row].length, 1);
            Arrays.fill(mask, offset, offset + rows[row].length, 1);
        }
        long[] shape = {rows.length, longest};
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
             OnnxTensor typesTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put("input_ids", idsTensor);
            inputs.put("token_type_ids", typesTensor);
            inputs.put("attention_mask", maskTensor);
            try (OrtSession.Result result = session.run(inputs)) {
                FloatBuffer logits = ((OnnxTensor) result.get(0)).getFloatBuffer();
                double[] agreement = new double[pairs.size()];
                for (int pair = 0; pair < pairs.size(); pair++) {
                    agreement[pair] = (sigmoid(logits.get(pair * 2)) + sigmoid(logits.get(pair * 2 + 1))) / 2;
                }
                return agreement;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("The answer-pair model failed: " + e.getMessage(), e);
        }
    }

    /** A text's word pieces, without {@code [CLS]} and {@code [SEP]}, cut at {@code limit}. */
    private long[] pieces(String text, int limit) {
        long[] ids = tokenizer.encode(text, false, false).getIds();
        return ids.length > limit ? Arrays.copyOf(ids, limit) : ids;
    }

    /** {@code [CLS] question [SEP] first [SEP] second [SEP]}, without the question and its {@code [SEP]} if none. */
    private static long[] join(long[] question, long[] first, long[] second) {
        int length = 1 + (question.length > 0 ? question.length + 1 : 0) + first.length + 1 + second.length + 1;
        long[] row = new long[length];
        int at = 0;
        row[at++] = CLS;
        if (question.length > 0) {
            System.arraycopy(question, 0, row, at, question.length);
            at += question.length;
            row[at++] = SEP;
        }
        System.arraycopy(first, 0, row, at, first.length);
        at += first.length;
        row[at++] = SEP;
        System.arraycopy(second, 0, row, at, second.length);
        at += second.length;
        row[at] = SEP;
        return row;
    }

    private static double sigmoid(float logit) {
        return 1 / (1 + Math.exp(-logit));
    }
}
