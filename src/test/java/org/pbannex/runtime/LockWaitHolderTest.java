package org.pbannex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/**
 * A lock's holder is said with the time its transaction began, always to the second in UTC, and its session's state in
 * the report's language (the Chinese sentence said PostgreSQL's English "idle in transaction").
 */
class LockWaitHolderTest {

    /** At a whole minute an OffsetDateTime's text drops ":00"; the line keeps one shape (CI met it at 00:16:00). */
    @Test
    void aWholeMinuteKeepsItsSeconds() {
        OffsetDateTime zurich = OffsetDateTime.of(2026, 12, 6, 1, 16, 0, 0, ZoneOffset.ofHours(1));
        assertEquals("pid 8012, application_name 'nightly maintenance', idle in transaction since 2026-12-06T00:16:00Z",
                new LockWait.Holder(8012, "nightly maintenance", "idle in transaction", zurich).words());
    }

    @Test
    void fractionsOfASecondAreDropped() {
        OffsetDateTime at = OffsetDateTime.of(2026, 12, 6, 0, 16, 5, 987_000_000, ZoneOffset.UTC);
        assertEquals("2026-12-06T00:16:05Z", new LockWait.Holder(1, "x", "active", at).sinceWords());
    }

    /** The shared texts (input/reference/texts.csv) by key, as a report looks its words up. */
    private static java.util.Map<String, org.pbannex.table.Text> sharedTexts() throws java.io.IOException {
        java.util.Map<String, org.pbannex.table.Text> texts = new java.util.HashMap<>();
        try (var csv = new com.opencsv.CSVReaderBuilder(java.nio.file.Files.newBufferedReader(org.pbannex.Golden.input()
                .resolve("reference/texts.csv"))).withCSVParser(new com.opencsv.RFC4180ParserBuilder().build()).build()) {
            for (String[] row : csv) {
                if (row.length >= 3) {
                    texts.put(row[0], new org.pbannex.table.Text(row[1], row[2]));
                }
            }
        }
        return texts;
    }

    private static org.pbannex.table.Text said(String state) throws java.io.IOException {
        var texts = sharedTexts();
        OffsetDateTime at = OffsetDateTime.of(2026, 12, 6, 0, 16, 5, 0, ZoneOffset.UTC);
        var wait = new LockWait(new LockWait.Lock("table", "pb_run_lock"), new LockWait.Holder(8012, "psql", state, at), null);
        return wait.said().in(w -> java.util.Objects.requireNonNull(texts.get("report.cause." + w), w));
    }

    /** The Chinese sentence says the state in Chinese and keeps PostgreSQL's word for a DBA; the English is the server's word. */
    @Test
    void theHoldersStateIsSaidInTheReportsLanguage() throws java.io.IOException {
        var idleInTransaction = said("idle in transaction");
        // (How long it waited is this process's setting, which another test may have set: not asserted here.)
        assertTrue(idleInTransaction.zh().startsWith("语句等待表 pb_run_lock 上的锁已达 "), idleInTransaction.zh());
        assertTrue(idleInTransaction.zh().endsWith("，该锁由另一个会话持有（进程 8012，application_name“psql”，自 2026-12-06T00:16:05Z "
                + "起处于事务中空闲（idle in transaction））：请结束该会话的事务（或结束该会话：SELECT pg_terminate_backend(8012)），然后重新运行"),
                idleInTransaction.zh());
        assertTrue(idleInTransaction.en().endsWith("session holds (pid 8012, application_name 'psql', idle in transaction since "
                + "2026-12-06T00:16:05Z): end that session's transaction (or the session: SELECT pg_terminate_backend(8012)), then "
                + "run again"), idleInTransaction.en());
        assertEquals(idleInTransaction.en(), new LockWait(new LockWait.Lock("table", "pb_run_lock"), new LockWait.Holder(8012,
                "psql", "idle in transaction", OffsetDateTime.of(2026, 12, 6, 0, 16, 5, 0, ZoneOffset.UTC)), null).getMessage(),
                "the texts' English is stderr's line");
        assertTrue(said("idle").zh().contains("起处于空闲（idle））："), said("idle").zh());
        assertTrue(said("active").zh().contains("起处于运行中（active））："), said("active").zh());
        assertTrue(said("idle in transaction (aborted)").zh().contains("（idle in transaction (aborted)）"));
        // A state a later server adds: its word as the server gives it.
        assertTrue(said("waiting for godot").zh().contains("起处于状态 waiting for godot）："), said("waiting for godot").zh());
        assertTrue(said("waiting for godot").en().contains(", waiting for godot since "), said("waiting for godot").en());
    }
}
