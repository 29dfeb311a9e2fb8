package org.pbannex.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * How each job's runs have gone lately, per biennium, in {@code work/status/}: {@code <job>.<biennium>.good}, the last
 * good run (its time and what it did: published, or nothing to do), and {@code <job>.<biennium>.failed}, a line per
 * failure since ("2026-12-03T02:30:05.123Z exit status 5: ..."). Kept in files rather than the database, since a database
 * that was down is one of the failures. Read by {@code status} (is the night running?) and by the message that says a
 * job is back to normal. A failure before its biennium was known (a job file that could not be used), or of a run of
 * several biennia that did not start, is the job's own ({@code <job>.failed}), cleared with any biennium's.
 *
 * <p>A failure the launcher notes (one before Java started, or in a warm process that ended) ends with the folders its
 * run was given, a tab before each ({@code --input=DIR}, {@code --output=DIR}): the launcher cannot tell a trial, since
 * the installation's folders may come from a settings file. They are said here, when the line is read, as a run's own
 * failure says them ({@link #elsewhere}), so that one rule, this class's, tells a trial.
 *
 * <p>{@code <job>.<biennium>.unsent/} holds a file per run that is to go to the job's reviewers and has not gone to them
 * all: written before the run's folder is published, removed once the run is sent (or held back on purpose, or
 * replaced by a newer run), so that a run killed between the two is known without the database.
 */
public final class RunOutcomes {

    /** A job's state for one biennium (null: the job's own failures, before a biennium was known). */
    public record State(String job, String biennium, Optional<Instant> lastGood, String lastGoodWhat, List<String> failures,
                        List<Unsent> unsent) {

        /**
         * The failures after the last good run. Those before it stay in the file until they are told (a message that
         * could not be sent is tried again by the next good run), but the job has run well since.
         */
        public List<String> failuresSinceLastGood() {
            return failures.stream().filter(f -> lastGood.isEmpty() || time(f).isAfter(lastGood.get())).toList();
        }

        /** Those of the installation's runs (its input, its output folder): what makes the job not well. */
        public List<String> failuresHere() {
            return failuresSinceLastGood().stream().filter(f -> !elsewhere(f)).toList();
        }

        /**
         * Those of trial runs (another input folder, {@code --input}, or output folder, {@code --output}): information,
         * since nothing the installation publishes was at fault.
         */
        public List<String> failuresElsewhere() {
            return failuresSinceLastGood().stream().filter(RunOutcomes::elsewhere).toList();
        }
    }

    /** How a failure's line ends when its run was a trial: of another input folder, or into another output folder. */
    private static final java.util.regex.Pattern ELSEWHERE = java.util.regex.Pattern.compile(
            " \\(a run (of the input folder|into) .*, not the installation's (input|output) folder .*\\)$");

    /**
     * What a failure's line says of a run of {@code runInput} into {@code runOutput} when the installation's folders
     * are {@code input} and {@code output} (a trial run with --input or --output), so that nobody looks for the fault
     * in the installation's folders; "" for a run of the installation's own (a folder not known counts as its own).
     * A run of an input workbook ({@code run --input inputs.xlsx}) is of the installation's input: the README's way to
     * change the inputs, read with the installation's own files beside the workbook's ({@code imported}: where it is
     * imported for the run; null: not known), it moves latest and is mailed as a run of input/ is.
     */
    public static String elsewhere(Path runInput, Path runOutput, Path input, Path output, Path imported) {
        List<String> parts = new ArrayList<>();
        if (differs(runInput, input) && !ofWorkbook(runInput, imported)) {
            parts.add("of the input folder " + absolute(runInput) + ", not the installation's input folder " + absolute(input));
        }
        if (differs(runOutput, output)) {
            parts.add("into " + absolute(runOutput) + ", not the installation's output folder " + absolute(output));
        }
        return parts.isEmpty() ? "" : " (a run " + String.join(", and ", parts) + ")";
    }

    /** Whether a run of that input into that output folder is a trial, not the installation's run ({@link #elsewhere}). */
    public static boolean trial(Path runInput, Path runOutput, Path input, Path output, Path imported) {
        return !elsewhere(runInput, runOutput, input, output, imported).isEmpty();
    }

    /**
     * Whether a run's input is an input workbook: as given (the launcher notes {@code --input=inputs.xlsx}), or as the
     * run read it, imported into a folder under {@code imported} (which may be pruned since: told by its path).
     */
    private static boolean ofWorkbook(Path runInput, Path imported) {
        return org.pbannex.ingest.ImportedWorkbook.given(runInput)
                || imported != null && absolute(runInput).startsWith(absolute(imported));
    }

    /** Whether the run's folder is another than the installation's: a link to the installation's is the same folder. */
    private static boolean differs(Path run, Path installation) {
        return run != null && installation != null && !absolute(run).equals(absolute(installation)) && !sameFile(run, installation);
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static Path absolute(Path p) {
        return p.toAbsolutePath().normalize();
    }

    /** Whether a noted failure is that of a trial run ({@link #elsewhere(Path, Path, Path, Path, Path)}). */
    static boolean elsewhere(String failure) {
        return ELSEWHERE.matcher(failure).find();
    }

    /** A run to be sent to its job's reviewers and not sent to them all: since when, and its published folder. */
    public record Unsent(String runId, Instant since, Path folder) {
    }

    private static final String UNSENT = ".unsent";

    private final Path dir;
    /** The installation's input and output folders (pb.input, pb.output), which tell a trial; null: not known. */
    private final Path input;
    private final Path output;
    /** Where the installation imports input workbooks for runs (a run of one is not a trial); null: not known. */
    private final Path imported;

    /** The runs' outcomes in {@code dir}, read without the installation's folders: for the runs to be sent, for noting. */
    public RunOutcomes(Path dir) {
        this(dir, null, null, null);
    }

    /**
     * @param input    the installation's input folder, and {@code output} its output folder: a run of another is a trial
     * @param imported where it imports input workbooks for runs: a run of one is of its input
     */
    public RunOutcomes(Path dir, Path input, Path output, Path imported) {
        this.dir = dir;
        this.input = input;
        this.output = output;
        this.imported = imported;
    }

    /** The outcomes of the installation these settings make (its status folder, input, output and imports folders). */
    public static RunOutcomes of(org.pbannex.config.PbProperties settings) {
        return new RunOutcomes(settings.status(), settings.input(), settings.output(), settings.imported());
    }

    /** The folders the launcher noted with a failure: a tab, then the option (the run's command line's) and "=". */
    private static final String GIVEN_INPUT = "--input";
    private static final String GIVEN_OUTPUT = "--output";
    /** The run a failure's line is of (a tab, then run=ID). */
    private static final String GIVEN_RUN = "run";
    /** A failure's cause in a notice's language: a tab, then this, the language, "=" and the words. */
    private static final String SAID = "--said-";

    /**
     * A noted failure read once: its line (what comes before the first tab) and the fields after it, each a tab then
     * NAME=VALUE ({@code run=ID}, {@code --said-zh=...}, the launcher's {@code --input=DIR} and {@code --output=DIR}).
     * The one reader of that form, which {@link #failed} writes and the launcher appends to.
     */
    record NotedLine(String line, Map<String, String> fields) {

        static NotedLine of(String noted) {
            int tab = noted.indexOf('\t');
            if (tab < 0) {
                return new NotedLine(noted, Map.of());
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (String given : noted.substring(tab + 1).split("\t")) {
                int eq = given.indexOf('=');
                if (eq > 0) {
                    fields.put(given.substring(0, eq), given.substring(eq + 1));
                }
            }
            return new NotedLine(noted.substring(0, tab).stripTrailing(), fields);
        }

        String field(String name) {
            return fields.get(name);
        }
    }

    /** A failure as its run noted it: its exit status and its line. */
    public record Noted(int exitStatus, String line) {
    }

    private static final java.util.regex.Pattern NOTED = java.util.regex.Pattern.compile("^\\S+ exit status (-?\\d+): (.*)$");

    /** The failure run {@code runId} noted of itself, if it did: for a run that could note its line but not record it. */
    public Optional<Noted> failureOf(String job, String biennium, String runId) throws IOException {
        for (Path f : List.of(file(job, biennium, ".failed"), file(job, null, ".failed"))) {
            for (String l : notedIn(f)) {
                if (runId.equals(NotedLine.of(l).field(GIVEN_RUN))) {
                    var m = NOTED.matcher(said(l));
                    if (m.matches()) {
                        return Optional.of(new Noted(Integer.parseInt(m.group(1)), m.group(2)));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A failure's line as its run's own would be: the folders the launcher noted ({@code \t--input=DIR},
     * {@code \t--output=DIR}) said as {@link #elsewhere} says them of the installation's folders, or left out.
     */
    String said(String noted) {
        NotedLine n = NotedLine.of(noted);
        String runInput = n.field(GIVEN_INPUT);
        String runOutput = n.field(GIVEN_OUTPUT);
        return n.line() + elsewhere(runInput == null ? null : Path.of(runInput), runOutput == null ? null : Path.of(runOutput), input,
                output, imported);
    }

    public void failed(String job, String biennium, int exitStatus, String line) throws IOException {
        failed(job, biennium, exitStatus, line, null, null, null);
    }

    /**
     * The same, with its cause as its notice said it in {@code language} ({@code said}; null: English only): the message
     * that the job is back to normal lists it in that language ({@link #failures(String, String, String)}); {@code status}
     * shows the English line.
     */
    public void failed(String job, String biennium, int exitStatus, String line, String language, String said) throws IOException {
        failed(job, biennium, exitStatus, line, null, language, said);
    }

    /**
     * @param runId the run that failed (null: none yet), noted after a tab ({@code \trun=ID}, left out when the line
     *              is read): a run whose history row could not be written is told by its line later ({@link #failureOf})
     */
    public void failed(String job, String biennium, int exitStatus, String line, String runId) throws IOException {
        failed(job, biennium, exitStatus, line, runId, null, null);
    }

    /** The same, with its run and its cause as its notice said it. */
    public void failed(String job, String biennium, int exitStatus, String line, String runId, String language, String said)
            throws IOException {
        if (Interruption.causedByTheStop(exitStatus)) {
            return;
        }
        Files.createDirectories(dir);
        String entry = Times.toMillisecond(Instant.now()) + " exit status " + exitStatus + ": "
                + line.replaceAll("\\s+", " ").strip() + (runId == null ? "" : "\t" + GIVEN_RUN + "=" + runId)
                + (language == null || said == null ? "" : "\t" + SAID + language + "=" + said.replaceAll("\\s+", " ").strip()) + "\n";
        Files.writeString(file(job, biennium, ".failed"), entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** A good run: its time and what it did replace the last one's (written whole, then moved into place). */
    public void good(String job, String biennium, String what) throws IOException {
        Files.createDirectories(dir);
        Path f = file(job, biennium, ".good");
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        Files.writeString(tmp, Times.toMillisecond(Instant.now()) + " " + what.replaceAll("\\s+", " ").strip() + "\n",
                StandardCharsets.UTF_8);
        Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The failures since the job last ran well for the biennium (and the job's own), oldest first; empty when none. */
    public List<String> failures(String job, String biennium) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path f : List.of(file(job, null, ".failed"), file(job, biennium, ".failed"))) {
            lines.addAll(failuresIn(f));
        }
        return lines.stream().sorted(java.util.Comparator.comparing(RunOutcomes::time)).toList();
    }

    /**
     * The same, each in {@code language} (a code, "zh") where its notice said its cause in that language (its time and
     * exit status as noted, a trial's folders in English), else as {@link #failures(String, String)} gives it.
     */
    public List<String> failures(String job, String biennium, String language) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path f : List.of(file(job, null, ".failed"), file(job, biennium, ".failed"))) {
            notedIn(f).forEach(noted -> lines.add(saidIn(noted, language)));
        }
        return lines.stream().sorted(java.util.Comparator.comparing(RunOutcomes::time)).toList();
    }

    /** A noted failure in {@code language}: its line ({@link #said}) with the cause its notice said in that language. */
    private String saidIn(String noted, String language) {
        String line = said(noted);
        String cause = NotedLine.of(noted).field(SAID + language);
        int colon = line.indexOf(": ");
        if (cause == null || colon < 0) {
            return line;
        }
        java.util.regex.Matcher trial = ELSEWHERE.matcher(line);
        return line.substring(0, colon + 2) + cause + (trial.find() ? trial.group() : "");
    }

    /**
     * Whether a failure with this exit status was noted for the job (any biennium, or its own) since then: a run stopped
     * by a signal notes its own, which its scheduler, seeing only the status, must not note again.
     */
    public boolean noted(String job, int exitStatus, Instant since) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.getFileName().toString().startsWith(job + ".")
                    && p.getFileName().toString().endsWith(".failed")).toList()) {
                lines.addAll(failuresIn(f));
            }
        }
        return lines.stream().anyMatch(l -> l.contains(" exit status " + exitStatus + ": ") && !time(l).isBefore(since));
    }

    /**
     * Removes the failures noted of trial runs of the same folders ({@code elsewhere}: what {@link #elsewhere} said of
     * them, which their lines end with): a good trial of them answers them, as a good run of the installation's answers
     * its own. The job's other failures stay.
     */
    public void clearTrialFailures(String job, String biennium, String elsewhere) throws IOException {
        String ending = elsewhere.replaceAll("\\s+", " ").strip();
        if (!ending.isEmpty()) {
            removeFailures(job, biennium, l -> said(l).strip().endsWith(ending));
        }
    }

    /**
     * Removes the failures noted of run {@code runId}, published and now sent to every reviewer it had not reached (by
     * distribute by hand): nothing of it is left to fix, so status no longer counts them (found by an exploratory test:
     * the job stayed Not well until the next night). The job's other failures stay.
     */
    public void answered(String job, String biennium, String runId) throws IOException {
        removeFailures(job, biennium, l -> runId.equals(NotedLine.of(l).field(GIVEN_RUN)));
    }

    /** Removes the job's noted failures that {@code answered} takes (its own, and the biennium's). */
    private void removeFailures(String job, String biennium, java.util.function.Predicate<String> answered) throws IOException {
        for (Path f : List.of(file(job, null, ".failed"), file(job, biennium, ".failed"))) {
            List<String> lines = notedIn(f);
            List<String> kept = lines.stream().filter(answered.negate()).toList();
            if (kept.size() == lines.size()) {
                continue;
            }
            if (kept.isEmpty()) {
                Files.deleteIfExists(f);
                continue;
            }
            // Written whole, then moved into place, as the last good run is.
            Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
            Files.write(tmp, kept, StandardCharsets.UTF_8);
            Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }

    public void clearFailures(String job, String biennium) throws IOException {
        Files.deleteIfExists(file(job, null, ".failed"));
        Files.deleteIfExists(file(job, biennium, ".failed"));
    }

    /**
     * The run is to be sent to the job's reviewers once published into {@code folder}: noted before it is published,
     * and kept until {@link #settled}. Noting it again changes nothing.
     */
    public void noteUnsent(String job, String biennium, String runId, Path folder) throws IOException {
        Path f = unsentFile(job, biennium, runId);
        if (Files.exists(f)) {
            return;
        }
        Files.createDirectories(f.getParent());
        Path tmp = f.resolveSibling("." + f.getFileName() + ".tmp");
        Files.writeString(tmp, Times.toMillisecond(Instant.now()) + " " + folder.toAbsolutePath() + "\n",
                StandardCharsets.UTF_8);
        Files.move(tmp, f, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The run no longer waits for its reviewers (sent to them all, held back on purpose, replaced, never published). */
    public void settled(String job, String biennium, String runId) throws IOException {
        Path f = unsentFile(job, biennium, runId);
        Files.deleteIfExists(f);
        try {
            Files.deleteIfExists(f.getParent());
        } catch (java.nio.file.DirectoryNotEmptyException others) {
            // other runs still wait
        }
    }

    /** The runs of the job and biennium noted as to be sent and not settled, oldest first. */
    public List<Unsent> unsent(String job, String biennium) throws IOException {
        Path folder = file(job, biennium, UNSENT);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Unsent> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path f : s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList()) {
                String line = Files.readString(f, StandardCharsets.UTF_8).strip();
                int space = line.indexOf(' ');
                out.add(new Unsent(f.getFileName().toString(), timeIn(f, 1, line), Path.of(space < 0 ? "" : line.substring(space + 1))));
            }
        }
        out.sort(java.util.Comparator.comparing(Unsent::since));
        return out;
    }

    private Path unsentFile(String job, String biennium, String runId) {
        if (biennium == null || runId == null || !runId.matches("[0-9A-Za-z][0-9A-Za-z.-]*")) {
            throw new IllegalArgumentException("not a run of a biennium: '" + runId + "', '" + biennium + "'");
        }
        return file(job, biennium, UNSENT).resolve(runId);
    }

    /** Every job and biennium with a state here (the job's own failures under a null biennium), by job and biennium. */
    public List<State> states() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        TreeSet<String> keys = new TreeSet<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".good") || n.endsWith(".failed") || n.endsWith(UNSENT))
                    .forEach(n -> keys.add(n.substring(0, n.lastIndexOf('.'))));
        }
        List<State> states = new ArrayList<>();
        for (String key : keys) {
            int cut = key.indexOf('.');
            String job = cut < 0 ? key : key.substring(0, cut);
            String biennium = cut < 0 ? null : key.substring(cut + 1);
            Optional<Instant> lastGood = Optional.empty();
            String what = "";
            Path good = file(job, biennium, ".good");
            if (Files.isRegularFile(good)) {
                String line = Files.readString(good, StandardCharsets.UTF_8).strip();
                int space = line.indexOf(' ');
                lastGood = Optional.of(timeIn(good, 1, line));
                what = space < 0 ? "" : line.substring(space + 1);
            }
            states.add(new State(job, biennium, lastGood, what, failuresIn(file(job, biennium, ".failed")),
                    biennium == null ? List.of() : unsent(job, biennium)));
        }
        // The job's own failures (a start skipped before any biennium was read) stand beside its last good run of any
        // biennium: "none" there read as if the job had never run well.
        for (int i = 0; i < states.size(); i++) {
            State own = states.get(i);
            int at = i;
            if (own.biennium() == null && own.lastGood().isEmpty()) {
                states.stream().filter(s -> s.job().equals(own.job()) && s.lastGood().isPresent())
                        .max(java.util.Comparator.comparing(s -> s.lastGood().get())).ifPresent(newest -> states.set(at,
                                new State(own.job(), null, newest.lastGood(), newest.lastGoodWhat(), own.failures(), own.unsent())));
            }
        }
        return states;
    }

    /** The failures of a status file, each said as its run's own would be ({@link #said}). */
    private List<String> failuresIn(Path f) throws IOException {
        return notedIn(f).stream().map(this::said).toList();
    }

    /** The failures of a status file as noted. */
    private static List<String> notedIn(Path f) throws IOException {
        if (!Files.isRegularFile(f)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                timeIn(f, i + 1, lines.get(i));
                failures.add(lines.get(i));
            }
        }
        return failures;
    }

    /** The time a line of a status file starts with; a line edited into something else is named with its file and line. */
    private static Instant timeIn(Path f, int lineNumber, String line) {
        try {
            return time(line);
        } catch (java.time.format.DateTimeParseException e) {
            // (The parser's own words, "Text 'x' could not be parsed at index 0", name neither file nor line.)
            throw new IllegalStateException(f + ", line " + lineNumber + ": does not start with a time such as "
                    + "2026-12-03T02:30:00.123Z (written by pb-annex; remove the file to start its record again): '"
                    + (line.length() > 60 ? line.substring(0, 60) + "..." : line) + "'");
        }
    }

    /** The time a status line starts with (to the millisecond, so that runs a moment apart keep their order: see Times). */
    static Instant time(String line) {
        int space = line.indexOf(' ');
        return Instant.parse(space < 0 ? line : line.substring(0, space));
    }

    private Path file(String job, String biennium, String suffix) {
        if (!JobName.isValid(job)) {
            // Never a file outside the folder, whatever name a caller passes.
            throw new IllegalArgumentException("not a job's name: '" + job + "'");
        }
        boolean one = biennium != null && biennium.matches("[0-9A-Za-z-]+");
        // '.' between them: a job's name has none (JobName).
        return dir.resolve(job + (one ? "." + biennium : "") + suffix);
    }
}
