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
import org.pbannex.ingest.Said;
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
    static org.pbannex.table.Language firstEdition(Path jobsDir, String job, Path input) {
        if (job != null) {
            try {
                return org.pbannex.table.Language.of(load(jobsDir, job, input).languages().get(0));
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

    /** @param input the input folder whose texts name the tables when a reviewer of the file names an unknown one */
    public static JobDefinition load(Path jobsDir, String name, Path input) {
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
            throw new JobFileMistake(at(file, 0, Said.cause("usage.job.unreadable", "reason", e.getMessage())));
        }
        try {
            JobDefinition def = YAML.readValue(text, JobDefinition.class);
            if (def == null) {
                throw new JobFileMistake(at(file, 0, Said.cause("usage.job.empty")));
            }
            // Checked now, so a bad reviewers entry stops the command before the run (the list itself is read after it).
            if (def.reviewers() != null && !def.reviewers().isString()) {
                try {
                    org.pbannex.distribute.ReviewerList.ofJob(def.reviewers(), input, file.toString());
                } catch (JobFileMistake e) {
                    throw e;
                } catch (org.pbannex.runtime.UsageError e) {
                    // A job file's mistake like any other: at its reviewers' line, with where job files are explained
                    // (it said "Try 'pb-annex run --help'", which says nothing of them); at the line and column of the
                    // reviewer's value at fault, where the list says which.
                    Object reason = e.said() != null && e.said().values().containsKey("reason") ? e.said().values().get("reason")
                            : e.getMessage();
                    var where = e instanceof org.pbannex.distribute.ReviewerList.Mistake m ? reviewerAt(text, m.at().reviewer(), m.at().key())
                            : null;
                    throw new JobFileMistake(where == null ? at(file, lineOf(text, "reviewers", null), reason)
                            : Said.cause("usage.job.at_column", "file", file.toString(), "line", String.valueOf(where.getLineNr()),
                            "column", String.valueOf(where.getColumnNr()), "reason", reason));
                }
            }
            // An empty list would publish nothing (or, for tables, every table): said, not guessed. (Read again as a
            // tree: the record takes a key left out and an empty list alike.)
            var root = YAML.readTree(text);
            for (String key : List.of("tables", "languages", "formats", "biennia")) {
                // "languages: zh, en" is one value to YAML, which would then be an unknown language "zh, en".
                if (root.path(key).isString() && root.path(key).asString().contains(",")) {
                    throw new JobFileMistake(at(file, lineOf(text, key, null), Said.cause("usage.job.one_value", "key", key,
                            "value", root.path(key).asString())));
                }
                if (root.path(key).isArray() && root.path(key).isEmpty()) {
                    throw new JobFileMistake(at(file, lineOf(text, key, null), Said.cause("usage.job.empty_list", "key", key,
                            "default", Said.cause("usage.job.default." + key))));
                }
            }
            if (def.replyWithinDays() != null && (def.replyWithinDays() < 1 || def.replyWithinDays() > 365)) {
                throw new JobFileMistake(at(file, lineOf(text, "replyWithinDays", null), Said.cause("usage.job.takes_not",
                        "key", "replyWithinDays", "kind", kindOf("replyWithinDays"), "value", String.valueOf(def.replyWithinDays()))));
            }
            return new JobDefinition(name, def.description(), def.tables(), def.languages(), def.formats(), def.schedule(),
                    def.rejects(), def.csvBom(), def.biennia(), def.reviewers(), def.replyWithinDays());
        } catch (UnrecognizedPropertyException e) {
            throw new JobFileMistake(at(file, lineOf(text, e.getPropertyName(), e), Said.cause("usage.job.unknown_key",
                    "key", e.getPropertyName(), "keys", String.join(", ", KEYS))));
        } catch (MismatchedInputException e) {
            // A value of the wrong kind (rejects: maybe): the key, its line and what it takes, not Java's type names.
            String key = e.getPath().isEmpty() ? null : e.getPath().get(0).getPropertyName();
            if (key == null) {
                throw new JobFileMistake(at(file, 0, Said.cause("usage.job.not_a_job")));
            }
            throw new JobFileMistake(at(file, lineOf(text, key, e), Said.cause("usage.job.takes", "key", key, "kind", kindOf(key))));
        } catch (JacksonException e) {
            throw new JobFileMistake(syntaxError(file, e));
        }
    }

    /**
     * A mistake of the job file: "FILE: REASON", or at its line ("FILE, line L: REASON") where {@code line} is one; the
     * reason a sentence of the texts, or the parser's own words.
     */
    private static Said at(Path file, int line, Object reason) {
        return line > 0 ? Said.cause("usage.job.at_line", "file", file.toString(), "line", String.valueOf(line), "reason", reason)
                : Said.cause("usage.job.at_file", "file", file.toString(), "reason", reason);
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

    /**
     * Where reviewer {@code number} (from 1) of the job file's {@code reviewers:} gives {@code key}: its value (the key
     * itself when it has none), the reviewer when it lacks the key; the list's value for number 0. Null when the text
     * does not show it (it was read, so it parses).
     */
    private static tools.jackson.core.TokenStreamLocation reviewerAt(String text, int number, String key) {
        try (tools.jackson.core.JsonParser p = YAML.createParser(text)) {
            if (p.nextToken() != tools.jackson.core.JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == tools.jackson.core.JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (!name.equals("reviewers")) {
                    p.skipChildren();
                    continue;
                }
                if (number == 0 || !p.isExpectedStartArrayToken()) {
                    return p.currentTokenLocation();
                }
                for (int i = 1; p.nextToken() != tools.jackson.core.JsonToken.END_ARRAY; i++) {
                    var reviewer = p.currentTokenLocation();
                    if (i < number || !p.isExpectedStartObjectToken()) {
                        p.skipChildren();
                        if (i < number) {
                            continue;
                        }
                        return reviewer;
                    }
                    while (p.nextToken() == tools.jackson.core.JsonToken.PROPERTY_NAME) {
                        var keyAt = p.currentTokenLocation();
                        boolean wanted = p.currentName().equals(key);
                        tools.jackson.core.JsonToken value = p.nextToken();
                        if (wanted) {
                            return value == tools.jackson.core.JsonToken.VALUE_NULL ? keyAt : p.currentTokenLocation();
                        }
                        p.skipChildren();
                    }
                    return reviewer;
                }
                return null;
            }
            return null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** What a key takes (report.cause.usage.job.kind.*). */
    private static Said kindOf(String key) {
        return Said.cause(switch (key) {
            case "rejects", "csvBom" -> "usage.job.kind.boolean";
            case "tables", "languages", "formats", "biennia" -> "usage.job.kind.list";
            case "reviewers" -> "usage.job.kind.reviewers";
            case "replyWithinDays" -> "usage.job.kind.reply_days";
            default -> "usage.job.kind.text";
        });
    }

    /**
     * A YAML syntax error as the parser states it: the problem (its last statement, "expected ',' or ']', but got
     * <stream end>") at the line and column where the construct it could not finish began; an unclosed list or set of
     * keys in our words, the parser's other statements in its own (English).
     */
    private static Said syntaxError(Path file, JacksonException e) {
        List<String> lines = e.getOriginalMessage().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        Matcher at = Pattern.compile("line (\\d+), column (\\d+)").matcher(e.getOriginalMessage());
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
        Object reason;
        if (statements.isEmpty()) {
            reason = lines.isEmpty() ? Said.cause("usage.job.invalid") : lines.get(0);
        } else {
            String problem = statements.get(statements.size() - 1);
            String context = statements.get(0);
            // The parser's words for an unclosed list or set of keys ("expected ',' or ']', but got :") said in ours.
            reason = context.startsWith("while parsing a flow sequence") ? Said.cause("usage.job.unclosed_list")
                    : context.startsWith("while parsing a flow mapping") ? Said.cause("usage.job.unclosed_keys", "open", "{", "close", "}")
                    : Said.cause("usage.job.parser", "problem", context.equals(problem) ? problem : context + ": " + problem);
        }
        // ", line L, column C: problem" (or ": problem")
        if (at.find()) {
            return Said.cause("usage.job.at_column", "file", file.toString(), "line", at.group(1), "column", at.group(2),
                    "reason", reason);
        }
        return at(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), reason);
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
