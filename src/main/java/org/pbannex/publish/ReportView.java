package org.pbannex.publish;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pbannex.outcomes.StrategicFrameworkTable;
import org.pbannex.reference.Biennium;
import org.pbannex.table.CheckResult;
import org.pbannex.table.Language;
import org.pbannex.table.Table;
import org.pbannex.table.Text;

/**
 * What report.html shows, in the order a person reads it in the morning: the outcome (published or failed, exit
 * status, run, duration), what went wrong or differs from print, warnings (synthetic data), then the files, the checks
 * folded by table, what changed since the previous run, and the run's inputs.
 *
 * @param published   true for a published run, false for a failed one
 * @param step        for a failed run: the step that failed (ingest, compute, check, render, publish)
 * @param cause       for a failed run: the one-line cause (the same line as on stderr)
 * @param warnings    tables whose figures carry a caveat (synthetic data), and synthetic input files
 * @param readBeforeUse the warnings' heading, the report word that names what they hold ({@link #readBeforeUse})
 * @param settings    the settings the run was given and did not use (a misspelt PB_ variable; config.Settings#warnings)
 * @param inputWarnings the input's texts published as they are though likely wrong (a text naming another biennium's
 *                    years: publication.OtherBienniumTexts), a line each as stderr says it, in the report's language
 * @param files       links to every file of the run, relative to the report
 * @param checkGroups the checks by table, failing tables first, then in the run's order of tables
 * @param unchecked   the published tables no check is about, named
 * @param inputComputed whether the run got as far as its tables (a failed run may not have read the documented
 *                    differences from the print)
 * @param xbTotals    Figure 2's XB totals (from expenditure lines) beside Table 2's XB totals (estimates), per biennium
 * @param words       the report's words in its language (texts.csv, report.*)
 */
