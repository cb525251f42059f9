package dev.quorum.sim;

import java.util.Locale;

/** The provider APIs the simulator speaks; each simulated provider is reachable in every one of them. */
public enum WireFormat {
    OPENAI, ANTHROPIC, GEMINI, OLLAMA, MISTRAL;

    /** The path segment of this format in the simulator's URLs. */
    public String segment() {
        return name().toLowerCase(Locale.ROOT);
    }
}
