package org.pbannex.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.ingest.InputFolder;
import org.pbannex.ingest.InputSet;

/**
 * What the input checksum, which identifies a run, covers: the input files, not what lies beside them; and how a
 * snapshot tells that the folder changed while a run read it.
 */
class InputSnapshotTest {

    @TempDir
    Path input;
    String before;

    @BeforeEach
    void anInputFolder() throws Exception {
        Files.createDirectories(input.resolve("2022-23"));
        Files.writeString(input.resolve("datapackage.json"), "{}");
        Files.writeString(input.resolve("2022-23/budget.csv"), "code,amount\nA,1\n");
        Files.writeString(input.resolve("reviewers.csv"), "name,email,language,tables\nA,a@example.org,en,\n");
        before = InputSnapshot.take(input).checksum();
    }

    /**
     * An input folder given as a link (--input, PB_INPUT) is read through it: its checksum was that of no file at all, so
     * an edited input was "nothing to do" for ever (found by an exploratory test).
     */
    @Test
    void anInputFolderGivenAsALinkIsReadThroughIt() throws Exception {
        Path link = Files.createSymbolicLink(input.resolveSibling(input.getFileName() + "-link"), input);
        try {
            assertEquals(before, InputSnapshot.take(link).checksum(), "the same files as the folder's");
            Files.writeString(link.resolve("2022-23/budget.csv"), "code,amount\nA,2\n");
            org.junit.jupiter.api.Assertions.assertNotEquals(before, InputSnapshot.take(link).checksum(), "an edit is a change");
        } finally {
            Files.delete(link);
        }
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
        assertEquals(before, InputSnapshot.take(input).checksum());
    }

    @Test
    void anInputFileChangesIt() throws Exception {
        Files.writeString(input.resolve("2022-23/budget.csv"), "code,amount\nA,2\n");
        assertNotEquals(before, InputSnapshot.take(input).checksum());
    }

    @Test
    void aFileAddedOrRenamedChangesIt() throws Exception {
        Files.writeString(input.resolve("2022-23/notes.txt"), "a new file is input until proven otherwise");
        String added = InputSnapshot.take(input).checksum();
        assertNotEquals(before, added);
        Files.delete(input.resolve("2022-23/notes.txt"));
        Files.move(input.resolve("2022-23/budget.csv"), input.resolve("2022-23/budget-old.csv"));
        assertNotEquals(before, InputSnapshot.take(input).checksum());
    }

    @Test
    void aReviewerListInABienniumFolderIsInput() throws Exception {
        // Only the list at the top of the folder is the distribution list.
        Files.writeString(input.resolve("2022-23/reviewers.csv"), "x\n");
        assertNotEquals(before, InputSnapshot.take(input).checksum());
    }

    @Test
    void aSnapshotSeesNoChangeInWhatIsNotInput() throws Exception {
        InputSnapshot snapshot = InputSnapshot.take(input);
        Files.writeString(input.resolve("2022-23/.~lock.budget.csv#"), ",someone,host,01.12.2026 09:00,file:///root/.config;");
        Files.writeString(input.resolve("reviewers.csv"), "name,email,language,tables\nB,b@example.org,zh,a2\n");
        assertEquals(java.util.Optional.empty(), snapshot.changes());
        assertEquals(java.util.Optional.empty(), InputSnapshot.recordOnly(input).changes());
    }

    @Test
    void aFileSavedWhileTheRunReadsIsNamed() throws Exception {
        InputSnapshot snapshot = InputSnapshot.take(input);
        Files.writeString(input.resolve("2022-23/budget.csv"), "code,amount\nA,1\nB,2\n");
        String line = snapshot.changes().orElseThrow().getMessage();
        assertTrue(line.startsWith(InputFolder.shownName(input, "2022-23/budget.csv") + ": was changed (at "), line);
        assertTrue(line.matches(".* UTC\\) while the run read the input \\(since [-0-9]+ [:0-9]+ UTC\\): nothing was published, .*"), line);
    }

    @Test
    void aFileReplacedAddedOrRemovedIsNamed() throws Exception {
        InputSnapshot snapshot = InputSnapshot.recordOnly(input);
        // As a synchronisation tool or an office program saves: a new file renamed over the old one, same size.
        Path saved = input.resolve("2022-23/budget.csv.new");
        Files.writeString(input.resolve(".budget.tmp"), "code,amount\nA,9\n");
        Files.move(input.resolve(".budget.tmp"), input.resolve("2022-23/budget.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertTrue(snapshot.changes().orElseThrow().getMessage().contains("budget.csv: was replaced (at "));

        snapshot = InputSnapshot.recordOnly(input);
        Files.writeString(saved, "x");
        Files.delete(input.resolve("datapackage.json"));
        String line = snapshot.changes().orElseThrow().getMessage();
        // The first in the order of their paths, and how many more.
        assertTrue(line.startsWith(InputFolder.shownName(input, "2022-23/budget.csv.new") + ": was added while the run read the input (since "), line);
        assertTrue(line.contains(" UTC; 1 more file too): nothing was published"), line);
    }

    @Test
    void contentReadThatTheFileSystemDidNotRecordIsAChange() throws Exception {
        // A rewrite of the same size within one tick of the file system's clock leaves its records as they were; the
        // content the run read tells it.
        InputSnapshot snapshot = InputSnapshot.take(input);
        String name = InputFolder.shownName(input, "2022-23/budget.csv");
        assertEquals(java.util.Optional.empty(), snapshot.changes(java.util.Map.of(name, InputSet.sha256(input.resolve("2022-23/budget.csv"))), InputSnapshot.RUN));
        String line = snapshot.changes(java.util.Map.of(name, "0".repeat(64)), InputSnapshot.CHECK).orElseThrow().getMessage();
        assertTrue(line.startsWith(name + ": was changed (at "), line);
        assertTrue(line.contains("while the check read the input (since ") && line.endsWith("check again once the input folder is complete"), line);
    }
}
