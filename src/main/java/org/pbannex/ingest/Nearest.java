package org.pbannex.ingest;

import java.util.Collection;
import java.util.Locale;

/** The known name nearest to a typed one, for "did you mean ...?": a few letters inserted, removed, changed or swapped. */
public final class Nearest {

    private Nearest() {
    }

    /** The candidate nearest a typed name (a key, an option, a field), when one is close enough to be what was meant; else null. */
    public static String name(String typed, Collection<String> candidates) {
        String nearest = null;
        int best = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(typed, c);
            if (d < best) {
                best = d;
                nearest = c;
            }
        }
        return nearest != null && best <= Math.max(2, typed.length() / 8) ? nearest : null;
    }

    /**
     * The code of a list nearest a typed one, or null. Codes are short ("AF", "NORMES"), so only one letter in four may
     * differ, capitals aside, and the nearest must be the only one so near: "AX" names none of AF, AM and AS.
     */
    public static String code(String typed, Collection<String> codes) {
        String t = typed.strip().toLowerCase(Locale.ROOT);
        String nearest = null;
        int best = Integer.MAX_VALUE;
        boolean alone = false;
        for (String c : codes) {
            int d = distance(t, c.toLowerCase(Locale.ROOT));
            if (d < best) {
                best = d;
                nearest = c;
                alone = true;
            } else if (d == best) {
                alone = false;
            }
        }
        return nearest != null && alone && best <= Math.max(1, t.length() / 4) && !nearest.equals(typed) ? nearest : null;
    }

    /** The edit distance of two names: letters inserted, removed or changed, and two neighbours swapped. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
