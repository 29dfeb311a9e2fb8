package org.pbannex.review;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pbannex.ingest.InputSet;
import org.pbannex.ingest.Record;
import org.pbannex.inputbook.InputBookReader;

/**
 * The text a reviewer edited outside a table's figures: a table sheet's title, units and source lines above its
 * heading row, and the cover, contents and notes sheets. The reviewers' mail asks them to type a correction where it
 * stands, so each edited cell is a change of kind {@code text}, never applied (wording is reference data), its source
 * the input record whose text the published cell holds (texts.csv's key, publication.csv's title) where one does.
 */
final class TextChanges {

    /** A placeholder in a stored text ({prev}, {unit}, {a2-1.title}): any text where it is filled in. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z0-9_.-]+\\}");

    /** A text cell of a sheet: its A1 reference and its text. */
    record Cell(String ref, String text) {
    }

    private final InputSet in;
    private final org.pbannex.reference.Texts texts;
    private List<Candidate> candidates;

    /**
     * The texts a published cell holds, known by where it stands (a table's title in A1): {@code complete} when its place
     * says every text it is made of, else those it says (the program's wording around a text of unknown origin).
     */
    record Placed(List<CellSources.InputCell> cells, boolean complete) {

        static final Placed NOWHERE = new Placed(List.of(), false);
    }

    /** A text field of an input record, as a pattern that finds it filled in within a cell. */
    private record Candidate(String resource, Record record, String field, Pattern pattern, int literal) {

        /** Words, not a code or a sign ("%"): only words are found within a longer text. */
        boolean worded() {
            return record.text(field).codePoints().anyMatch(Character::isLetter);
        }
    }

    TextChanges(InputSet in, org.pbannex.reference.Texts texts) {
        this.in = in;
        this.texts = texts;
    }

    /** The non-blank cells of these rows, row by row, left to right. */
    static List<Cell> cells(List<InputBookReader.Row> rows) {
        List<Cell> out = new ArrayList<>();
        for (InputBookReader.Row r : rows) {
            for (InputBookReader.Cell c : r.cells()) {
                String v = c.formula() != null ? "=" + c.formula() : CellValues.text(c); // a number as plain decimals: 4.0 is 4
                if (!v.isEmpty()) {
                    out.add(new Cell(new org.apache.poi.ss.util.CellReference(r.number() - 1, c.column()).formatAsString(false), v));
                }
            }
        }
        return out;
    }

    /**
     * The changes between the published cells and the returned ones, matched as a diff of their texts in reading order
     * (a line deleted or inserted above shifts nothing): an unmatched published cell and an unmatched returned cell
     * between the same matched neighbours are one cell edited; those left over were deleted or added.
     */
    void compare(String table, String sheet, List<Cell> published, List<Cell> returned, List<Review.Change> changes) {
        compare(table, sheet, published, returned, changes, c -> Placed.NOWHERE);
    }

    /**
     * @param byPlace the texts a published cell holds by its place on the sheet; where that does not say them all, the
     *                closest input text is added, and the change's note says that it is a guess
     */
    void compare(String table, String sheet, List<Cell> published, List<Cell> returned, List<Review.Change> changes,
                 java.util.function.Function<Cell, Placed> byPlace) {
        int[][] pairs = RowAlignment.align(published.stream().map(Cell::text).toList(), returned.stream().map(Cell::text).toList());
        int i = 0;
        int j = 0;
        while (i < published.size() || j < returned.size()) {
            List<Cell> was = new ArrayList<>();
            List<Cell> now = new ArrayList<>();
            while (i < published.size() && pairs[0][i] < 0) {
                was.add(published.get(i++));
            }
            while (j < returned.size() && pairs[1][j] < 0) {
                now.add(returned.get(j++));
            }
            for (int k = 0; k < Math.max(was.size(), now.size()); k++) {
                Cell p = k < was.size() ? was.get(k) : null;
                Cell r = k < now.size() ? now.get(k) : null;
                Placed placed = p == null ? Placed.NOWHERE : byPlace.apply(p);
                java.util.Set<CellSources.InputCell> found = new java.util.LinkedHashSet<>(placed.cells());
                boolean guessed = p != null && !placed.complete() && found.addAll(sources(p.text(), table));
                changes.add(new Review.Change(table, "", "", p == null ? "" : p.text(), r == null ? "" : r.text(), "text",
                        List.copyOf(found), new Review.Where(sheet, r == null ? "" : r.ref(), "", ""),
                        guessed ? texts.get("review.note.text_guessed") : null));
            }
            if (i < published.size() && j < returned.size()) {
                i++;
                j++;
            }
        }
    }

