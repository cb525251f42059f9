package dev.quorum.embedding;

/** Cosine similarity of two embedding vectors, shared by the semantic task router and semantic voting. */
public final class Similarity {

    private Similarity() {
    }

    /** Cosine of the angle between {@code a} and {@code b}: 1 same direction, 0 unrelated; 0 for a zero vector. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
