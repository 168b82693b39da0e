package dcl.registry.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code difflib.SequenceMatcher(None, a, b).ratio()} (Ratcliff/Obershelp): {@code 2*M/T}
 * with {@code M} the characters of the matching blocks and {@code T} the two lengths together (1.0
 * for two empty strings). Faithful to CPython's defaults: no junk function, and with {@code
 * autojunk} the characters that occur more than {@code 1 + len(b)/100} times in a {@code b} of 200
 * characters or more are "popular": they do not seed a match, but a match extends over them.
 */
final class SequenceRatio {
    private SequenceRatio() {}

    static double ratio(String a, String b) {
        int total = a.length() + b.length();
        return total == 0 ? 1.0 : 2.0 * matches(a, b) / total;
    }

    /** The characters in the matching blocks ({@code sum(size for get_matching_blocks())}). */
    static int matches(String a, String b) {
        Map<Character, List<Integer>> b2j = new HashMap<>();
        for (int j = 0; j < b.length(); j++) {
            b2j.computeIfAbsent(b.charAt(j), c -> new ArrayList<>()).add(j);
        }
        if (b.length() >= 200) {
            int popular = b.length() / 100 + 1;
            b2j.values().removeIf(positions -> positions.size() > popular);
        }
        int[] runs = new int[b.length() + 1]; // j2len, shifted by one: runs[j + 1]
        int[] next = new int[b.length() + 1];
        int matched = 0;
        Deque<int[]> queue = new ArrayDeque<>();
        queue.push(new int[] {0, a.length(), 0, b.length()});
        while (!queue.isEmpty()) {
            int[] q = queue.pop();
            int alo = q[0];
            int ahi = q[1];
            int blo = q[2];
            int bhi = q[3];
            // find_longest_match(alo, ahi, blo, bhi)
            int besti = alo;
            int bestj = blo;
            int best = 0;
            Arrays.fill(runs, 0);
            for (int i = alo; i < ahi; i++) {
                Arrays.fill(next, 0);
                for (int j : b2j.getOrDefault(a.charAt(i), List.of())) {
                    if (j < blo) {
                        continue;
                    }
                    if (j >= bhi) {
                        break;
                    }
                    int k = runs[j] + 1;
                    next[j + 1] = k;
                    if (k > best) {
                        besti = i - k + 1;
                        bestj = j - k + 1;
                        best = k;
                    }
                }
                int[] swap = runs;
                runs = next;
                next = swap;
            }
            while (besti > alo && bestj > blo && a.charAt(besti - 1) == b.charAt(bestj - 1)) {
                besti--;
                bestj--;
                best++;
            }
            while (besti + best < ahi
                    && bestj + best < bhi
                    && a.charAt(besti + best) == b.charAt(bestj + best)) {
                best++;
            }
            if (best > 0) {
                matched += best;
                if (alo < besti && blo < bestj) {
                    queue.push(new int[] {alo, besti, blo, bestj});
                }
                if (besti + best < ahi && bestj + best < bhi) {
                    queue.push(new int[] {besti + best, ahi, bestj + best, bhi});
                }
            }
        }
        return matched;
    }
}
