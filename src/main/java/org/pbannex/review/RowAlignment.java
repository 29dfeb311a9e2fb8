package org.pbannex.review;

import static org.pbannex.review.CellValues.cell;
import static org.pbannex.review.CellValues.same;
import static org.pbannex.review.CellValues.text;

import java.util.ArrayList;
import java.util.List;
import org.pbannex.inputbook.InputBookReader;

/**
 * Which returned row is which published row of a table, and which returned column which published column: rows by
 * their labels in order (the longest common subsequence), then by label wherever they are, then a relabelled row by
 * its figures; columns by their headings, or by their place where a heading was edited. A pairing is two arrays:
 * {@code pairs[0][published]} the returned index (-1: none), {@code pairs[1][returned]} the published index.
 */
final class RowAlignment {

    private RowAlignment() {
    }

    /**
     * The returned row of each published row: in order by label ({@link #align}), then by label wherever it is, then a
     * row whose label was edited by its figures.
     */
    static int[][] rows(PublishedTable pub, List<String> retLabels, List<InputBookReader.Row> retRows, int[] columnOf) {
        int[][] pairs = align(pub.labels(), retLabels);
        pairByLabel(pub, retLabels, retRows, columnOf, pairs);
        pairRelabelled(pub, retRows, columnOf, pairs);
        return pairs;
    }

    /** Longest common subsequence of the row labels: pairs[0][published] = returned index, pairs[1][returned] = published. */
    static int[][] align(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int[] ab = new int[a.size()];
        int[] ba = new int[b.size()];
        java.util.Arrays.fill(ab, -1);
        java.util.Arrays.fill(ba, -1);
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                ab[i] = j;
                ba[j] = i;
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return new int[][] {ab, ba};
    }

    /**
     * Where each published heading is in the returned heading row (-1: deleted): by its text; else, for a heading the
     * reviewer edited, the returned column in its place (as far from a matched neighbour as in the print) whose heading
     * is no published one.
     */
    static int[] columns(List<String> headings, List<String> returned) {
        int[] columnOf = new int[headings.size()];
        for (int c = 0; c < headings.size(); c++) {
            columnOf[c] = returned.indexOf(headings.get(c));
        }
        for (int c = 0; c < headings.size(); c++) {
            if (columnOf[c] >= 0) {
                continue;
            }
            int left = c - 1;
            while (left >= 0 && columnOf[left] < 0) {
                left--;
            }
            int at = left < 0 ? c : columnOf[left] + (c - left);
            // A heading cleared is one edited to nothing (the caller keeps it only where its column holds something).
            if (at < returned.size() && (returned.get(at).isBlank() || !headings.contains(returned.get(at))) && indexOf(columnOf, at) < 0) {
                columnOf[c] = at;
            }
        }
        return columnOf;
    }

