package org.pbannex.distribute;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pbannex.ingest.CsvResourceReader;
import org.pbannex.ingest.DataPackage;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.InputFolder;
import org.pbannex.ingest.Record;
import org.pbannex.ingest.Said;
import org.pbannex.publication.TableCatalogue;
import org.pbannex.runtime.UsageError;
import tools.jackson.databind.JsonNode;

/**
 * Who gets a run: the {@code reviewers:} of a job (a list of name, email, language, tables; or {@code input}, meaning
 * the input folder's {@code reviewers.csv}), or else {@code reviewers.csv}. The CSV is checked against its Table Schema
 * ({@code reviewers.datapackage.json}) like every input, and its table ids against the tables pb-annex has.
 */
public final class ReviewerList {

    public static final String FILE = InputFolder.REVIEWERS;
    public static final String DESCRIPTOR = InputFolder.REVIEWERS_DESCRIPTOR;
    /** The value of a job's {@code reviewers:} that means the input folder's reviewers.csv. */
    public static final String FROM_INPUT = "input";

    private ReviewerList() {
    }

    /** The reviewers a job names (an empty list when it names none: the job then distributes nothing). */
    public static List<Reviewer> ofJob(JsonNode reviewers, Path inputDir, String where) {
        if (reviewers == null || reviewers.isNull() || reviewers.isMissingNode()) {
            return List.of();
        }
        if (reviewers.isString() && reviewers.asString().equals(FROM_INPUT)) {
            return fromCsv(inputDir);
        }
        if (!reviewers.isArray()) {
            throw new Mistake(where, Said.cause("usage.reviewers.not_a_list", "file", "input/" + FILE), new Mistake.At(0, null));
        }
        List<Reviewer> out = new ArrayList<>();
        // One address, whatever its letters' case (servers take Li@ and li@ for one mailbox), is one reviewer: listed
        // twice, the same person got each run twice.
        java.util.Map<String, Integer> firstWith = new java.util.HashMap<>();
        int i = 0;
        for (JsonNode r : reviewers) {
            i++;
            String name = r.path("name").asString("");
            String email = r.path("email").asString("");
            String language = r.path("language").asString("");
            List<String> tables = new ArrayList<>();
            if (r.path("tables").isArray()) {
                r.path("tables").forEach(t -> tables.add(t.asString()));
            } else if (!r.path("tables").asString("").isBlank()) {
                tables.addAll(Arrays.asList(r.path("tables").asString().trim().split("[\\s,]+")));
            }
            Integer earlier = firstWith.putIfAbsent(email.toLowerCase(java.util.Locale.ROOT), i);
            // The problem, and the key it is of (where the job file's line and column point).
            String key = name.isBlank() ? "name" : !Reviewer.ADDRESS.matcher(email).matches() || earlier != null ? "email"
                    : !List.of("zh", "en").contains(language) ? "language" : "tables";
            Said problem = name.isBlank() ? Said.cause("usage.reviewers.no_name")
                    : !Reviewer.ADDRESS.matcher(email).matches() ? Said.cause("usage.reviewers.email", "value", email)
                    : earlier != null ? Said.cause("usage.reviewers.same_address", "value", email, "number", String.valueOf(earlier))
                    : !List.of("zh", "en").contains(language) ? Said.cause("usage.reviewers.language", "value", language)
                    : spellAsCatalogue(tables, inputDir);
            if (problem != null) {
                throw new Mistake(where, Said.cause("usage.reviewers.reviewer", "number", String.valueOf(i), "problem", problem), new Mistake.At(i, key));
            }
            out.add(new Reviewer(name, email, language, tables, where + ", reviewer " + i));
        }
        return out;
    }

    /** The reviewers of a job file jobs/<job>.yml (none when it names none, or there is no such file). */
    public static List<Reviewer> ofJobFile(Path jobsDir, String job, Path inputDir) {
        JsonNode root = jobRoot(jobsDir, job);
        return root == null ? List.of() : ofJob(root.get("reviewers"), inputDir, jobsDir.resolve(job + ".yml").toString());
    }

    /**
     * How many days after a run is published its reviewers are asked to reply, from the job file's
     * {@code replyWithinDays} (checked when the job is loaded); null when it gives none.
     */
    public static Integer replyWithinDays(Path jobsDir, String job) {
        JsonNode root = jobRoot(jobsDir, job);
        return root == null || !root.path("replyWithinDays").canConvertToInt() ? null : root.path("replyWithinDays").asInt();
    }

    /** A job file's keys and values; null when there is no such job. */
    private static JsonNode jobRoot(Path jobsDir, String job) {
        Path file = job == null ? null : jobsDir.resolve(job + ".yml");
        if (file == null || !org.pbannex.runtime.JobName.isValid(job) || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            return tools.jackson.dataformat.yaml.YAMLMapper.builder().build().readTree(file.toFile());
        } catch (tools.jackson.core.JacksonException e) {
            throw mistake(file.toString(), e.getOriginalMessage());
        }
    }