public record ReportView(boolean published, int exitStatus, String runId, String job, String biennium, String startedAt,
                         String finishedAt, String duration, boolean partial, String step, String cause,
                         List<String> warnings, String readBeforeUse, List<String> settings, List<String> inputWarnings, List<CheckResult> failedChecks, List<CheckGroup> checkGroups,
                         List<String> unchecked, boolean inputComputed, long checksPassed, long checksFailed, RunRecord run,
                         String linesLeftOut, List<Link> files, List<XbTotal> xbTotals, ReportWords.In words) {

    // Whether the run ended on the day it started (then its finish is said as a time alone).
    private static final Text DAY = Text.of("uuuu-MM-dd");

    /** A link to a file of the run. */
    public record Link(String href, String label, long bytes) {
    }

    /** The checks about one table: counts by check name. */
    public record CheckGroup(String table, String name, long passed, long failed, List<CheckCount> checks) {
    }

    public record CheckCount(String name, long passed, long failed) {
    }

    /**
     * One biennium's XB total in US$ millions, from Figure 2 and from Table 2 ("" where a table has none);
     * {@code synthetic} when Figure 2's lines for that biennium include a synthetic file's (its caveat says so);
     * {@code table2Synthetic} when Table 2's figure is no estimate but sums synthetic lines (its estimates file has none
     * for the biennium): the report then calls it neither an estimate nor real; {@code table2FromLines} when Table 2's
     * figure sums the expenditure lines, synthetic or real (then no estimate either: it agrees with Figure 2's by
     * construction, which the report says, tester 81a F11).
     */
    public record XbTotal(String biennium, String figure2, String table2, boolean synthetic, boolean table2Synthetic,
                          boolean table2FromLines) {

        /** Table 2's figure summed from real lines only (marked as from the lines, not as synthetic). */
        public boolean table2RealLines() {
            return table2FromLines && !table2Synthetic;
        }
    }

    /** Whether any biennium of Figure 2 beside Table 2 sums synthetic lines (the report's comparison then says so). */
    public boolean xbSynthetic() {
        return xbTotals.stream().anyMatch(XbTotal::synthetic);
    }

    /** Whether any of Table 2's XB totals beside Figure 2 sums synthetic lines rather than being an estimate. */
    public boolean xbTable2Synthetic() {
        return xbTotals.stream().anyMatch(XbTotal::table2Synthetic);
    }

    /**
     * Whether any of Table 2's XB totals beside Figure 2 sums real expenditure lines rather than being an estimate: the
     * same lines as Figure 2's, which it then agrees with by construction.
     */
    public boolean xbTable2RealLines() {
        return xbTotals.stream().anyMatch(XbTotal::table2RealLines);
    }

    /** Whether any of Table 2's XB totals beside Figure 2 sums expenditure lines (its column then says no "estimates"). */
    public boolean xbTable2FromLines() {
        return xbTotals.stream().anyMatch(XbTotal::table2FromLines);
    }

    /** A text of the run (a documented difference's explanation, a row's label) in the report's language. */
    public String said(Text text) {
        return text.in(words.language());
    }

    /** A figure written plainly (15668625) grouped as the editions in the report's language print it (15 668 625). */
    public String figure(String plain) {
        return org.pbannex.render.NumberText.grouped(plain, words.language());
    }

    /**
     * What a screen reader hears for a figure written plainly, where {@link #figure} would be heard wrongly, as the
     * editions say their figures ({@link org.pbannex.render.NumberText#heard(String, Map)}): the digits not grouped
     * ("15 668 625", which a Mandarin voice reads as three numbers, heard 15668625) and a minus in the editions' words
     * (edition.minus: 负1234, "minus 1234"); empty where the figure as printed says it (under 1 000, positive), or a
     * run's texts have no word for minus (a report read from an older data folder: the printed figure is heard).
     */
    public String heard(String plain) {
        String heard = org.pbannex.render.NumberText.heard(plain,
                Map.of("minus", words.words().textOf("edition.minus").in(words.language())));
        return heard.equals(figure(plain)) ? "" : heard;
    }

    /** A table's changed cells since the previous run, as a reader of the report's language reads them. */
    public String changes(RunDiff.TableChange table) {
        return String.join("; ", table.cells().stream().map(c -> c.wholeRow() ? c.describeRow(words.language(), words.say(c.rowChange().word()))
                : c.describe(words.language(), words.say("none"))).toList());
    }

    /** A failed check's table, as the report's language names it (资料附件 3（a3）; a3). */
    public String table(CheckResult c) {
        return words.words().table(c.table()).in(words.language());
    }

    /** A failed check's row, as the report's language names it (合计（total）; total). */
    public String row(CheckResult c) {
        return words.words().row(c.table(), c.row()).in(words.language());
    }

    /** The failed step, as the report's language names it (核对（check）; check). */
    public String stepNamed() {
        return words.words().step(step).in(words.language());
    }

    /** A check group's table, its name after its id where it has one: "a3（资料附件 3）", "a3 (Annex 3)". */
    public String named(CheckGroup g) {
        return g.name().isEmpty() ? g.table() : words.say("named", "id", g.table(), "name", g.name());
    }

    /** Where to look for a failed check, in the report's language. */
    public String where(CheckResult c) {
        return words.words().where(c).in(words.language());
    }

    /** Whether the run folder holds this file (the report links nothing else). */
    public boolean hasFile(String path) {
        return files.stream().anyMatch(f -> f.href().equals(path));
    }

    /**
     * When the run started and finished, as a reader says it: "Started 2 December 2026, 23:04:05 UTC, finished
     * 23:04:08 UTC" (the date again only when it changed); the stored text where a time is not an instant.
     */
    public String startedAndFinished() {
        String started = words.dateTime(startedAt);
        if (finishedAt == null || finishedAt.isEmpty()) {
            return words.say("started", "started", started);
        }
        boolean sameDay = DAY.instant(startedAt).equals(DAY.instant(finishedAt));
        return words.say("started_finished", "started", started, "finished",
                sameDay ? words.time(finishedAt) : words.dateTime(finishedAt));
    }

    /** "3 min 12 s" from two ISO-8601 instants, in the report's words; "" when either is missing. */
    static String duration(String started, String finished, ReportWords.In words) {
        try {
            Duration d = Duration.between(Instant.parse(started), Instant.parse(finished));
            return d.toMinutes() > 0 ? words.say("duration_min_s", "min", d.toMinutes(), "s", d.toSecondsPart())
                    : words.say("duration_s", "s", d.toSeconds());
        } catch (DateTimeParseException | NullPointerException e) {
            return "";
        }
    }

    /**
     * The checks by table, tables with a failure first (and their failing check names first), then in the order the
     * run publishes its tables, each named as the warnings name it; a check across tables ("i1-i3") comes after the
     * last table it names. Without the tables (a failed run's report), in the order the checks ran.
     */
    static List<CheckGroup> groups(List<CheckResult> checks, List<Table> tables, ReportWords words, Language language) {
        Map<String, Map<String, long[]>> byTable = new LinkedHashMap<>();
        for (CheckResult c : checks) {
            long[] n = byTable.computeIfAbsent(c.table(), k -> new LinkedHashMap<>()).computeIfAbsent(c.name(), k -> new long[2]);
            n[c.passed() ? 0 : 1]++;
        }
        Map<String, Table> byId = new LinkedHashMap<>();
        tables.forEach(t -> byId.put(t.id(), t));
        List<String> order = new ArrayList<>(byId.keySet());
        List<CheckGroup> groups = new ArrayList<>();
        byTable.forEach((table, names) -> {
            List<CheckCount> counts = new ArrayList<>();
            names.forEach((name, n) -> counts.add(new CheckCount(name, n[0], n[1])));
            counts.sort((a, b) -> Boolean.compare(b.failed() > 0, a.failed() > 0));
            Table t = byId.get(table);
            groups.add(new CheckGroup(table, t == null ? "" : name(t, words, language), counts.stream().mapToLong(CheckCount::passed).sum(),
                    counts.stream().mapToLong(CheckCount::failed).sum(), counts));
        });
        groups.sort(Comparator.<CheckGroup, Boolean>comparing(g -> g.failed() == 0)
                .thenComparingDouble(g -> place(g.table(), order)));
        return groups;
    }

    // A table's place among the published ones; "i1-i3" just after i3; one the run did not publish, last.
    private static double place(String table, List<String> order) {
        int at = order.indexOf(table);
        if (at >= 0) {
            return at;
        }
        int dash = table.lastIndexOf('-');
        at = dash < 0 ? -1 : order.indexOf(table.substring(dash + 1));
        return at >= 0 ? at + 0.5 : order.size();
    }

    /** The published tables that no check is about, named as in the warnings. */
    static List<String> unchecked(List<CheckResult> checks, List<Table> tables, ReportWords words, Language language) {
        Set<String> checked = new HashSet<>();
        checks.forEach(c -> checked.add(c.table()));
        return tables.stream().filter(t -> !checked.contains(t.id())).map(t -> named(t, words, language)).toList();
    }

    // "f2（图 2）", "f2 (Figure 2)": the table's id, then its name (report.named); its id alone where it has none.
    private static String named(Table t, ReportWords words, Language language) {
        String name = name(t, words, language);
        return name.isEmpty() ? t.id() : words.filled("named", "id", t.id(), "name", name).in(language);
    }

    // "NAME: TEXT" in the report's language (report.item: Chinese punctuation in a Chinese report).
    private static String item(String name, String text, ReportWords words, Language language) {
        return words.filled("item", "name", name, "text", text).in(language);
    }

    // The table's name as the texts give it (TableNames: a table the document does not print has no number).
    private static String name(Table t, ReportWords words, Language language) {
        return TableNames.of(t.id(), words::textOf).in(language);
    }

    /**
     * What the expenditure lines left out are, in the texts' words (edition.lines_left_out) and the report's language:
     * how many, and that no total of the run sums them; empty when none is.
     */
    static String linesLeftOut(RunRecord run, ReportWords words, Language language) {
        return words.linesLeftOut(run.expenditure().stream().mapToLong(f -> f.leftOut()).sum(), run.biennium()).in(language);
    }

    /**
     * Warnings a reader must not miss: every published table with a caveat, every synthetic input file.
     *
     * @param words the report's words: what a synthetic input file is (edition.synthetic_input, as the editions'
     *              covers say it), what lines set aside are
     */
    static List<String> warnings(List<Table> tables, RunRecord run, ReportWords words, Language language) {
        Text syntheticInput = words.syntheticInput();
        List<String> out = new ArrayList<>();
        for (Table t : tables) {
            if (!t.caveat().isEmpty()) {
                out.add(item(named(t, words, language), t.caveat().in(language), words, language));
            }
        }
        if (run != null) {
            for (var f : run.expenditure().stream().filter(f -> f.synthetic()).toList()) {
                if (syntheticInput.isEmpty()) {
                    throw new IllegalStateException("the report names synthetic input " + f.file() + " without the texts' words for it");
                }
                // A file whose name and first line disagree is synthetic all the same; which one made it so is said, so
                // that whoever put real lines under a synthetic name (or left the mark in them) sees it.
                Text said = switch (f.mark()) {
                    case NAME_ONLY -> words.text("synthetic_name_only").with("what", syntheticInput);
                    case CONTENT_ONLY -> words.text("synthetic_content_only").with("what", syntheticInput);
                    default -> syntheticInput;
                };
                out.add(item(f.file(), said.in(language), words, language));
            }
            // Lines set aside (--rejects) are left out of every total: a reader must know before using a figure.
            long rejected = run.expenditure().stream().mapToLong(f -> f.rejected()).sum();
            if (rejected > 0) {
                out.add(words.text("rejected_warning").with("lines", String.valueOf(rejected)).with("file", RunPublisher.REJECTS)
                        .in(language));
            }
        }
        return out;
    }

    /**
     * The word heading the warnings, naming only what they hold (tester 81a, F2: a run of real lines only was told its
     * box held "synthetic data"): synthetic data (a synthetic input file, or a table's figures that sum synthetic
     * lines) and/or tables the print does not hold (computed from others, where no print is named); neither: "Read
     * before use" alone.
     */
    static String readBeforeUse(List<Table> tables, RunRecord run) {
        boolean synthetic = run != null && run.expenditure().stream().anyMatch(f -> f.synthetic())
                || tables.stream().filter(t -> !t.caveat().isEmpty()).anyMatch(ReportView::sumsSynthetic);
        boolean notInPrint = tables.stream().anyMatch(t -> !t.caveat().isEmpty()
                && !org.pbannex.publication.TableCatalogue.inPrint(t.id()));
        return synthetic && notInPrint ? "read_before_use" : synthetic ? "read_before_use_synthetic"
                : notInPrint ? "read_before_use_tables" : "read_before_use_other";
    }

    /** Whether a table's figures sum synthetic lines: a column of them, or a line of its tidy data marked synthetic. */
    private static boolean sumsSynthetic(Table t) {
        return t.columns().stream().anyMatch(org.pbannex.table.Column::synthetic) || t.tidy() != null
                && t.tidy().lines().stream().anyMatch(l -> "true".equals(String.valueOf(l.values().get("synthetic"))));
    }

    /**
     * Figure 2's XB totals beside Table 2's ({@link StrategicFrameworkTable#xbBesideFigure2}), as the report shows them,
     * so a reader sees at once whether the expenditure lines agree with the estimates.
     */
    static List<XbTotal> xbTotals(List<Table> tables, String bienniumCode) {
        Biennium cur = Biennium.parse(bienniumCode);
        if (cur == null) {
            return List.of();
        }
        return StrategicFrameworkTable.xbBesideFigure2(cur, tables).stream()
                .map(x -> new XbTotal(x.biennium(), text(x.figure2()), text(x.table2()), x.figure2Synthetic(), x.table2Synthetic(),
                        x.table2FromLines()))
                .toList();
    }

    private static String text(Object v) {
        return v instanceof BigDecimal b ? b.toPlainString() : v == null ? "" : v.toString();
    }
}
