package org.pbannex.cli;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.pbannex.runtime.JobName;
import org.pbannex.runtime.UsageError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A job a budget officer edits: {@code jobs/<name>.yml}, bound to this record by Jackson. A key the record does not
 * have (a typo such as {@code tabels:}) is a usage error naming it, never silently ignored.
 *
 * @param tables    table ids, or [all] (or nothing) for every table
 * @param languages editions (zh, en)
 * @param formats   output formats (xlsx, pdf, csv, html)
 * @param schedule  a cron expression with seconds (second minute hour day month weekday), or none
 * @param rejects   true: bad expenditure lines go to a published rejects file instead of stopping the run
 * @param csvBom    true: the tidy CSVs start with a UTF-8 byte-order mark, for Excel on Windows
 * @param biennia   the biennia to run, each in turn ([2022-23, 2024-25], or all); none: the latest data folder
 * @param reviewers who the run is sent to after it is published (a list, or "input" for input/reviewers.csv); none: the
 *                  job sends nothing (see {@link org.pbannex.distribute.ReviewerList})
 * @param replyWithinDays how many days after the run is published its reviewers are asked to reply (1-365); none: their
 *                  message names no date (see {@link org.pbannex.distribute.ReplyBy})
 */
public record JobDefinition(String name, String description,
                            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> tables,
                            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> languages,
                            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> formats,
                            String schedule, Boolean rejects, Boolean csvBom,
                            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> biennia,
                            tools.jackson.databind.JsonNode reviewers, Integer replyWithinDays) {

    private static final YAMLMapper YAML = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final List<String> KEYS = List.of("description", "tables", "languages", "formats", "schedule", "rejects", "csvBom",
            "biennia", "reviewers", "replyWithinDays");

    public JobDefinition {
        description = description == null ? "" : description;
        tables = tables == null || tables.equals(List.of("all")) ? List.of() : List.copyOf(tables);
        languages = languages == null ? DEFAULT_LANGUAGES : List.copyOf(languages);
        formats = formats == null ? List.of("xlsx", "pdf", "csv", "html") : List.copyOf(formats);
        rejects = rejects != null && rejects;
        csvBom = csvBom != null && csvBom;
        biennia = biennia == null ? List.of() : List.copyOf(biennia);
    }

    /** The editions of a job whose file names none: the installation's first edition is the first of them. */
    private static final List<String> DEFAULT_LANGUAGES = List.of("zh");

    /**
     * The language of the job's first edition, its report's: its file's, else (no job named, a file that cannot be
     * read) the installation's first edition, that of a job whose file names none.
     */
    static org.pbannex.table.Language firstEdition(Path jobsDir, String job) {
        if (job != null) {
            try {
                return org.pbannex.table.Language.of(load(jobsDir, job).languages().get(0));
            } catch (RuntimeException unreadable) {
                // the installation's, below
            }
        }
        return installationEdition();
    }

    /** The installation's first edition, that of a job whose file names none: the language a command defaults to. */
    static org.pbannex.table.Language installationEdition() {
        return org.pbannex.table.Language.of(DEFAULT_LANGUAGES.get(0));
    }

    /** Every table (an empty list means all of them). */
    public boolean allTables() {
        return tables.isEmpty();
    }

    public static JobDefinition load(Path jobsDir, String name) {
        Path file = jobsDir.resolve(name + ".yml");
        if (!JobName.isValid(name) || !Files.isRegularFile(file)) {
            String jobs = String.join(", ", names(jobsDir));
            throw new UsageError("unknown job '" + name + "': the jobs are " + jobs + " (files in " + jobsDir + ")",
                    org.pbannex.ingest.Said.cause("usage.unknown_job", "job", name, "jobs", jobs, "folder", jobsDir.toString()));
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UsageError(file + ": cannot read it: " + e.getMessage());
        }
        try {
            JobDefinition def = YAML.readValue(text, JobDefinition.class);
            if (def == null) {
                throw new JobFileMistake(file + ": empty job definition");
            }
            // Checked now, so a bad reviewers entry stops the command before the run (the list itself is read after it).
            if (def.reviewers() != null && !def.reviewers().isString()) {
                org.pbannex.distribute.ReviewerList.ofJob(def.reviewers(), jobsDir, file.toString());
            }
            // An empty list would publish nothing (or, for tables, every table): said, not guessed. (Read again as a
            // tree: the record takes a key left out and an empty list alike.)
            var root = YAML.readTree(text);
            for (String key : List.of("tables", "languages", "formats", "biennia")) {
                // "languages: zh, en" is one value to YAML, which would then be an unknown language "zh, en".
                if (root.path(key).isString() && root.path(key).asString().contains(",")) {
                    throw new JobFileMistake(file + ", line " + lineOf(text, key, null) + ": '" + key + ": "
                            + root.path(key).asString() + "' is one value, not a list: write a list in brackets, "
                            + key + ": [" + root.path(key).asString() + "]");
                }
                if (root.path(key).isArray() && root.path(key).isEmpty()) {
                    throw new JobFileMistake(file + ", line " + lineOf(text, key, null) + ": '" + key + "' is an empty list; name at "
                            + "least one, or leave the key out for " + defaultOf(key));
                }
            }
            if (def.replyWithinDays() != null && (def.replyWithinDays() < 1 || def.replyWithinDays() > 365)) {
                throw new JobFileMistake(file + ", line " + lineOf(text, "replyWithinDays", null) + ": 'replyWithinDays' takes "
                        + kindOf("replyWithinDays") + ", not " + def.replyWithinDays());
            }
            return new JobDefinition(name, def.description(), def.tables(), def.languages(), def.formats(), def.schedule(),
                    def.rejects(), def.csvBom(), def.biennia(), def.reviewers(), def.replyWithinDays());
        } catch (UnrecognizedPropertyException e) {
            throw new JobFileMistake(file + ", line " + lineOf(text, e.getPropertyName(), e) + ": unknown key '" + e.getPropertyName()
                    + "'; a job has " + String.join(", ", KEYS));
        } catch (MismatchedInputException e) {
            // A value of the wrong kind (rejects: maybe): the key, its line and what it takes, not Java's type names.
            String key = e.getPath().isEmpty() ? null : e.getPath().get(0).getPropertyName();
            if (key == null) {
                throw new JobFileMistake(file + ": not a job definition (a job is keys and values, such as 'tables: [a1]')");
            }
            throw new JobFileMistake(file + ", line " + lineOf(text, key, e) + ": '" + key + "' takes " + kindOf(key));
        } catch (JacksonException e) {
            throw new JobFileMistake(file + syntaxError(e));
        }
    }

    /** The line where a top-level key stands (Jackson reports where it noticed, which for a record is the end). */
    private static int lineOf(String text, String key, JacksonException e) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\s*[\"']?" + Pattern.quote(key) + "[\"']?\\s*:.*")) {
                return i + 1;
            }
        }
        return e == null || e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    private static String kindOf(String key) {
        return switch (key) {
            case "rejects", "csvBom" -> "true or false";
            case "tables", "languages", "formats", "biennia" -> "a list, such as [a1, a2], or one value";
            case "reviewers" -> "a list of reviewers, or \"input\" for input/reviewers.csv";
            case "replyWithinDays" -> "a whole number of days from 1 to 365, such as 10";
            default -> "text";
        };
    }

    /** What a list key left out of a job stands for. */
    private static String defaultOf(String key) {
        return switch (key) {
            case "tables" -> "every table";
            case "languages" -> "the Chinese edition (zh)";
            case "formats" -> "every format (xlsx, pdf, csv, html)";
            default -> "the latest biennium";
        };
    }

    /**
     * A YAML syntax error as the parser states it: the problem (its last statement, "expected ',' or ']', but got
     * <stream end>") at the line and column where the construct it could not finish began.
     */
    private static String syntaxError(JacksonException e) { // ", line L, column C: problem" (or ": problem")
        List<String> lines = e.getOriginalMessage().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        Matcher at = Pattern.compile("line (\\d+), column (\\d+)").matcher(e.getOriginalMessage());
        String where = at.find() ? ", line " + at.group(1) + ", column " + at.group(2) + ": "
                : e.getLocation() == null ? ": " : ", line " + e.getLocation().getLineNr() + ": ";
        // The parser's statements, without its marks ("in reader, line 2, column 9:", then the source line and a
        // caret under the place).
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("in .*line \\d+, column \\d+:?")) {
                if (i + 2 < lines.size() && lines.get(i + 2).startsWith("^")) {
                    i += 2;
                } else if (i + 1 < lines.size() && lines.get(i + 1).startsWith("^")) {
                    i += 1;
                }
            } else if (!lines.get(i).startsWith("^")) {
                statements.add(lines.get(i));
            }
        }
        if (statements.isEmpty()) {
            return where + (lines.isEmpty() ? "not a valid job definition" : lines.get(0));
        }
        String problem = statements.get(statements.size() - 1);
        String context = statements.get(0);
        // The parser's words for an unclosed list or set of keys ("expected ',' or ']', but got :") said in ours.
        if (context.startsWith("while parsing a flow sequence")) {
            return where + "the list opened with '[' here is not closed with ']' on its line: a list is written on one "
                    + "line, its values separated by commas, such as languages: [zh, en]";
        }
        if (context.startsWith("while parsing a flow mapping")) {
            return where + "the '{' here is not closed with '}' on its line: a job's keys are written one a line, such "
                    + "as tables: [a1, a2]";
        }
        return where + (context.equals(problem) ? "" : context + ": ") + problem + " (a job file is one key a line, such "
                + "as tables: [a1, a2])";
    }

    public static List<String> names(Path jobsDir) {
        try (Stream<Path> s = Files.list(jobsDir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml")).map(n -> n.substring(0, n.length() - 4))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