    /** A mistake of a job file's reviewers: "FILE: REASON", in the texts' words (report.cause.usage.*). */
    private static UsageError mistake(String file, Object reason) {
        Said said = atFile(file, reason);
        return new UsageError(said.english(), said);
    }

    private static Said atFile(String file, Object reason) {
        return Said.cause("usage.job.at_file", "file", file, "reason", reason);
    }

    /**
     * A mistake of a job file's list of reviewers, "FILE: REASON", that knows where it is: the reviewer (from 1; 0: the
     * list itself) and the key of theirs at fault (null: the list), so that the job file's check says its line and
     * column.
     */
    public static final class Mistake extends UsageError {

        /** The reviewer at fault, from 1 (0: the list itself), and their key at fault (name, email, language, tables). */
        public record At(int reviewer, String key) {
        }

        private final transient At at;

        Mistake(String file, Said reason, At at) {
            super(atFile(file, reason).english(), atFile(file, reason));
            this.at = at;
        }

        public At at() {
            return at;
        }
    }

    /**
     * The folder whose reviewers.csv lists the reviewers of a run that read {@code inputDir}: that folder, or, for a
     * folder imported from an input workbook (which holds the input files only), the installation's input folder.
     */
    public static Path listedIn(Path inputDir, Path installationInput) {
        return org.pbannex.ingest.ImportedWorkbook.of(inputDir) != null ? installationInput : inputDir;
    }

    /** The input folder's reviewers.csv, checked against its descriptor. */
    public static List<Reviewer> fromCsv(Path inputDir) {
        return fromCsv(inputDir, false);
    }

    /**
     * The same, a list emptied to its header allowed when {@code emptyAllowed} (check: an installation that sends
     * nothing), its header read against the descriptor all the same.
     */
    public static List<Reviewer> fromCsv(Path inputDir, boolean emptyAllowed) {
        Path file = inputDir.resolve(FILE);
        String shown = org.pbannex.ingest.InputFolder.shownName(inputDir, FILE);
        if (!Files.isRegularFile(file)) {
            throw new InputError(shown, 0, "", Said.of("no_reviewers"));
        }
        var listed = DataPackage.loadDescriptor(inputDir.resolve(DESCRIPTOR)).resource("reviewers");
        var resource = emptyAllowed ? listed.emptyAllowed() : listed;
        List<Reviewer> out = new ArrayList<>();
        // The descriptor's primary key refuses an address listed twice as it is written; here, one in other capitals.
        java.util.Map<String, Long> firstWith = new java.util.HashMap<>();
        for (Record r : CsvResourceReader.read(file, shown, resource)) {
            // The program's rule for an address, whatever the descriptor beside the list says: a data folder keeps the
            // descriptor it was set up with, and an older one took addresses (a..b@, zhāng@) the mail library refuses
            // or changes, found then by the night's sending instead of by check (fix 80c).
            if (!Reviewer.ADDRESS.matcher(r.text("email")).matches()) {
                throw new InputError(r.file(), r.line(), "email", Said.cause("usage.reviewers.email", "value", r.text("email")));
            }
            Long earlier = firstWith.putIfAbsent(r.text("email").toLowerCase(java.util.Locale.ROOT), r.line());
            if (earlier != null) {
                throw new InputError(r.file(), r.line(), "email", Said.of("same_address", "key", r.text("email"),
                        "line", String.valueOf(earlier)));
            }
            List<String> tables = r.text("tables").isBlank() ? new ArrayList<>()
                    : new ArrayList<>(Arrays.asList(r.text("tables").trim().split("\\s+")));
            Said problem = spellAsCatalogue(tables, inputDir);
            if (problem != null) {
                throw new InputError(r.file(), r.line(), "tables", problem);
            }
            out.add(new Reviewer(r.text("name"), r.text("email"), r.text("language"), tables, r.file() + ", line " + r.line()));
        }
        return out;
    }

    /**
     * Spells each table as the catalogue does (a reviewer may write A2-2 for a2-2); the first unknown one's problem, the
     * tables named as the texts of {@code input} name them, or null.
     */
    private static Said spellAsCatalogue(List<String> tables, Path input) {
        for (int i = 0; i < tables.size(); i++) {
            String typed = tables.get(i);
            var id = TableCatalogue.id(typed);
            if (id.isEmpty()) {
                return Said.cause("usage.unknown_table", "table", typed, "tables", org.pbannex.publish.TableNames.listed(input, " "));
            }
            tables.set(i, id.get());
        }
        return null;
    }
}
