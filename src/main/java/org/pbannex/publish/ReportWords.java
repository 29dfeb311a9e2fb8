package org.pbannex.publish;

import com.opencsv.CSVReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.pbannex.ingest.InputError;
import org.pbannex.reference.Biennium;
import org.pbannex.reference.Placeholders;
import org.pbannex.reference.Texts;
import org.pbannex.render.markup.Wording;
import org.pbannex.table.Language;
import org.pbannex.table.Text;

/**
 * The run report's words: texts.csv's keys {@code report.*} (and what a synthetic input file is,
 * edition.synthetic_input, as the covers say it), so that a translator's texts reach the report as they reach the
 * editions and nothing of the report is worded in the code or its template. Looked up all at once from the run's
 * texts, so that texts lacking one stop the run naming the key to add, before anything is published.
 */
public final class ReportWords {

    static final String PREFIX = "report.";
    private static final String SYNTHETIC_INPUT = "edition.synthetic_input";

    /** Every word of the report; the template names the plain ones as ${w.name}, the others through {@link #say}. */
    static final List<String> WORDS = Stream.concat(Stream.of("title_published", "title_failed", "published", "failed", "exit_status", "run",
            "job", "biennium", "took", "duration_unknown", "duration_min_s", "duration_s", "started", "started_finished",
            "date_time", "time", "checks_count", "partial", "failed_step", "read_before_use", "read_before_use_synthetic",
            "read_before_use_tables", "read_before_use_other", "failed_checks", "col_check",
            "col_table", "col_row", "col_expected", "col_actual", "col_where", "no_print_heading", "no_print", "print_heading",
            "print_about", "print_none", "print_unknown", "col_column", "col_printed", "col_published", "col_why",
            "restatements_heading", "restatements_none", "restatements_found", "col_kind",
            "col_stated", "col_published_by", "col_difference", "kind.restated", "kind.added", "kind.dropped", "xb_heading",
            "xb_caption", "xb_caption_synthetic", "xb_synthetic", "col_biennium", "col_figure2", "col_table2", "files", "bytes",
            "xb_caption_table2_synthetic", "col_table2_lines", "xb_synthetic_figure", "xb_caption_table2_lines",
            "xb_lines_agree", "xb_lines_figure", "synthetic_name_only", "synthetic_content_only",
            "checks_by_table", "passed_n", "failed_n", "col_passed", "col_failed", "unchecked", "list", "previous_heading",
            "previous_none", "previous_not_compared", "previous_compared", "col_status", "col_changed_cells", "col_examples", "diff.added",
            "diff.not_in_this_run", "diff.unchanged", "diff.changed", "none", "row_removed", "row_added", "expenditure_heading", "col_file", "col_read",
            "col_accepted", "col_left_out", "col_rejected", "full_stop", "col_mb", "col_synthetic", "yes", "no", "read_sum",
            "rejected_in", "rejected_warning", "run_heading", "code_version", "input_checksum", "tables", "languages_formats", "inputs_heading",
            "col_rows", "col_sha", "settings_heading", "input_warnings_heading", "named", "item", "labelled",
            // A published run's workbooks not sent to its reviewers (ReportWriter.distribution), and the command that sends them.
            "not_sent_heading", "not_sent.database", "not_sent.mail", "not_sent.refused", "not_sent.command",
            // The job's steps, each by its name (report.step.NAME, camelCase written snake_case): see step().
            "step.validate", "step.expenditure_partitions", "step.expenditure_partition", "step.expenditure_merge",
            "step.expenditure_postgres", "step.check", "step.render", "step.render_output", "step.publish", "step.distribute",
            // The failure notice's (distribute.FailureNotice, whose English for a run without texts is these words').
            "notice.subject", "notice.failed", "notice.failed_no_step", "notice.failed_checks", "notice.more_checks",
            "notice.nothing_published", "notice.report", "notice.history", "notice.next_run", "notice.subject_no_biennium",
            "notice.not_started", "notice.not_started_no_biennium", "notice.runs", "notice.preflight", "notice.subject_published",
            "notice.published_failed", "notice.published_in", "notice.who_received", "notice.send_it",
            // The notices that are no run's: a process that ended without saying why, back to normal (what the good run
            // did), a damaged database kept aside.
            "notice.process_ended", "notice.process_before", "notice.process_next_run", "notice.ended.killed",
            "notice.ended.stopped", "notice.ended.aborted", "notice.ended.signal", "notice.ended.runtime",
            "notice.ended.skipped", "notice.back_subject", "notice.back", "notice.back_after_one", "notice.back_after", "notice.back_failure",
            "notice.good.published", "notice.good.tables", "notice.good.tables_one", "notice.good.files",
            "notice.good.files_one", "notice.good.nothing_to_do", "notice.good.adopted", "notice.good.narrowed", "notice.good.no_workbook",
            "notice.kept_subject", "notice.kept_found", "notice.kept_nothing_changed", "notice.kept_runs_before",
            "notice.kept_disk"),
            Stream.concat(Stream.of(org.pbannex.restatement.Restatements.NotCompared.values()).map(w -> w.word()),
                    Stream.concat(CauseWords.WORDS.stream(), new java.util.TreeSet<>(org.pbannex.table.Where.ENGLISH.keySet()).stream()))).toList();

