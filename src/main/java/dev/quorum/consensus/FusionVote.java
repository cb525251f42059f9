package dev.quorum.consensus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges JSON object answers field by field: each top-level field takes the value most answers give it (equal values
 * compared with keys sorted; a tie goes to the most accurate provider), and a field is kept when at least half of the
 * JSON answers have it. Answers that are not JSON objects do not vote; with none, the panel is decided by majority.
 * The answers that give the merged value for at least half of its fields agree; the others dissent.
 */
public final class FusionVote implements VotingMethod {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final MajorityVote majority = new MajorityVote();

    @Override
    public String name() {
        return "fusion";
    }

    @Override
    public Vote decide(List<Ballot> ballots) {
        return decide(ballots, null);
    }

    @Override
    public Vote decide(List<Ballot> ballots, String question) {
        List<Ballot> voters = new ArrayList<>();
        List<ObjectNode> objects = new ArrayList<>();
        List<String> notJson = new ArrayList<>();
        for (Ballot ballot : ballots) {
            JsonNode json = AnswerKey.json(ballot.answer());
            if (json instanceof ObjectNode object) {
                voters.add(ballot);
                objects.add(object);
            } else {
                notJson.add(ballot.provider());
            }
        }
        if (objects.isEmpty()) {
            Vote vote = majority.decide(ballots, question);
            return vote.withNotes(List.of("fusion needs JSON object answers and none was one; the panel was decided by majority"));
        }
        Set<String> fields = new LinkedHashSet<>();
        for (ObjectNode object : objects) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                fields.add(names.next());
            }
        }
        ObjectNode merged = MAPPER.createObjectNode();
        Map<String, String> mergedKeys = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        double agreementSum = 0;
        List<String> splitFields = new ArrayList<>();
        for (String field : fields) {
            Map<String, List<Integer>> byValue = new LinkedHashMap<>();
            for (int i = 0; i < objects.size(); i++) {
                JsonNode value = objects.get(i).get(field);
                if (value != null) {
                    byValue.computeIfAbsent(AnswerKey.canonical(value), k -> new ArrayList<>()).add(i);
                }
            }
            int present = byValue.values().stream().mapToInt(List::size).sum();
            if (present * 2 < objects.size()) {
                continue;
            }
            List<Integer> best = null;
            for (List<Integer> holders : byValue.values()) {
                if (best == null || holders.size() > best.size()
                        || (holders.size() == best.size() && topAccuracy(holders, voters) > topAccuracy(best, voters))) {
                    best = holders;
                }
            }
            Map<String, Integer> fieldCounts = new LinkedHashMap<>();
            byValue.forEach((value, holders) -> fieldCounts.put(value, holders.size()));
            counts.put(field, fieldCounts);
            merged.set(field, objects.get(best.get(0)).get(field));
            mergedKeys.put(field, AnswerKey.canonical(objects.get(best.get(0)).get(field)));
            agreementSum += (double) best.size() / objects.size();
            if (byValue.size() > 1) {
                splitFields.add(field);
            }
        }
        // agreeing: the answers that give the merged value for at least half of its fields, so that the level
        // (from who agrees) and the ratio (from how much of each field agrees) tell the same story
        List<String> agreeing = new ArrayList<>();
        List<String> dissenting = new ArrayList<>();
        Map<String, Double> shares = new LinkedHashMap<>();
        double jsonShare = (double) objects.size() / ballots.size();
        for (int i = 0; i < objects.size(); i++) {
            int matching = 0;
            double share = 0;
            for (Map.Entry<String, String> entry : mergedKeys.entrySet()) {
                JsonNode value = objects.get(i).get(entry.getKey());
                String canonical = value == null ? null : AnswerKey.canonical(value);
                if (canonical != null && canonical.equals(entry.getValue())) {
                    matching++;
                }
                if (canonical != null) {
                    share += (double) counts.get(entry.getKey()).getOrDefault(canonical, 0) / objects.size();
                }
            }
            shares.put(voters.get(i).provider(), mergedKeys.isEmpty() ? 0 : share / mergedKeys.size() * jsonShare);
            (!mergedKeys.isEmpty() && matching * 2 >= mergedKeys.size() ? agreeing : dissenting)
                    .add(voters.get(i).provider());
        }
        for (String provider : notJson) {
            shares.put(provider, 0.0);
        }
        dissenting.addAll(notJson);
        double fieldAgreement = mergedKeys.isEmpty() ? 0 : agreementSum / mergedKeys.size();
        double ratio = fieldAgreement * objects.size() / ballots.size();
        String answer;
        try {
            answer = MAPPER.writeValueAsString(merged);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String reasoning = "Merged " + objects.size() + " JSON answers field by field: " + mergedKeys.size() + " fields, "
                + (splitFields.isEmpty() ? "all agreed on by every answer" : "voted on " + String.join(", ", splitFields))
                + (notJson.isEmpty() ? "" : "; not JSON and not voting: " + String.join(", ", notJson)) + ".";
        List<String> notes = notJson.isEmpty() ? List.of()
                : List.of("answers that were not JSON objects did not vote: " + String.join(", ", notJson));
        boolean unanimous = splitFields.isEmpty() && agreeing.size() == objects.size();
        return new Vote(answer, unanimous ? voters.get(0).provider() : null, ratio, agreeing, dissenting, false, reasoning,
                notes, shares);
    }

    private static double topAccuracy(List<Integer> holders, List<Ballot> voters) {
        double best = 0;
        for (int i : holders) {
            best = Math.max(best, voters.get(i).accuracy());
        }
        return best;
    }
}
