package org.pbannex.review;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pbannex.inputbook.InputBookReader.Sheet;
import org.pbannex.review.Review.Change;
import org.pbannex.review.Review.Where;

/** The comments a reviewer added or changed on a returned sheet, as changes. */
final class CommentChanges {

    private CommentChanges() {
    }

    /** Comments a reviewer added or changed on a sheet that holds no table (the cover, the notes): where they are. */
    static void compare(Map<String, String> published, Sheet returned, List<Change> changes) {
        for (var e : returned.comments().entrySet()) {
            if (!Objects.equals(published.get(e.getKey()), e.getValue())) {
                changes.add(new Change("", "", "", "", e.getValue(), "comment", List.of(), new Where(returned.name(), e.getKey(), "", "")));
            }
        }
    }
}
