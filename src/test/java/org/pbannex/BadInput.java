package org.pbannex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.pbannex.ingest.InputError;
import org.pbannex.publication.Publication;
import org.pbannex.reference.Biennium;

/** Bad input of the bundled biennium (2022-23), as computing its publication refuses it. */
public final class BadInput {

    private BadInput() {
    }

    /** What refuses computing 2022-23's publication from this input folder. */
    public static InputError refused(Path input) {
        return assertThrows(InputError.class, () -> Publication.compute(input, new Biennium(2022)));
    }

    /** The same, which must name this file (its path's end, 2022-23/sdg_targets.csv), line and column. */
    public static InputError refusedAt(Path input, String file, int line, String column) {
        InputError e = refused(input);
        assertTrue(e.file().endsWith(file), e.file());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        return e;
    }
}
