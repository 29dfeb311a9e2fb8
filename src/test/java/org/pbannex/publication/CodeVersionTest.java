package org.pbannex.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code version is the commit the program was built from, as the build noted it, not the commit its folder's
 * checkout is at when it runs: a commit of the README alone, pulled into the installation, was a new code version, and
 * the next night published unchanged inputs again and mailed every reviewer (found by an exploratory test).
 */
class CodeVersionTest {

    @TempDir
    Path tmp;

    @Test
    void theVersionIsTheBuildsCommitWhateverTheFoldersCheckoutSays() throws IOException {
        Path noted = Path.of("target/classes/org/pbannex/publication/build-commit");
        assertTrue(Files.isRegularFile(noted), "the build notes its commit (scripts/build-commit.sh, generate-resources)");
        String built = Files.readString(noted).strip();
        Path checkout = Files.createDirectories(tmp.resolve("program/.git"));
        Files.writeString(checkout.resolve("HEAD"), "0123456789abcdef0123456789abcdef01234567\n");
        String version = CodeVersion.of(tmp.resolve("program"));
        assertTrue(version.endsWith("+" + built.substring(0, 12) + built.substring(40)), version + " against " + built);
        assertEquals(version, CodeVersion.of(tmp.resolve("elsewhere")), "the same code wherever it runs");
    }
}
