package org.pbannex.review;

import static org.pbannex.review.CellValues.text;

import java.util.List;
import java.util.Map;
import org.pbannex.inputbook.InputBookReader.Sheet;
import org.pbannex.render.xlsx.XlsxWorkbookWriter.SheetPlan;

/**
 * Which returned sheet is which published one when a reviewer renamed, swapped or copied sheets: a table's by its
 * heading row and row labels, the cover's, contents', notes', charts' and run sheet's by their texts.
 */
final class SheetMatching {

    private SheetMatching() {
    }

    /**
     * The returned sheet that holds this table under another name (renamed, or two names swapped): one not taken yet,
     * with the table's heading row, and not with that of the table it is named after; of several, the one with most of
     * the table's row labels.
     */
    static Sheet renamedSheet(PublishedTable pub, List<Sheet> back, Map<String, PublishedTable> tablesBySheet, List<String> taken) {
        Sheet best = null;
        long most = -1;
        for (Sheet s : back) {
            PublishedTable namedAfter = tablesBySheet.get(s.name());
            if (taken.contains(s.name()) || pub.headerIn(s) == null || namedAfter != null && namedAfter != pub
                    && namedAfter.headerIn(s) != null && !pub.headings().equals(namedAfter.headings())) {
                continue;
            }
            java.util.Set<String> texts = new java.util.HashSet<>();
            s.rows().forEach(r -> r.cells().forEach(c -> texts.add(text(c))));
            long found = pub.grid().stream().filter(r -> texts.contains(r.get(0))).count();
            if (found > most) {
                best = s;
                most = found;
            }
        }
        return best;
    }

    /**
     * The returned sheet that is a renamed cover, contents, notes, charts or run sheet: one not taken, not named as a
     * published sheet, no copy of a table's, holding at least half of the published sheet's texts; of several, the one
     * holding most.
     */
    static Sheet renamedOther(Sheet published, List<Sheet> back, Map<String, Sheet> publishedByName, List<String> taken,
                                      List<SheetPlan> plans, Map<String, PublishedTable> tablesBySheet) {
        java.util.Set<String> was = new java.util.HashSet<>();
        TextChanges.cells(published.rows()).forEach(c -> was.add(c.text()));
        Sheet best = null;
        long most = 0;
        for (Sheet r : back) {
            if (taken.contains(r.name()) || publishedByName.containsKey(r.name()) || copyOf(r, plans, tablesBySheet) >= 0) {
                continue;
            }
            long found = TextChanges.cells(r.rows()).stream().map(TextChanges.Cell::text).distinct().filter(was::contains).count();
            if (found > most) {
                best = r;
                most = found;
            }
        }
        return 2 * most >= was.size() && most > 0 ? best : null;
    }

    /**
     * The table an added sheet is a copy of: the one whose heading row it holds, with most of its row labels (as a
     * renamed sheet is found); -1 for a sheet of the reviewer's own.
     */
    static int copyOf(Sheet added, List<SheetPlan> plans, Map<String, PublishedTable> tablesBySheet) {
        int best = -1;
        long most = 0;
        java.util.Set<String> texts = new java.util.HashSet<>();
        added.rows().forEach(r -> r.cells().forEach(c -> texts.add(text(c))));
        for (int i = 0; i < plans.size(); i++) {
            PublishedTable pub = tablesBySheet.get(plans.get(i).sheetName());
            if (pub.headerIn(added) != null) {
                long found = pub.grid().stream().filter(r -> texts.contains(r.get(0))).count();
                if (found > most) {
                    best = i;
                    most = found;
                }
            }
        }
        return best;
    }
}
