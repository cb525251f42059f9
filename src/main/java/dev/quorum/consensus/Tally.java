package dev.quorum.consensus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Counts ballots grouped by a key with a weight per ballot: the heaviest group wins, a tie goes to the group holding
 * the most accurate provider (and is reported as a tie), and the winner's wording is that of its most accurate
 * member. Majority, weighted and threshold voting differ only in the key and the weight they count with.
 */
final class Tally {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Tally() {
    }

    static Vote count(List<Ballot> ballots, Function<Ballot, String> key, ToDoubleFunction<Ballot> weight, String how) {
        String[] keys = new String[ballots.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = key.apply(ballots.get(i));
        }
        return count(ballots, keys, weight, how);
    }

    /** Counts the ballots grouped by {@code keys} (one per ballot, in order). */
    static Vote count(List<Ballot> ballots, String[] keys, ToDoubleFunction<Ballot> weight, String how) {
        Map<String, List<Ballot>> groups = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            groups.computeIfAbsent(keys[i], k -> new ArrayList<>()).add(ballots.get(i));
        }
        double total = 0;
        for (Ballot ballot : ballots) {
            total += weight.applyAsDouble(ballot);
        }
        List<Ballot> best = null;
        double bestWeight = Double.NEGATIVE_INFINITY;
        boolean tie = false;
        Map<String, Double> shares = new HashMap<>();
        for (List<Ballot> group : groups.values()) {
            double groupWeight = weigh(group, weight);
            double share = total <= 0 ? (double) group.size() / ballots.size() : groupWeight / total;
            for (Ballot ballot : group) {
                shares.put(ballot.provider(), share);
            }
            if (best == null || groupWeight > bestWeight + 1e-9) {
                best = group;
                bestWeight = groupWeight;
                tie = false;
            } else if (Math.abs(groupWeight - bestWeight) <= 1e-9) {
                tie = true;
                if (topAccuracy(group) > topAccuracy(best)) {
                    best = group;
                }
            }
        }
        List<Ballot> winners = best;
        Ballot representative = mostAccurate(winners);
        List<String> agreeing = winners.stream().map(Ballot::provider).toList();
        List<String> dissenting = ballots.stream().filter(b -> !winners.contains(b)).map(Ballot::provider).toList();
        double ratio = total <= 0 ? (double) best.size() / ballots.size() : bestWeight / total;
        String reasoning = describe(best, ballots.size(), groups.size(), ratio, tie, how, representative.answer());
        return new Vote(representative.answer(), representative.provider(), ratio, agreeing, dissenting, tie, reasoning,
                List.of(), shares);
    }

    static Ballot mostAccurate(List<Ballot> group) {
        Ballot best = group.get(0);
        for (Ballot ballot : group) {
            if (ballot.accuracy() > best.accuracy()) {
                best = ballot;
            }
        }
        return best;
    }

    private static double topAccuracy(List<Ballot> group) {
        return mostAccurate(group).accuracy();
    }

    private static double weigh(List<Ballot> group, ToDoubleFunction<Ballot> weight) {
        double sum = 0;
        for (Ballot ballot : group) {
            sum += weight.applyAsDouble(ballot);
        }
        return sum;
    }

    static String describe(List<Ballot> winners, int voters, int groups, double ratio, boolean tie, String how,
                           String answer) {
        String names = String.join(", ", winners.stream().map(Ballot::provider).toList());
        if (voters == 1) {
            return "Only " + names + " answered, so its answer stands unconfirmed.";
        }
        if (groups == 1) {
            return "All " + voters + " providers gave the same answer " + how + ".";
        }
        if (tie) {
            return "The panel split into " + groups + " equally strong answers " + how + "; the one of " + names
                    + " (the most accurate provider among them) is returned.";
        }
        return winners.size() + " of " + voters + " providers (" + names + ") agreed on '" + abbreviate(answer) + "' "
                + how + ", " + percent(ratio) + " of the vote.";
    }

    static String percent(double ratio) {
        return Math.round(ratio * 100) + "%";
    }

    /** A number with two decimals, without the cost of String.format on every vote. */
    static String twoDecimals(double value) {
        long hundredths = Math.round(value * 100);
        long abs = Math.abs(hundredths);
        return (hundredths < 0 ? "-" : "") + abs / 100 + "." + (abs % 100 < 10 ? "0" : "") + abs % 100;
    }

    static String abbreviate(String text) {
        String flat = text == null ? "" : SPACES.matcher(text).replaceAll(" ").strip();
        return flat.length() <= 60 ? flat : flat.substring(0, 60) + "…";
    }
}
