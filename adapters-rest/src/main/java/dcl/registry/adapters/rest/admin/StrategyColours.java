package dcl.registry.adapters.rest.admin;

import java.util.List;
import java.util.Map;

/**
 * One colour per answering strategy, the same in every report and every chart, so an operator who
 * learnt that rag is green reads it at a glance next time. Red is kept for violations.
 */
final class StrategyColours {
    /** Violations' marks; no strategy is given a red. */
    static final String VIOLATION = "#c0262d";

    /** The strategies known today, from a palette that colour-blind readers can tell apart. */
    private static final Map<String, String> KNOWN =
            Map.of(
                    "lexical", "#0072b2",
                    "rag", "#009e73",
                    "llm", "#e69f00");

    /**
     * For strategies of other names (the drift repairs' {@code drift-repair:<change>}, strategies
     * added later): distinct from the known ones and from red, in the same palette family.
     */
    private static final List<String> OTHERS =
            List.of(
                    "#7b4fb8", "#56b4e9", "#8c6d31", "#d45fa6", "#1b7c83", "#5d6d7e", "#b59a00",
                    "#a07cc5");

    private StrategyColours() {}

    /**
     * The strategy's colour: a fixed one for the known strategies, otherwise one picked by the
     * name's hash ({@link String#hashCode} is specified, so it is the same in every JVM and every
     * report; two such names may share a colour, and the legend and the tables name them).
     */
    static String of(String strategy) {
        String known = KNOWN.get(strategy);
        return known != null
                ? known
                : OTHERS.get(Math.floorMod(strategy.hashCode(), OTHERS.size()));
    }
}
