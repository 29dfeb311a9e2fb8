package org.pbannex.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Line (or row) numbers written as ranges: 2, 3, 4, 5, 9 -> "2-5, 9" (sorted and each once, so they make the fewest). */
public final class LineRanges {

    private LineRanges() {
    }

    public static String of(Collection<Long> numbers) {
        List<Long> lines = numbers.stream().sorted().distinct().toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); ) {
            int j = i;
            while (j + 1 < lines.size() && lines.get(j + 1) == lines.get(j) + 1) {
                j++;
            }
            out.add(j == i ? String.valueOf(lines.get(i)) : lines.get(i) + "-" + lines.get(j));
            i = j + 1;
        }
        return String.join(", ", out);
    }
}