    /**
     * Where a published text comes from: the input text field that, its placeholders filled in with anything, is found
     * in it with the most of its own words (a title's texts.csv key rather than the "{number}: {title}" around it), and
     * a text field that is exactly what that field's placeholder was filled in with (the units line's "%", its table's
     * own where several hold it); none when no input holds the text (the program's own wording around a figure).
     */
    List<org.pbannex.review.CellSources.InputCell> sources(String text, String table) {
        Candidate best = null;
        Matcher bestMatch = null;
        for (Candidate c : candidates()) {
            Matcher m = c.pattern().matcher(text);
            if (c.literal() >= 2 && c.worded() && (best == null || c.literal() > best.literal()) && m.find()) {
                best = c;
                bestMatch = m;
            }
        }
        List<CellSources.InputCell> out = new ArrayList<>();
        if (best == null) {
            return out;
        }
        out.add(cell(best));
        for (int g = 1; g <= bestMatch.groupCount(); g++) {
            String filled = bestMatch.group(g).strip();
            Candidate exact = null;
            for (Candidate c : candidates()) {
                if (c.record().text(c.field()).strip().equals(filled) && (exact == null || !mentions(exact, table) && mentions(c, table))) {
                    exact = c;
                }
            }
            if (exact != null && exact != best) {
                out.add(cell(exact));
            }
        }
        return out;
    }

    private static boolean mentions(Candidate c, String table) {
        return !table.isEmpty() && c.record().values().values().stream().anyMatch(v -> String.valueOf(v).startsWith(table + "."));
    }

    private static CellSources.InputCell cell(Candidate c) {
        return new CellSources.InputCell(c.resource(), c.record().file(), c.record().line(), c.field());
    }

    private List<Candidate> candidates() {
        if (candidates == null) {
            candidates = new ArrayList<>();
            java.util.Set<String> resources = new java.util.LinkedHashSet<>();
            in.files().values().forEach(f -> resources.add(f.resource()));
            for (String resource : resources) {
                List<Record> records;
                try {
                    records = in.table(resource);
                } catch (java.util.NoSuchElementException e) {
                    continue; // a file its reading looked for and did not find (a biennium's own texts.csv)
                }
                for (Record r : records) {
                    r.values().forEach((field, value) -> {
                        if (value instanceof String s && !s.isBlank()) {
                            candidates.add(candidate(resource, r, field, s.strip()));
                        }
                    });
                }
            }
        }
        return candidates;
    }

    private static Candidate candidate(String resource, Record r, String field, String text) {
        StringBuilder regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(text);
        int at = 0;
        int literal = 0;
        while (m.find()) {
            regex.append(Pattern.quote(text.substring(at, m.start()))).append("(.+?)");
            literal += m.start() - at;
            at = m.end();
        }
        if (at == text.length() && at > 0) {
            // A placeholder ending the text takes the rest of the cell: lazy, it took one character ("（pb-annex 的说明）{text}"
            // filled "2", then found as an outcome's code).
            regex.setLength(regex.length() - "(.+?)".length());
            regex.append("(.+)");
        }
        regex.append(Pattern.quote(text.substring(at)));
        literal += text.length() - at;
        return new Candidate(resource, r, field, Pattern.compile(regex.toString(), Pattern.DOTALL), literal);
    }
}
