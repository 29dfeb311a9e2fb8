package org.pbannex.review;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.pbannex.ingest.CsvResourceWriter;
import org.pbannex.ingest.CsvTable;
import org.pbannex.ingest.DataPackage;
import org.pbannex.ingest.InputSet;
import org.pbannex.reference.Biennium;
import org.pbannex.runtime.UsageError;

/**
 * {@code review --apply DIR}: a copy of the input tree with the {@code input}-kind changes written into it, for the
 * officer to check and run. The input folder itself is never written. A change is applied only where the input cell
 * still holds the published value (else the input moved on since the run and the change is skipped, said so), and an
 * integer field only takes a whole number.
 */
final class ReviewApply {

    private ReviewApply() {
    }

    /** @return one line per change: applied or skipped, and why */
    static List<String> apply(Review.Result result, Path inputDir, Path target) throws IOException {
        Path in = inputDir.toAbsolutePath().normalize();
        Path out = target.toAbsolutePath().normalize();
        if (out.startsWith(in) || in.startsWith(out)) {
            throw new UsageError("--apply " + target + ": the copy must be outside the input folder " + inputDir
                    + " (the input is never written)");
        }
        if (Files.exists(out) && (!Files.isDirectory(out) || hasFiles(out))) {
            throw new UsageError("--apply " + target + ": give a new or empty folder");
        }
        copyTree(in, out);
        InputSet inputs = InputSet.load(in, Biennium.parse(result.runFolder().getParent().getFileName().toString()).code());
        DataPackage pkg = DataPackage.load(in);
        Map<String, List<List<String>>> edited = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        for (Review.Change c : result.changes()) {
            if (!c.kind().equals("input")) {
                continue;
            }
            CellSources.InputCell cell = c.sources().get(0);
            CsvTable table = inputs.csv(cell.resource());
            List<List<String>> rows = edited.computeIfAbsent(cell.resource(),
                    r -> new ArrayList<>(table.rows().stream().map(x -> new ArrayList<>(x.cells()) ).map(x -> (List<String>) x).toList()));
            int index = indexOfLine(table, cell.line());
            int column = table.header().indexOf(cell.column());
            String where = cell.file() + ", line " + cell.line() + ", column " + cell.column();
            String current = rows.get(index).get(column);
            if (!Review.same(current, c.published())) {
                lines.add("skipped " + where + ": it holds '" + current + "', not the published '" + c.published() + "'");
                continue;
            }
            String value = value(c.returned(), pkg.resource(cell.resource()).fields().stream()
                    .filter(f -> f.name().equals(cell.column())).findFirst().map(f -> f.type().name()).orElse("STRING"));
            if (value == null) {
                lines.add("skipped " + where + ": '" + c.returned() + "' is not " + (CellSources.number(c.returned()) == null
                        ? "a number" : "a whole number"));
                continue;
            }
            rows.get(index).set(column, value);
            lines.add("applied " + where + ": '" + current + "' -> '" + value + "'");
        }
        for (var e : edited.entrySet()) {
            String rel = pkg.resource(e.getKey()).pathFor(inputs.biennium());
            Files.writeString(out.resolve(rel), CsvResourceWriter.text(inputs.csv(e.getKey()).header(), e.getValue()));
        }
        return lines;
    }

    // A number as the input writes it (no exponent, no trailing zeros); null when a number field gets text ("21 611 300")
    // or an integer field a fraction.
    private static String value(String returned, String type) {
        BigDecimal n = CellSources.number(returned);
        if (n == null) {
            return type.equals("INTEGER") || type.equals("NUMBER") ? null : returned;
        }
        n = n.stripTrailingZeros();
        if (type.equals("INTEGER") && n.scale() > 0) {
            return null;
        }
        return n.scale() < 0 ? n.setScale(0).toPlainString() : n.toPlainString();
    }

    private static int indexOfLine(CsvTable table, long line) {
        for (int i = 0; i < table.rows().size(); i++) {
            if (table.rows().get(i).line() == line) {
                return i;
            }
        }
        throw new IllegalStateException("no line " + line);
    }

    private static boolean hasFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isPresent();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