    private final Map<String, Text> words;
    private final Text syntheticInput;
    /** The editions' words the report shares (edition.*): what lines left out are. */
    private final Wording edition;

    /** How the report names an input file that a message named from where the command ran (as it is, by default). */
    private final java.util.function.UnaryOperator<String> files;
    /** A word's error at its line of texts.csv (the run's texts), or without one (texts as they stand). */
    private final java.util.function.BiFunction<String, String, RuntimeException> error;

    /** The run's tables by id, as far as it computed them: a failed check's row named as it prints. */
    private final Map<String, org.pbannex.table.Table> tables;

    private ReportWords(Map<String, Text> words, Text syntheticInput, Wording edition,
                        java.util.function.BiFunction<String, String, RuntimeException> error) {
        this(words, syntheticInput, edition, java.util.function.UnaryOperator.identity(), error, Map.of());
    }

    private ReportWords(Map<String, Text> words, Text syntheticInput, Wording edition,
                        java.util.function.UnaryOperator<String> files,
                        java.util.function.BiFunction<String, String, RuntimeException> error,
                        Map<String, org.pbannex.table.Table> tables) {
        this.words = Map.copyOf(words);
        this.syntheticInput = syntheticInput;
        this.edition = edition;
        this.files = files;
        this.error = error;
        this.tables = Map.copyOf(tables);
    }

    /**
     * The same words, naming the input files in the cause and where to look by {@code files} (a failed run's report is
     * read later, from anywhere: {@link org.pbannex.ingest.InputFolder#fromInstallation}).
     */
    public ReportWords naming(java.util.function.UnaryOperator<String> files) {
        return new ReportWords(words, syntheticInput, edition, files, error, tables);
    }

    /**
     * The same words, naming a failed check's row in the report's language as the run's tables print it (合计（total）),
     * the code after the label to find the input row by; the English keeps the codes, as stderr's line says them.
     */
    public ReportWords labelling(java.util.Collection<org.pbannex.table.Table> computed) {
        Map<String, org.pbannex.table.Table> byId = new LinkedHashMap<>();
        computed.forEach(t -> byId.put(t.id(), t));
        return new ReportWords(words, syntheticInput, edition, files, error, byId);
    }

    /** A failed check's table: its name ({@link TableNames}) in Chinese with its id after it; its id in English. */
    Text table(String id) {
        return labelled(TableNames.of(id, this::textOf), id);
    }

