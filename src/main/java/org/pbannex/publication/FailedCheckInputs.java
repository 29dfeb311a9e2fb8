package org.pbannex.publication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pbannex.ingest.DataPackage;
import org.pbannex.ingest.InputSet;
import org.pbannex.ingest.LineRanges;
import org.pbannex.ingest.Record;
import org.pbannex.ingest.RowRecords;
import org.pbannex.ingest.SourceName;
import org.pbannex.table.CheckResult;
import org.pbannex.table.Where;

/**
 * Where in the input to look when a check fails: the lines of the records that stand for the check's row (found as the
 * review finds a cell's records, {@link RowRecords}) within the files its table is built from, e.g. "see
 * input/2022-23/results_indicators.csv, line 41; input/2022-23/results_regional_targets.csv, lines 3-7"; for a check
 * of sums, the lines and fields each side sums, as the check names them (a subtotal's units' lines of budget.csv
 * against those of another table). A check that names none and whose row no record stands for names the files its
 * table is built from.
 */
final class FailedCheckInputs {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FailedCheckInputs.class);

    private final InputSet in;
    private final DataPackage pkg;
    private final Map<String, Set<String>> inputsByTable;

    private FailedCheckInputs(InputSet in, DataPackage pkg, Map<String, Set<String>> inputsByTable) {
        this.in = in;
        this.pkg = pkg;
        this.inputsByTable = inputsByTable;
    }

    /** Locates each failed check of {@code checks} in the input (the input's descriptor is read only when one failed). */
    static void locate(org.pbannex.table.Checks checks, InputSet in, Map<String, Set<String>> inputsByTable) {
        if (checks.failures().isEmpty()) {
            return;
        }
        try {
            FailedCheckInputs inputs = new FailedCheckInputs(in, DataPackage.load(in.inputDir()), inputsByTable);
            checks.locateFailures(inputs::of);
        } catch (RuntimeException e) {
            // A hint, never a second failure: the failed checks are reported as they are.
            LOG.warn("could not tell where in the input the failed checks come from", e);
        }
    }

    /**
     * Where to look: the input lines the checked value sums, when the check names them, and when the expected value is
     * summed from other lines, "against" those; when it names neither, the check's own row.
     */
    Where of(CheckResult c) {
        List<Where.Lines> summed = c.lines() == null ? List.of() : inputLines(c.lines().actual());
        List<Where.Lines> from = c.lines() == null ? List.of() : inputLines(c.lines().expected());
        if (!summed.isEmpty()) {
            return new Where(summed, null, from);
        }
        if (!from.isEmpty()) {
            // Lines only on the expected side (a row only the other table has) are where to look by themselves.
            return new Where(from, null, List.of());
        }
        Set<String> resources = tableInputs(c.table());
        List<Record> records = c.name().equals(Publication.PRINTED_DIFFERENCES_CHECK)
                ? in.table(Publication.PRINTED_DIFFERENCES).stream()
                        .filter(r -> r.text("table").equals(c.table()) && r.text("row").equals(c.row())).toList()
                : keyedBy(c.row(), resources);
        if (!records.isEmpty()) {
            return new Where(List.of(new Where.Lines(files(records), List.of())), null, from);
        }
        return new Where(List.of(), builtFrom(c, resources), from);
    }

    /** "file, lines 2-10, column total_usd; other, lines 4-9, columns a, b": the rows each names, in input order. */
    private List<Where.Lines> inputLines(List<CheckResult.InputLines> sources) {
        List<Where.Lines> out = new ArrayList<>();
        for (CheckResult.InputLines s : sources) {
            if (!in.files().containsKey(s.resource())) {
                continue;
            }
            List<Record> records = in.table(s.resource()).stream().filter(r -> s.matches(r::text)).toList();
            if (!records.isEmpty()) {
                out.add(new Where.Lines(files(records), s.columns()));
            }
        }
        return out;
    }

    /** The files of the check's table: the biennium's own by name, the shared reference (codes, labels, texts) counted. */
    private Where.BuiltFrom builtFrom(CheckResult c, Set<String> resources) {
        List<String> own = new ArrayList<>();
        int shared = 0;
        for (String resource : in.files().keySet()) {
            if (resources.contains(resource)) {
                if (own(resource)) {
                    own.add(in.sourceName(resource));
                } else {
                    shared++;
                }
            }
        }
        if (own.isEmpty() && shared == 0) {
            return null;
        }
        String folder = own.isEmpty() ? "" : own.get(0).substring(0, own.get(0).lastIndexOf('/') + 1);
        boolean inFolder = !folder.isEmpty() && own.stream().allMatch(n -> n.startsWith(folder) && n.indexOf('/', folder.length()) < 0);
        return inFolder ? new Where.BuiltFrom(c.table(), own.stream().map(n -> n.substring(folder.length())).toList(), folder, shared)
                : new Where.BuiltFrom(c.table(), own, "", shared);
    }

    /**
     * The records that stand for a row: those keyed by it (the row's own record and those it keys, such as an indicator's
     * regional targets), else any with a field equal to it.
     */
    private List<Record> keyedBy(String row, Set<String> resources) {
        var tiers = RowRecords.tiers(row, in, pkg, resources);
        List<RowRecords.KeyedRecord> keyed = new ArrayList<>(tiers.get(0));
        keyed.addAll(tiers.get(1));
        // The biennium's own files first: what an officer edits, before the shared codes and labels.
        return (keyed.isEmpty() ? tiers.get(2) : keyed).stream()
                .sorted(java.util.Comparator.comparing((RowRecords.KeyedRecord k) -> !own(k.resource())))
                .map(RowRecords.KeyedRecord::record).toList();
    }

    /** True for a file of the biennium's own folder (not the shared reference). */
    private boolean own(String resource) {
        return in.files().get(resource).path().startsWith(in.biennium() + "/");
    }

    /** The resources a table is built from; for a check across tables (i1-i3), those of every table. */
    private Set<String> tableInputs(String table) {
        Set<String> own = inputsByTable.get(table);
        if (own != null) {
            return own;
        }
        Set<String> all = new LinkedHashSet<>();
        inputsByTable.values().forEach(all::addAll);
        return all;
    }

    /** "file, line 4; other, lines 3-7, 9": each file once, its lines as ranges, in the order of the input. */
    static String lines(List<Record> records) {
        return Where.english(files(records));
    }

    private static List<Where.FileLines> files(List<Record> records) {
        Map<String, Set<Long>> byFile = new LinkedHashMap<>();
        records.forEach(r -> byFile.computeIfAbsent(r.file(), f -> new LinkedHashSet<>()).add(r.line()));
        List<Where.FileLines> out = new ArrayList<>();
        byFile.forEach((file, numbers) -> out.add(new Where.FileLines(file, SourceName.lineWord(file).equals("row"), numbers.size(),
                LineRanges.of(numbers))));
        return out;
    }
}
