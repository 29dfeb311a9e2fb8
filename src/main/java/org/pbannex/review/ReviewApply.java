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
import org.pbannex.ingest.CsvResourceReader;
import org.pbannex.ingest.CsvResourceWriter;
import org.pbannex.ingest.CsvTable;
import org.pbannex.ingest.DataPackage;
import org.pbannex.ingest.Field;
import org.pbannex.ingest.Glyphs;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.InputFolder;
import org.pbannex.ingest.InputSet;
import org.pbannex.publication.Publication;
import org.pbannex.publish.RunFolder;
import org.pbannex.reference.Biennium;
import org.pbannex.reference.Texts;
import org.pbannex.table.Text;
import org.pbannex.runtime.UsageError;

/**
 * {@code review --apply DIR}: a copy of the input tree with the {@code input}-kind changes written into it, for the
 * officer to check and run. The input folder itself is never written. A change is applied only where the input cell
 * still holds the published value (else the input moved on since the run: not applied, with what the cell holds now),
 * and only a value the input's own field rules accept, checked by the ingest's code ({@link CsvResourceReader#refusal})
 * and against the PDF's font as {@code check} checks it ({@link Glyphs}): a value it would refuse is not written (a copy
 * that {@code check} refuses helps no one). Every change gets one line: applied, or not and why.
 */
final class ReviewApply {

    /**
     * What --apply did with one change: {@code written} or not, and the line that says so in both languages (texts.csv,
     * review.applied.*): the page's language on the page, English in the summary and the CSV, as every command's.
     */
    record Applied(Review.Change change, boolean written, Text said) {
    }

    private ReviewApply() {
    }

