package org.pbannex.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bad characters of a reading (a file's, or every text the PDF's font is asked about), told in one error: fixing
 * them one check at a time is a check per character. The first is the error's own line, as when it was told alone;
 * the others follow it, at most {@link #LISTED} of a file, then how many more that file holds.
 */
final class BadCharacters {

    /** The most lines told for one file: enough to see a pattern (a whole column pasted from a PDF), not a flood. */
    static final int LISTED = 20;

    private final List<InputError> found = new ArrayList<>();

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** Adds one problem per character; true when there were any. */
    boolean add(String file, long line, String column, List<Said> characters) {
        characters.forEach(c -> found.add(new InputError(file, line, column, c)));
        return !characters.isEmpty();
    }

    /** The error telling them all: the first, then the others' lines. Only when some were found. */
    InputError error() {
        Map<String, Integer> perFile = new LinkedHashMap<>();
        List<InputError.More> more = new ArrayList<>();
        for (InputError e : found) {
            int n = perFile.merge(e.file(), 1, Integer::sum);
            if (e != found.get(0) && n <= LISTED) {
                more.add(new InputError.More(e, e.file(), 1));
            }
        }
        perFile.forEach((file, n) -> {
            if (n > LISTED) {
                more.add(new InputError.More(null, file, n - LISTED));
            }
        });
        return new InputError(found.get(0), more);
    }

    /** What to throw for a problem of another kind met after bad characters: the characters (told first), else it. */
    InputError before(InputError other) {
        return found.isEmpty() ? other : error();
    }
}
