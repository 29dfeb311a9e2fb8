package org.pbannex.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing a staged run: one rename, and latest moved after it, or nothing published at all. */
class RunFolderTest {

    @TempDir
    Path out;

    @Test
    void aRunIsPublishedAndLatestPointsAtIt() throws Exception {
        RunFolder first = staged("20261203T020000.000Z-aaaaaaaa-0001");
        first.publish(true);
        RunFolder second = staged("20261204T020000.000Z-aaaaaaaa-0002");
        second.publish(true);
        assertEquals(second.published().toRealPath(), out.resolve("2022-23/latest").toRealPath());
        assertEquals("20261204T020000.000Z-aaaaaaaa-0002", Files.readSymbolicLink(out.resolve("2022-23/latest")).toString(),
                "relative, so the folder can move");
        assertTrue(Files.isRegularFile(first.published().resolve("manifest.json")));
    }

    @Test
    void whenLatestCannotBeMadeNothingIsPublished() throws Exception {
        RunFolder first = staged("20261203T020000.000Z-aaaaaaaa-0001");
        first.publish(true);
        RunFolder second = staged("20261204T020000.000Z-aaaaaaaa-0002");
        // Where the new link goes, a folder that cannot be removed: as a file system without links, the link fails.
        Files.createDirectories(out.resolve("2022-23/.latest-20261204T020000.000Z-aaaaaaaa-0002/x"));
        assertThrows(java.io.IOException.class, () -> second.publish(true));
        assertFalse(Files.exists(second.published()), "not published");
        assertTrue(Files.isDirectory(second.staging()), "still staged, for a restart");
        assertEquals(first.published().toRealPath(), out.resolve("2022-23/latest").toRealPath(), "latest unmoved");
    }

    /**
     * A folder in latest's place (a run copied there by hand, unpacked from an archive) stopped every complete run,
     * after its folder was in place: it is kept aside as it is, and latest made again, with a line that says so.
     */
    @Test
    void aFolderInLatestsPlaceIsKeptAsideAndLatestMadeAgain() throws Exception {
        Path latest = Files.createDirectories(out.resolve("2022-23/latest"));
        Files.writeString(latest.resolve("manifest.json"), "{\"by\": \"hand\"}");
        RunFolder run = staged("20261203T020000.000Z-aaaaaaaa-0001");
        run.publish(true);
        assertEquals(run.published().toRealPath(), latest.toRealPath());
        Path kept = out.resolve("2022-23/latest.moved-20261203T020000.000Z-aaaaaaaa-0001");
        assertEquals("{\"by\": \"hand\"}", Files.readString(kept.resolve("manifest.json")), "kept as it was");
        assertEquals(latest + " was a folder, not the link to the latest run that pb-annex keeps there: kept as " + kept
                + ", and latest made again", run.latestKeptAside());
        // A partial run leaves latest alone, whatever it is.
        RunFolder partial = staged("20261204T020000.000Z-aaaaaaaa-0002");
        partial.publish(false);
        assertEquals(run.published().toRealPath(), latest.toRealPath());
        assertEquals(null, partial.latestKeptAside());
        // The copy kept aside, which holds a manifest, is no run for the retention to count or remove.
        assertEquals(java.util.List.of(run.published().getFileName().toString(), partial.published().getFileName().toString()),
                RunRetention.publishedRuns(out.resolve("2022-23")));
    }

    private RunFolder staged(String runId) throws Exception {
        RunFolder f = new RunFolder(out, "2022-23", runId);
        Files.writeString(f.prepareStaging().resolve("manifest.json"), "{}");
        return f;
    }
}