    /**
     * Rows not matched in order (a sorted table, a label the table has more than once) are matched to unmatched returned
     * rows of the same label wherever they are: the pairs holding most cells as published first, then pairs between the
     * same matched neighbours, then in order. So where rows share a label (Table II.1's targets beside two indicators
     * each) and a sort moved them, each finds the row that holds its figures, and a row whose figure changed is left to
     * its own row, not taken by another of the same label.
     */
    private static void pairByLabel(PublishedTable pub, List<String> retLabels, List<InputBookReader.Row> retRows, int[] columnOf,
                                    int[][] pairs) {
        record Candidate(int i, int j, long score) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < pairs[0].length; i++) {
            if (pairs[0][i] >= 0 || pub.labels().get(i).isBlank()) {
                continue;
            }
            Gap gap = gap(pairs, i, retRows.size());
            for (int j = 0; j < retLabels.size(); j++) {
                if (pairs[1][j] < 0 && retLabels.get(j).equals(pub.labels().get(i))) {
                    candidates.add(new Candidate(i, j, 2L * agreement(pub, i, retRows.get(j), columnOf).same() + (gap.holds(j) ? 1 : 0)));
                }
            }
        }
        candidates.sort(java.util.Comparator.comparingLong(Candidate::score).reversed().thenComparingInt(Candidate::i)
                .thenComparingInt(Candidate::j));
        for (Candidate c : candidates) {
            if (pairs[0][c.i()] < 0 && pairs[1][c.j()] < 0) {
                pairs[0][c.i()] = c.j();
                pairs[1][c.j()] = c.i();
            }
        }
    }

    /**
     * Where an unmatched published row may stand in the returned rows: after {@code lo} and before {@code hi}, the
     * returned places of its matched neighbours, the published rows {@code prev} and {@code next}.
     */
    private record Gap(int lo, int hi, int prev, int next) {

        boolean holds(int j) {
            return j > lo && j < hi;
        }
    }

    private static Gap gap(int[][] pairs, int i, int returnedRows) {
        int n = pairs[0].length;
        int prev = i - 1;
        while (prev >= 0 && pairs[0][prev] < 0) {
            prev--;
        }
        int next = i + 1;
        while (next < n && pairs[0][next] < 0) {
            next++;
        }
        int lo = prev < 0 ? -1 : pairs[0][prev];
        int hi = next >= n ? returnedRows : pairs[0][next];
        return lo >= hi ? new Gap(-1, returnedRows, prev, next) : new Gap(lo, hi, prev, next); // moved neighbours: anywhere
    }

    /** Of a published row's cells beyond its label, how many it has and how many a returned row holds the same. */
    private record Agreement(int cells, int same) {
    }

    private static Agreement agreement(PublishedTable pub, int i, InputBookReader.Row returned, int[] columnOf) {
        int cells = 0;
        int same = 0;
        for (int c = pub.labelColumns(); c < columnOf.length; c++) {
            String now = text(cell(returned, columnOf[c]));
            String was = pub.grid().get(i).get(c);
            if (was.isEmpty() || columnOf[c] < 0) {
                continue;
            }
            cells++;
            same += same(was, now) ? 1 : 0;
        }
        return new Agreement(cells, same);
    }

    /**
     * A row whose label the reviewer edited: an unmatched published row is matched to an unmatched returned row between
     * the same matched neighbours, when it is the one such row on both sides (edited in its place, whatever else changed
     * in it), or when it holds at least half of its other cells as published (at least one), so that the label and any
     * figure changed with it are listed as changes of that row, not as a row deleted and a row added.
     */
    private static void pairRelabelled(PublishedTable pub, List<InputBookReader.Row> retRows, int[] columnOf, int[][] pairs) {
        for (int i = 0; i < pairs[0].length; i++) {
            if (pairs[0][i] >= 0) {
                continue;
            }
            Gap gap = gap(pairs, i, retRows.size());
            List<Integer> open = new ArrayList<>();
            for (int j = gap.lo() + 1; j < gap.hi(); j++) {
                if (pairs[1][j] < 0) {
                    open.add(j);
                }
            }
            int unmatchedHere = gap.next() - gap.prev() - 1;
            for (int j : open) {
                Agreement a = agreement(pub, i, retRows.get(j), columnOf);
                boolean alone = open.size() == 1 && unmatchedHere == 1; // the one row in its place on both sides: edited there
                boolean match = alone || holdsHalf(a);
                if (match) {
                    pairs[0][i] = j;
                    pairs[1][j] = i;
                    break;
                }
            }
        }
        // A sorted table whose label was edited too: the row stands anywhere, so it is matched to the one unmatched
        // returned row, wherever it is, that holds at least half of its other cells as published; and only when that
        // returned row is the one such row for it and it for that row, lest two edited rows be taken for each other.
        for (int i = 0; i < pairs[0].length; i++) {
            if (pairs[0][i] >= 0) {
                continue;
            }
            int only = -1;
            int found = 0;
            for (int j = 0; j < retRows.size(); j++) {
                if (pairs[1][j] < 0 && holdsHalf(agreement(pub, i, retRows.get(j), columnOf))) {
                    only = j;
                    found++;
                }
            }
            if (found != 1) {
                continue;
            }
            int rivals = 0;
            for (int k = 0; k < pairs[0].length; k++) {
                if (pairs[0][k] < 0 && holdsHalf(agreement(pub, k, retRows.get(only), columnOf))) {
                    rivals++;
                }
            }
            if (rivals == 1) {
                pairs[0][i] = only;
                pairs[1][only] = i;
            }
        }
    }

    private static boolean holdsHalf(Agreement a) {
        return a.cells() > 0 && a.same() > 0 && 2 * a.same() >= a.cells();
    }

    static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