    /**
     * @param glyphs the characters the PDF's font shows, or null when there is no font to ask (check says so too)
     * @return one per change, in the review's order
     */
    static List<Applied> apply(Review.Result result, Path inputDir, Path target, Glyphs glyphs) throws IOException {
        Path in = inputDir.toAbsolutePath().normalize();
        Path out = target.toAbsolutePath().normalize();
        if (out.startsWith(in) || in.startsWith(out)) {
            throw new UsageError("--apply " + target + ": the copy must be outside the input folder " + inputDir
                    + " (the input is never written)");
        }
        if (Files.exists(out) && (!Files.isDirectory(out) || hasFiles(out))) {
            throw new UsageError("--apply " + target + ": give a new or empty folder");
        }
        InputSet inputs = InputSet.load(in, Biennium.parse(result.runFolder().getParent().getFileName().toString()).code());
        DataPackage pkg = DataPackage.load(in);
        Texts t = result.texts();
        Map<String, List<List<String>>> edited = new LinkedHashMap<>();
        List<Applied> done = new ArrayList<>();
        List<Edit> written = new ArrayList<>();
        Map<Integer, List<Integer>> sameCell = Review.sameInputCell(result.changes());
        for (int i = 0; i < result.changes().size(); i++) {
            Review.Change c = result.changes().get(i);
            if (!c.kind().equals("input")) {
                done.add(new Applied(c, false, why(c, t)));
                continue;
            }
            CellSources.InputCell cell = c.sources().get(0);
            if (!cell.gone().isEmpty()) { // the record the run read is no longer in the file: nowhere to write it
                done.add(new Applied(c, false, t.get("review.applied.gone").with("file", cell.file()).with("key", cell.gone())
                        .with("returned", shortened(c.returned()))));
                continue;
            }
            CsvTable table = inputs.csv(cell.resource());
            List<List<String>> rows = edited.computeIfAbsent(cell.resource(),
                    r -> new ArrayList<>(table.rows().stream().map(x -> new ArrayList<>(x.cells()) ).map(x -> (List<String>) x).toList()));
            int index = indexOfLine(table, cell.line());
            int column = table.header().indexOf(cell.column());
            Text where = t.get("review.applied.where").with("file", cell.file()).with("line", String.valueOf(cell.line()))
                    .with("column", cell.column());
            List<Integer> ofCell = sameCell.get(i);
            if (ofCell != null && Review.disagree(ofCell, result.changes())) {
                // Two answers for one cell: the sheets' order is no reason to take either, so neither is written.
                done.add(new Applied(c, false, t.get("review.applied.conflict").with("where", where).with("answers",
                        t.listOf(ofCell.stream().map(j -> Review.answer(result.changes().get(j), t)).toList()))));
                continue;
            }
            if (ofCell != null && ofCell.get(0) != i) {
                Review.Change first = result.changes().get(ofCell.get(0));
                done.add(new Applied(c, false, t.get("review.applied.same_as").with("where", where)
                        .with("returned", shortened(c.returned())).with("sheet", first.where().sheet())
                        .with("cell", first.where().cell())));
                continue;
            }
            String current = rows.get(index).get(column);
            boolean asPublished = CellValues.same(current, c.published());
            if (!asPublished && CellValues.same(current, c.returned())) {
                // The workbook reviewed again after its edits were adopted: nothing is left to decide.
                done.add(new Applied(c, false, t.get("review.applied.already").with("where", where)
                        .with("returned", shortened(c.returned()))));
                continue;
            }
            if (!asPublished) {
                done.add(new Applied(c, false, t.get(result.changedFiles().contains(cell.file()) ? "review.applied.moved_since"
                        : "review.applied.moved").with("where", where).with("now", shortened(current))
                        .with("published", shortened(c.published())).with("returned", shortened(c.returned()))));
                continue;
            }
            Field field = pkg.resource(cell.resource()).fields().stream().filter(f -> f.name().equals(cell.column())).findFirst()
                    .orElseThrow();
            String value = field.numeric() ? plainNumber(c.returned(), current, field) : c.returned();
            // Why the input's rules refuse it, in the page's words (the run's texts), as a failed run's report says it.
            java.util.function.Function<String, Text> words = w -> t.get("report.cause." + w);
            InputError refusal = CsvResourceReader.refusal(value, field);
            Text refused = refusal != null ? refusal.reasonIn(words) : null;
            org.pbannex.ingest.Said unshown = refused == null && glyphs != null ? glyphs.problemSaid(value) : null;
            if (unshown != null) {
                refused = unshown.inOr(words);
            }
            if (refused != null) {
                done.add(new Applied(c, false, t.get("review.applied.refused").with("where", where)
                        .with("returned", shortened(c.returned())).with("reason", refused)));
                continue;
            }
            rows.get(index).set(column, value);
            written.add(new Edit(done.size(), cell, index, column, current, where));
            done.add(new Applied(c, true, t.get("review.applied.written").with("where", where).with("was", shortened(current))
                    .with("now", shortened(value))));
        }
        RunFolder.copyTree(in, out, StandardCopyOption.COPY_ATTRIBUTES);
        AppliedCopy.record(in, out, inputs.biennium()); // what the input held, for input adopt to bring the changes back
        // The copy as a whole by the ingest's rules too (a key made a duplicate, a text left in one language, a code no
        // list has), and by each module's rules across fields and files, as a run reads it (a negative staff cost on a
        // unit with work-years): the change the ingest names is taken back, with its reason, and the copy read again.
        while (true) {
            for (var e : edited.entrySet()) {
                // The file the run read the resource from: a biennium's own copy of a shared list where it has one.
                Files.writeString(out.resolve(readFrom(inputs, e.getKey())),
                        CsvResourceWriter.text(inputs.csv(e.getKey()).header(), e.getValue()));
            }
            try {
                Publication.read(InputSet.load(out, inputs.biennium()));
                return done;
            } catch (InputError e) {
                List<Edit> blamed = blamed(written, e, out, inputs);
                if (blamed.isEmpty()) {
                    throw e;
                }
                for (Edit x : blamed) {
                    edited.get(x.cell().resource()).get(x.row()).set(x.column(), x.before());
                    written.remove(x);
                    Review.Change c = done.get(x.applied()).change();
                    done.set(x.applied(), new Applied(c, false, t.get("review.applied.not_loaded").with("where", x.where())
                            .with("returned", shortened(c.returned())).with("reason", e.reasonIn(w -> t.get("report.cause." + w)))));
                }
            }
        }
    }

    /** A value --apply wrote: which line of {@code done} says so, where, and what the cell held before. */
    private record Edit(int applied, CellSources.InputCell cell, int row, int column, String before, Text where) {
    }

