package org.pbannex.render;

import java.io.IOException;
import java.util.List;
import org.pbannex.Golden;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.publication.Publication;
import org.pbannex.render.markup.Wording;
import org.pbannex.table.Text;

/** The 2022-23 editions as the tests that open them in other programs write them: the bundled input, a fixed run. */
public final class GoldenEditions {

    private GoldenEditions() {
    }

    /** The publication computed from the bundled input, for its latest biennium. */
    public static ComputedPublication publication() throws IOException {
        return Publication.compute(Golden.input(), Publication.biennium(Golden.input(), null));
    }

    /** The cover's facts of a fixed test run (no input files, contact or notes). */
    public static PublicationInfo info(ComputedPublication pub) {
        return new PublicationInfo(pub.reference().texts().get("publication.title"),
                pub.reference().texts().get("publication.source"), "2022-23", "test-run", "2026-01-01T00:00:00Z", "test",
                List.of(), Text.EMPTY, Text.EMPTY, List.of());
    }

    /** The editions' wording from the publication's texts. */
    public static Wording wording(ComputedPublication pub) {
        return new Wording(pub.reference().texts()::get);
    }
}
