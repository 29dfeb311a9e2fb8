package org.pbannex.publication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.TestInputs;
import org.pbannex.ingest.InputSet;
import org.pbannex.reference.Biennium;
import org.pbannex.restatement.Restatements;
import org.pbannex.table.CheckResult;

/**
 * A command that checks 2022-23 and 2024-25 reads 2022-23's input once, for its own check and for 2024-25's
 * restatements (it read it twice), and says the same as when each biennium is checked alone; a file of 2022-23
 * changed between the two is read again.
 */
class ReadBienniaTest {

    private static final Biennium B2022 = new Biennium(2022);
    private static final Biennium B2024 = new Biennium(2024);

    @TempDir
    Path tmp;

    private static ComputedPublication checked(Path input, Biennium b, ReadBiennia read) {
        InputSet in = Publication.ingest(input, b);
        return Publication.checkAll(in, Publication.readLines(in, null), true, read);
    }

    @Test
    void thePreviousBienniumIsReadOnceAndItsRestatementsAreTheSameBytes() throws IOException {
        Path input = TestInputs.withMadeUp2024(tmp.resolve("input"));
        ReadBiennia both = new ReadBiennia(List.of(B2022, B2024));
        int read2022 = ReadBiennia.reads("2022-23");
        int read2024 = ReadBiennia.reads("2024-25");
        ComputedPublication own = checked(input, B2022, both);
        ComputedPublication later = checked(input, B2024, both);
        assertEquals(1, ReadBiennia.reads("2022-23") - read2022, "2022-23 read for its own check, and not again for 2024-25's restatements");
        assertEquals(1, ReadBiennia.reads("2024-25") - read2024);

        ReadBiennia alone = new ReadBiennia(List.of(B2024));
        ComputedPublication apart = checked(input, B2024, alone);
        assertEquals(2, ReadBiennia.reads("2022-23") - read2022, "checked alone, 2024-25 reads 2022-23 for its restatements");

        Restatements r = later.restatements();
        assertTrue(r.compared());
        assertFalse(r.found().isEmpty());
        assertEquals(apart.restatements().inputs(), r.inputs());
        r.write(tmp.resolve("both.csv"));
        apart.restatements().write(tmp.resolve("alone.csv"));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("alone.csv")), Files.readAllBytes(tmp.resolve("both.csv")));
        assertEquals(apart.checks().results().stream().map(CheckResult::describe).toList(),
                later.checks().results().stream().map(CheckResult::describe).toList());
        assertEquals(List.of(), own.checks().failures());

        // The command's lines: the same whether the biennia are checked together or one by one (times aside).
        Path db = tmp.resolve("db");
        int beforeCommand = ReadBiennia.reads("2022-23");
        CliRun all = CliRun.run(db, "check", "--input", input.toString(), "--biennium", "all");
        assertEquals(1, ReadBiennia.reads("2022-23") - beforeCommand, "the check of both read 2022-23 once");
        CliRun first = CliRun.run(db, "check", "--input", input.toString(), "--biennium", "2022-23");
        CliRun second = CliRun.run(db, "check", "--input", input.toString(), "--biennium", "2024-25");
        assertEquals(0, all.status(), all.toString());
        assertTrue(all.out().contains(", " + r.found().size() + " restatements of 2022-23"), all.out());
        assertEquals(withoutTimes(first.out() + second.out()), withoutTimes(all.out()));
    }

    @Test
    void aFileOfThePreviousBienniumChangedSinceItWasReadIsReadAgain() throws IOException {
        Path input = TestInputs.withMadeUp2024(tmp.resolve("input"));
        ReadBiennia both = new ReadBiennia(List.of(B2022, B2024));
        int read2022 = ReadBiennia.reads("2022-23");
        assertEquals(List.of(), checked(input, B2022, both).checks().failures());
        // The same size, perhaps within the same second: its checksum tells it.
        Path budget = input.resolve("2022-23/budget.csv");
        Files.writeString(budget, Files.readString(budget).replace("GB,31,8,37,11,15668625,", "GB,31,8,37,11,15668626,"));
        Restatements r = checked(input, B2024, both).restatements();
        assertEquals(2, ReadBiennia.reads("2022-23") - read2022);
        assertEquals(Restatements.NotCompared.ITS_CHECKS, r.why(), "the changed figures, not those read before");
    }

    /** The same of a nightly run of both biennia: 2024-25's restatements.csv is the bytes of a run of it alone. */
    @Test
    void aRunOfBothBienniaReadsThePreviousOnceAndPublishesTheSameRestatements() throws IOException {
        Path input = TestInputs.withMadeUp2024(tmp.resolve("input"));
        int read2022 = ReadBiennia.reads("2022-23");
        CliRun both = CliRun.run(tmp.resolve("db"), "run", "nightly", "--input", input.toString(), "--output",
                tmp.resolve("both").toString(), "--biennium", "all", "--format", "csv", "--lang", "en");
        assertEquals(0, both.status(), both.toString());
        assertEquals(1, ReadBiennia.reads("2022-23") - read2022, "2022-23 read for its run, and not again for 2024-25's");
        CliRun alone = CliRun.run(tmp.resolve("db2"), "run", "nightly", "--input", input.toString(), "--output",
                tmp.resolve("alone").toString(), "--biennium", "2024-25", "--format", "csv", "--lang", "en");
        assertEquals(0, alone.status(), alone.toString());
        assertEquals(2, ReadBiennia.reads("2022-23") - read2022, "run alone, 2024-25 reads 2022-23 for its restatements");
        byte[] together = Files.readAllBytes(runFolder(tmp.resolve("both/2024-25")).resolve(Restatements.FILE));
        assertTrue(new String(together, java.nio.charset.StandardCharsets.UTF_8).lines().count() > 1, "restatements found");
        assertArrayEquals(Files.readAllBytes(runFolder(tmp.resolve("alone/2024-25")).resolve(Restatements.FILE)), together);
    }

    /** The one run's folder of a biennium's output folder. */
    private static Path runFolder(Path biennium) throws IOException {
        try (var runs = Files.list(biennium)) {
            List<Path> found = runs.filter(p -> Files.isDirectory(p) && !p.getFileName().toString().startsWith(".")
                    && !p.getFileName().toString().equals("latest")).toList();
            assertEquals(1, found.size(), found.toString());
            return found.get(0);
        }
    }

    private static String withoutTimes(String out) {
        return out.replaceAll(" \\(\\d+\\.\\d s\\)", "");
    }
}