    /** A failed check's row: its label as the table prints it in Chinese with its key after it; its key in English. */
    Text row(String table, String key) {
        org.pbannex.table.Table t = tables.get(table);
        org.pbannex.table.Row r = t == null || key == null ? null : t.rows().stream().filter(x -> key.equals(x.key())).findFirst().orElse(null);
        return r == null || r.label().isEmpty() ? Text.of(key) : labelled(r.label(), key);
    }

    private Text labelled(Text label, String code) {
        return new Text(lacks("labelled") || label.zh().isEmpty() ? code
                : text("labelled").with("label", label.zh()).with("code", code).zh(), code);
    }

    /**
     * A step of the job as the report names it: report.step.NAME (NAME its name before a partition's ':', camelCase
     * written snake_case), the step's own name filled in as {step}; its name as it is where the texts lack the word.
     */
    public Text step(String step) {
        return step(step, w -> lacks(w) ? null : text(w));
    }

    /** {@link #step(String)} in {@code word}'s words (null where they lack one), as a failure notice has them. */
    public static Text step(String step, java.util.function.Function<String, Text> word) {
        if (step == null || step.isEmpty()) {
            return Text.of(step == null ? "" : step);
        }
        int colon = step.indexOf(':');
        Text named = word.apply("step." + (colon < 0 ? step : step.substring(0, colon)).replaceAll("([A-Z])", "_$1")
                .toLowerCase(java.util.Locale.ROOT));
        return named == null ? Text.of(step) : named.with("step", step);
    }

    /** An input file, as a message named it, named as the report names it. */
    String file(String shown) {
        return files.apply(shown);
    }

    /** The keys of the report's words, each a text the run's texts must have. */
    public static List<String> keys() {
        return WORDS.stream().map(w -> PREFIX + w).toList();
    }

    /** The words from the run's texts; a word they lack is bad input naming the key (exit status 3). */
    public static ReportWords of(Texts texts) {
        texts.refuseMissing(keys()); // every word they lack named at once
        Map<String, Text> out = new LinkedHashMap<>();
        WORDS.forEach(w -> out.put(w, texts.get(PREFIX + w)));
        return new ReportWords(out, texts.has(SYNTHETIC_INPUT) ? texts.get(SYNTHETIC_INPUT) : Text.EMPTY,
                new Wording(key -> texts.has(key) ? texts.get(key) : Text.EMPTY), (word, reason) -> texts.error(PREFIX + word, reason));
    }

    /**
     * The words of a run that failed before it read its texts (its input refused): read from the input's texts files
     * as they stand (the shared file, then the biennium's own), rows that cannot be read passed over, so that a bad
     * input still gets its report. A word found nowhere, or holding a placeholder the program does not fill it with (a
     * misspelling reading would have refused), is shown as its key, never in words of the code's own.
     */
    public static ReportWords read(Path input, Biennium biennium) {
        Map<String, Text> rows = new LinkedHashMap<>();
        if (input != null && Files.isDirectory(input)) {
            beneath(rows);
            rows(input.resolve("reference/texts.csv"), rows);
            if (biennium != null) {
                rows(input.resolve(biennium.code()).resolve("reference/texts.csv"), rows);
            }
        }
        Map<String, Text> out = new LinkedHashMap<>();
        WORDS.forEach(w -> out.put(w, rows.containsKey(PREFIX + w) && Placeholders.fits(PREFIX + w, rows.get(PREFIX + w))
                ? rows.get(PREFIX + w) : Text.of(PREFIX + w)));
        Text synthetic = rows.getOrDefault(SYNTHETIC_INPUT, Text.EMPTY);
        try {
            synthetic = Texts.withIncludes(rows, "texts.csv").getOrDefault(SYNTHETIC_INPUT, synthetic);
        } catch (InputError unreadable) {
            // its includes as they stand: the words are still better than none
        }
        return new ReportWords(out, synthetic, new Wording(key -> rows.getOrDefault(key, Text.EMPTY)),
                (word, reason) -> new IllegalStateException("'" + PREFIX + word + "': " + reason));
    }

