package org.pbannex.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.TestInputs;

class RegionNamesTest {

    @TempDir
    Path tmp;

    /**
     * No two regions share a name in a language (label, short name, name in the target texts): a target's regional
     * counts are checked by their regions' names, and two rows of one name would read as one region (found by an
     * exploratory test: EU's short name 非洲 and its target name 亚太 passed).
     */
    @Test
    void twoRegionsOfOneNameAreRefused() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("regions"));
        TestInputs.edit(input.resolve("reference/regions.csv"), s -> s.replace("EU,欧洲和中亚,Europe and Central Asia,欧洲,Europe,true,,",
                "EU,欧洲和中亚,Europe and Central Asia,非洲,Europe,true,,"));
        CliRun r = CliRun.capture(Map.of(), "check", "--input", input.toString());
        assertEquals(3, r.status(), r.toString());
        assertTrue(r.err().strip().endsWith("regions.csv, line 6, column short_zh: '非洲' is already "
                + "region AF's name: each name of a region (label, short, target_name) must be no other region's in its language "
                + "(region EU)"), r.err());
    }
}