    /**
     * The edits an input error of the copy is about: those of its file at its line (and column, where it names one);
     * where none is there (a line feed moved the lines below it), every edit of its file; none for another file.
     */
    private static List<Edit> blamed(List<Edit> written, InputError e, Path out, InputSet inputs) {
        List<Edit> ofFile = written.stream().filter(x -> InputFolder.shownName(out, readFrom(inputs, x.cell().resource()))
                .equals(e.file())).toList();
        List<Edit> there = ofFile.stream().filter(x -> x.cell().line() == e.line()
                && (e.column() == null || e.column().isEmpty() || e.column().equals(x.cell().column()))).toList();
        return there.isEmpty() ? ofFile : there;
    }

    /**
     * The file under the input folder a resource was read from: the biennium's own copy of a shared file where it has one
     * ({@code 2024-25/reference/regions.csv}), else the shared or the biennium's file. (A file that amends the shared one
     * key by key, the texts, holds no input cell: its changes are of kind text, never written.)
     */
    private static String readFrom(InputSet inputs, String resource) {
        return inputs.filePath(resource).orElseThrow();
    }

    /** Why a change of another kind than input is not written. */
    private static Text why(Review.Change c, Texts t) {
        return switch (c.kind()) {
            // A text traced to input fields it contains is not a computed figure: its words are to be changed there.
            case "derived" -> t.get(isNumber(c.published()) ? "review.applied.derived" : "review.applied.derived_text");
            case "formula" -> t.get("review.applied.formula");
            case "no_input" -> t.get("review.applied.no_input");
            // Wording is reference data: the reviewer's text is to be weighed and typed there, as a whole sentence.
            case "text" -> c.sources().isEmpty() ? t.get("review.applied.text_untraced") : t.get("review.applied.text").with("where",
                    t.listOf(c.sources().stream().map(s -> t.get("review.applied.where").with("file", s.file())
                            .with("line", String.valueOf(s.line())).with("column", s.column())).toList()));
            default -> t.get("review.applied.other").with("kind", t.get("review.kind." + c.kind()));
        };
    }

    /** Whether a published value is a figure (as the workbook holds it: digits, maybe a sign, a point, an exponent). */
    private static boolean isNumber(String v) {
        try {
            new BigDecimal(v.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A value in a line: its line feeds shown, at most 80 characters. */
    static String shortened(String v) {
        String one = v.replace("\r", "").replace("\n", " \u21b5 ");
        return one.length() <= 80 ? one : one.substring(0, 79) + "\u2026";
    }

    // A number as input import writes it (InputBookReader.csvNumber: no exponent, where Excel keeps 15700000 as 1.57E7;
    // Excel's 15 significant digits, so a correction saved as 4.6000000000000005 is 4.6, which a field of one decimal
    // takes, and the review compares to those digits too), with the decimals it was typed with or, if more, those of the
    // value it replaces (3 typed over 2.9 is 3.0, as import writes a cell that shows one decimal and as the column reads),
    // never more than the field takes (15700000.00 typed as text is 15700000); anything else as typed, for the field's rules to judge.
    // A figure typed with its digits grouped as the edition prints it (15 700 000) is that number, as the review compares
    // it (CellValues.same); it was refused by the input's rules ("thousands separators"), with advice for a CSV's editor.
    private static String plainNumber(String returned, String replaced, Field field) {
        return plainNumber(returned, replaced, field.type() == org.pbannex.ingest.FieldType.INTEGER ? Integer.valueOf(0)
                : field.maxDecimals());
    }

    /** The same, for a field of at most {@code most} decimals (null: any). */
    static String plainNumber(String returned, String replaced, Integer most) {
        BigDecimal n = CellSources.number(CellValues.ungrouped(returned));
        if (n == null) {
            return returned;
        }
        BigDecimal was = CellSources.number(replaced);
        int decimals = Math.max(n.precision() > 15 ? 0 : n.scale(), was == null ? 0 : was.scale());
        return org.pbannex.inputbook.InputBookReader.csvNumber(n, most == null ? decimals : Math.min(decimals, most));
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

}