    /**
     * The report's words of the program's own texts, beneath an older data folder's, which lacks the words an update
     * added (as a run reads them: ingest.ProgramTexts); its other texts are the data folder's to word or leave out.
     */
    private static void beneath(Map<String, Text> into) {
        Path program = org.pbannex.ingest.ProgramInput.copyOf("reference/texts.csv");
        if (program != null) {
            Map<String, Text> theirs = new LinkedHashMap<>();
            rows(program, theirs);
            theirs.forEach((key, text) -> {
                if (key.startsWith(PREFIX)) {
                    into.put(key, text);
                }
            });
        }
    }

    private static void rows(Path file, Map<String, Text> into) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(r)) {
            for (String[] row = csv.readNext(); row != null; row = csv.readNext()) {
                if (row.length >= 3 && !row[0].isBlank()) {
                    into.put(row[0].strip(), new Text(row[1], row[2]));
                }
            }
        } catch (IOException | com.opencsv.exceptions.CsvException | RuntimeException unreadable) {
            // the rows read so far stand
        }
    }

    /** The report's language: the run's first edition (a job's languages: [zh, en] gives a Chinese report). */
    public static Language languageOf(RunRecord run) {
        return languageOf(run.languages());
    }

    /** The report's language of a run of these editions' languages, as its manifest lists them (its first edition's). */
    static Language languageOf(List<String> languages) {
        return languages.isEmpty() ? Language.ZH : Language.of(languages.get(0));
    }

    /** The report's language of a run of the request (its first edition's). */
    public static Language languageOf(org.pbannex.publication.RunRequest request) {
        return request.languages().isEmpty() ? Language.ZH : request.languages().get(0);
    }

    /** Any text of the texts these words were read from, by its whole key (a table's number); empty where they lack it. */
    public Text textOf(String key) {
        return edition.lookup().apply(key);
    }

    /**
     * Whether the texts lack the word: a report of a run that did not read them shows it as its key; a word that is none
     * of the report's (a step the words name none for) they lack too.
     */
    public boolean lacks(String word) {
        Text t = words.get(word);
        return t == null || t.equals(Text.of(PREFIX + word));
    }

    /** A failed run's one-line cause in the report's language ({@link CauseWords}); {@code line}, stderr's. */
    public Text cause(Throwable failure, String line) {
        return CauseWords.of(failure, line, this);
    }

    /**
     * Where to look for a failed check, in the report's words (report.where.*); stderr's words where the texts (as they
     * stand, for a run that did not read them) lack one.
     */
    public Text where(org.pbannex.table.CheckResult c) {
        return c.where() == null ? Text.of(c.inputs())
                : c.where().renamed(files).said(w -> lacks(w) ? Text.of(org.pbannex.table.Where.ENGLISH.get(w)) : text(w));
    }

    /**
     * A word and its values ({@code prefix} + its word, as {@code word} gives the words; each value a word of its own
     * with the same prefix, the input's words, or as is), such as a failure's words (DatabaseUnavailable.said); null
     * where {@code word} lacks one (gives null).
     */
    public static Text said(java.util.function.Function<String, Text> word, String prefix, org.pbannex.ingest.Said said) {
        return CauseWords.said(word, prefix, said);
    }

    /**
     * A sentence of the input's (a warning's line: FILE, line N, column C: REASON) in the report's words; {@code english},
     * stderr's line, where the texts lack a word of it (a run that did not read them).
     */
    public Text sentence(org.pbannex.ingest.Said said, String english) {
        Text t = CauseWords.said(w -> lacks(w) ? null : text(w), "cause.", said);
        return t == null ? Text.of(english) : t;
    }

    /** A failed check as a failed run's cause says it, in the report's words ({@link CauseWords}). */
    public Text check(org.pbannex.table.CheckResult c) {
        return CauseWords.check(c, this);
    }

    /** Whether the texts hold the failure notice's words (notice.*): those of a run that did not read them may lack some. */
    public boolean hasNoticeWords() {
        return WORDS.stream().filter(w -> w.startsWith("notice.")).noneMatch(this::lacks);
    }

    /**
     * The word with its placeholders filled in ({@code namesAndValues}: name, value, ...). One of the word's own that
     * none of them fills would be printed as typed: the run stops at the word's line of texts.csv, the last guard as for
     * the tables' texts ({@link Placeholders}).
     */
    Text filled(String word, Object... namesAndValues) {
        Text raw = text(word);
        Text out = raw;
        java.util.Set<String> given = new java.util.HashSet<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            out = out.with((String) namesAndValues[i], String.valueOf(namesAndValues[i + 1]));
            given.add((String) namesAndValues[i]);
        }
        List<String> left = Placeholders.left(raw, given);
        if (!left.isEmpty()) {
            throw error.apply(word, "placeholder {" + left.get(0) + "} is filled in by nothing, so the run's report would "
                    + "print '" + out.en() + "'");
        }
        return out;
    }

    public Text text(String word) {
        Text t = words.get(word);
        if (t == null) {
            throw new IllegalArgumentException("no report word '" + word + "' (ReportWords.WORDS)");
        }
        return t;
    }

    /** What the run's expenditure lines left out are (edition.lines_left_out): empty when none is. */
    public Text linesLeftOut(long lines, String biennium) {
        return edition.linesLeftOut(lines, biennium);
    }

    /** What a synthetic input file is, in the texts' words; empty when the run did not read them. */
    public Text syntheticInput() {
        return syntheticInput;
    }

    /** The words in one language, for the template's ${w.name}. */
    Map<String, String> in(Language language) {
        Map<String, String> out = new LinkedHashMap<>();
        words.forEach((k, v) -> out.put(k, v.in(language)));
        return out;
    }

    /**
     * The words of one language with their placeholders filled: say('checks_count', 'passed', 5, 'failed', 0) (one
     * method per count of placeholders: the templates' OGNL calls no varargs method).
     */
    public record In(ReportWords words, Language language) {

        public String say(String word) {
            return words.filled(word).in(language);
        }

        public String say(String word, String name, Object value) {
            return words.filled(word, name, value).in(language);
        }

        public String say(String word, String name, Object value, String name2, Object value2) {
            return words.filled(word, name, value, name2, value2).in(language);
        }

        /** Items as a list reads in the report's language ("t1, t2" / "t1、t2", report.list's {a} and {b}). */
        public String join(List<String> items) {
            String out = items.isEmpty() ? "" : items.get(0);
            for (int i = 1; i < items.size(); i++) {
                out = say("list", "a", out, "b", items.get(i));
            }
            return out;
        }

        /** The word's text before or after a placeholder, for a link in a sentence ("Rejected lines are in {file}."). */
        public String before(String word, String name) {
            String t = words.text(word).in(language);
            int at = t.indexOf("{" + name + "}");
            return at < 0 ? t : t.substring(0, at);
        }

        /** The word's text between two placeholders: report.list's ", " or "、" between two items. */
        public String between(String word, String first, String second) {
            return after(word, first).replace("{" + second + "}", "");
        }

        public String after(String word, String name) {
            String t = words.text(word).in(language);
            int at = t.indexOf("{" + name + "}");
            return at < 0 ? "" : t.substring(at + name.length() + 2);
        }

        /** A stored time (ISO-8601) as the report's words write a date and time (report.date_time, report.time). */
        public String dateTime(String iso) {
            return when("date_time", iso);
        }

        public String time(String iso) {
            return when("time", iso);
        }

        // A pattern that is none (a word shown as its key when no texts could be read) leaves the time as stored.
        private String when(String pattern, String iso) {
            try {
                return words.text(pattern).instant(iso).in(language);
            } catch (IllegalArgumentException notAPattern) {
                return String.valueOf(iso);
            }
        }
    }
}
