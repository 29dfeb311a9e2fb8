package org.pbannex.distribute;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Who received which run (pb_distribution): sent, written as .eml by a dry run, failed, or refused for good. */
public final class DistributionLog {

    public static final String SENT = "sent";
    public static final String DRY_RUN = "dry-run";
    public static final String FAILED = "failed";
    /** The mail server refused the address for good (a 5xx reply): not tried again for that run unless asked. */
    public static final String REFUSED = "refused";

    /**
     * One row: a reviewer, the run, the attachment, how (sent, dry-run, failed) and when; a message when it failed. A
     * failure of every reviewer alike (the mail server refusing the sender, wanting a login, not reached) is the run's:
     * its row names no reviewer ({@link #everyReviewer}).
     */
    public record Entry(String runId, String reviewer, String email, String language, String tables, String attachment,
                        String mode, String message, Timestamp at) {

        /** Whether the row is of the run's distribution as a whole, not of one reviewer ({@link #recordForEveryReviewer}). */
        public boolean everyReviewer() {
            return email.isEmpty();
        }
    }

    private final JdbcTemplate jdbc;

    public DistributionLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String runId, Reviewer r, List<String> tables, String attachment, String mode, String message) {
        jdbc.update("INSERT INTO pb_distribution (run_id, reviewer, email, language, tables, attachment, mode, message, sent_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", runId, r.name(), r.email(), r.language(), String.join(" ", tables),
                attachment, mode, message == null ? null : message.length() > 2000 ? message.substring(0, 2000) : message,
                Timestamp.from(Instant.now()));
    }

    /**
     * A failure of the run's distribution that concerns every reviewer alike, not the one whose message it was sending:
     * recorded as the run's, with no reviewer, address, edition, tables or workbook (empty), so that no reviewer's row
     * shows it.
     */
    public void recordForEveryReviewer(String runId, String mode, String message) {
        record(runId, new Reviewer("", "", "", List.of()), List.of(), "", mode, message);
    }

    /** The runs sent to reviewers, or written for them as messages (--dry-run). */
    public java.util.Set<String> distributedRuns() {
        return java.util.Set.copyOf(jdbc.queryForList("SELECT DISTINCT run_id FROM pb_distribution WHERE mode IN (?, ?)",
                String.class, SENT, DRY_RUN));
    }

    /** Who received the run by mail (their addresses, lower case): a run sent again skips them unless asked to. */
    public java.util.Set<String> receivedBy(String runId) {
        return jdbc.queryForList("SELECT DISTINCT email FROM pb_distribution WHERE run_id = ? AND mode = ?", String.class, runId, SENT)
                .stream().map(e -> e.toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * The addresses (lower case) the mail server refused for good for the run, with the line that said so: a run sent
     * again skips them, as it would be refused again, unless asked to (a corrected address is another address).
     */
    public java.util.Map<String, String> refusedFor(String runId) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        jdbc.query("SELECT email, message FROM pb_distribution WHERE run_id = ? AND mode = ? ORDER BY id", rs -> {
            out.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT), rs.getString(2));
        }, runId, REFUSED);
        return out;
    }

    public List<Entry> ofRun(String runId) {
        return jdbc.query("SELECT run_id, reviewer, email, language, tables, attachment, mode, message, sent_at FROM pb_distribution "
                + "WHERE run_id = ? ORDER BY id", (rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9)), runId);
    }

    /**
     * The last other run of the biennium this address received, for "what changed since": the last one sent by mail;
     * where none ever was, the last one written as .eml by a dry run (an installation without a mail server sends those
     * by hand). A preview by dry run between two mailed runs is not taken for a run received: the list would then miss
     * changes. A run of another biennium is not compared (its figures are another budget's); {@code biennium} null: any.
     */
    public Optional<String> lastRunBefore(String email, String runId, String biennium) {
        for (String mode : List.of(SENT, DRY_RUN)) {
            Optional<String> last = (biennium == null
                    ? jdbc.queryForList("SELECT run_id FROM pb_distribution WHERE email = ? AND run_id <> ? AND mode = ? "
                    + "ORDER BY id DESC", String.class, email, runId, mode)
                    : jdbc.queryForList("SELECT d.run_id FROM pb_distribution d JOIN pb_run r ON r.run_id = d.run_id "
                    + "WHERE d.email = ? AND d.run_id <> ? AND d.mode = ? AND r.biennium = ? ORDER BY d.id DESC",
                    String.class, email, runId, mode, biennium)).stream().findFirst();
            if (last.isPresent()) {
                return last;
            }
        }
        return Optional.empty();
    }
}
