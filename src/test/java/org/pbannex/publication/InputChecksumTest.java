package org.pbannex.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the input checksum, which identifies a run, covers: the input files, not what lies beside them. */
class InputChecksumTest {

    @TempDir
    Path input;
    String before;

    @BeforeEach
    void anInputFolder() throws Exception {
        Files.createDirectories(input.resolve("2022-23"));
        Files.writeString(input.resolve("datapackage.json"), "{}");
        Files.writeString(input.resolve("2022-23/budget.csv"), "code,amount\nA,1\n");
        Files.writeString(input.resolve("reviewers.csv"), "name,email,language,tables\nA,a@example.org,en,\n");
        before = InputChecksum.of(input);
    }

    @Test
    void theReviewerListAndWhatEditorsLeaveDoNotChangeIt() throws Exception {
        Files.writeString(input.resolve("reviewers.csv"), "name,email,language,tables\nB,b@example.org,zh,a2\n");
        Files.writeString(input.resolve("reviewers.datapackage.json"), "{\"resources\":[]}");
        Files.writeString(input.resolve("2022-23/.~lock.budget.csv#"), ",someone,host,01.12.2026 09:00,file:///root/.config;");
        Files.writeString(input.resolve("~$inputs.xlsx"), "owner");
        Files.createDirectories(input.resolve(".git/objects"));
        Files.writeString(input.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(input.resolve(".DS_Store"), "x");
        assertEquals(before, InputChecksum.of(input));
    }

    @Test
    void anInputFileChangesIt() throws Exception {
        Files.writeString(input.resolve("2022-23/budget.csv"), "code,amount\nA,2\n");
        assertNotEquals(before, InputChecksum.of(input));
    }

    @Test
    void aFileAddedOrRenamedChangesIt() throws Exception {
        Files.writeString(input.resolve("2022-23/notes.txt"), "a new file is input until proven otherwise");
        String added = InputChecksum.of(input);
        assertNotEquals(before, added);
        Files.delete(input.resolve("2022-23/notes.txt"));
        Files.move(input.resolve("2022-23/budget.csv"), input.resolve("2022-23/budget-old.csv"));
        assertNotEquals(before, InputChecksum.of(input));
    }

    @Test
    void aReviewerListInABienniumFolderIsInput() throws Exception {
        // Only the list at the top of the folder is the distribution list.
        Files.writeString(input.resolve("2022-23/reviewers.csv"), "x\n");
        assertNotEquals(before, InputChecksum.of(input));
    }
}
