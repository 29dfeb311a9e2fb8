package org.pbannex.publication;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pbannex.ingest.CsvResourceReader;
import org.pbannex.ingest.Field;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.InputFolder;
import org.pbannex.ingest.InputSet;
import org.pbannex.ingest.Record;
import org.pbannex.ingest.Resource;
import org.pbannex.ingest.Said;
import org.pbannex.ingest.SourceName;
import org.pbannex.reference.Biennium;

/**
 * Texts of a biennium's own folder that name another biennium: warned of, never refused. A new biennium starts as a copy
 * of an earlier one's folder (README, "A new biennium"), and its free texts (every text column of its files, those of
 * one language, {@code x_zh} and {@code x_en}, and its own {@code reference/texts.csv}'s {@code zh} and {@code en}, as
 * datapackage.json describes them) keep naming the biennium they were written for: "Milestones set for 2022-23 met or
 * exceeded" among 2024-25's targets, which every sum passes and every edition would publish.
 * <p>
 * A biennium is named as the texts write one: 2022-23, 2022-2023, 2022–23, 2022年-2023年, 2022-2023 年. Warned of:
 * <ul>
 * <li>an earlier biennium, where its own data folder in the input has the same words around it (up to {@value #AROUND}
 * characters either side) in the same file and column: a text copied from there, where it named its own biennium. An
 * earlier biennium is rightly named in words of the folder's own: the previous one in a restatement's note, older ones
 * in baselines' periods (the bundled 2022-23 names 2018-2019 and 2020-2021 so);
 * <li>a biennium after the folder's, its folder in the input or not: what a folder copied back from a later one keeps.
 * </ul>
 * Not warned of: a pair of years that is no biennium (the Strategic Plan for 2022-25), a year alone (texts name target
 * and baseline years so, "by 2025", an SDG target's year kept word for word from biennium to biennium), the shared files
 * (every biennium reads them alike).
 */
public final class OtherBienniumTexts {

    /** Two years as the texts write a biennium: the first whole, the second whole or its last two digits; 年 after either. */
    private static final Pattern YEARS = Pattern.compile(
            "(?<![0-9])((?:19|20)[0-9]{2})\\s*年?\\s*[-\u2010\u2011\u2012\u2013\u2014\u2212\uFE63\uFF0D~\uFF5E/至到]\\s*([0-9]{4}|[0-9]{2})(?![0-9])");
    /** How many characters either side of a mention are compared with the other folder's texts, and quoted. */
    private static final int AROUND = 24;

    /**
     * A text of the input that is likely wrong, said with its file, line and column; it stops nothing. {@code source}: the
     * line of the folder it was copied from that has the same words (null where none is named).
     */
    public record Warning(String file, long line, String column, Said reason, Record source) implements org.pbannex.ingest.InputWarning {

        /**
         * The whole line as a sentence of the texts: "FILE, line N, column C: REASON" (a workbook's sheet, its row), as a
         * refusal's, but for its Chinese, which does not call the line wrong.
         */
        public Said said() {
            return said(UnaryOperator.identity());
        }

        /** The same, each input file (this one, the one it was copied from) named by {@code files}. */
        @Override
        public Said said(UnaryOperator<String> files) {
            String at = SourceName.lineWord(file).equals("row") ? "warning_row_column" : "warning_line_column";
            return Said.cause(at, "file", files.apply(file), "line", String.valueOf(line), "column", column, "reason",
                    source == null ? reason : reason.and("source", at(source, files)));
        }

        /** Where a text was copied from: "FILE, line N" (a workbook's sheet, its row), its file named by {@code files}. */
        static Said at(Record source, UnaryOperator<String> files) {
            return Said.of("at_" + SourceName.lineWord(source.file()), "file", files.apply(source.file()), "line",
                    String.valueOf(source.line()));
        }

    }

    private final Path inputDir;
    private final Biennium biennium;
    /** The other biennia's files by path under the input folder, each read once (none where it cannot be read). */
    private final Map<String, List<Record>> theirs = new HashMap<>();

    private OtherBienniumTexts(Path inputDir, Biennium biennium) {
        this.inputDir = inputDir;
        this.biennium = biennium;
    }

    /** The warnings of a biennium's input, in file order, then line and column order. */
    public static List<Warning> of(InputSet in) {
        Biennium b = Biennium.parse(in.biennium());
        return b == null ? List.of() : new OtherBienniumTexts(in.inputDir(), b).find(in.ownFiles());
    }

    private List<Warning> find(List<InputSet.OwnFile> files) {
        List<Warning> out = new ArrayList<>();
        for (InputSet.OwnFile f : files) {
            List<Field> texts = f.resource().fields().stream().filter(x -> x.language() != null).toList();
            for (Record r : texts.isEmpty() ? List.<Record>of() : f.records()) {
                for (Field field : texts) {
                    String value = r.text(field.name());
                    if (!value.isEmpty()) {
                        Warning w = warning(f, r, field, value);
                        if (w != null) {
                            out.add(w);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The first mention of another biennium in the value that is warned of, or null (one line a cell). */
    private Warning warning(InputSet.OwnFile f, Record r, Field field, String value) {
        boolean words = "en".equals(field.language());
        Matcher m = YEARS.matcher(value);
        while (m.find()) {
            int first = Integer.parseInt(m.group(1));
            int second = Integer.parseInt(m.group(2));
            boolean next = m.group(2).length() == 4 ? second == first + 1 : second == (first + 1) % 100;
            if (first % 2 != 0 || !next || first == biennium.firstYear()) {
                continue; // no biennium (2022-25, 2023-24), or the folder's own
            }
            Biennium named = new Biennium(first);
            String text = quoted(value, m.start(), m.end(), words);
            if (named.firstYear() > biennium.firstYear()) {
                return new Warning(r.file(), r.line(), field.name(), Said.of("later_biennium", "text", text, "named", found(value, m),
                        "code", biennium.code(), "biennium", biennium.longForm()), null);
            }
            Record source = copiedFrom(named, f, field.name(), value, m.start(), m.end());
            if (source != null) {
                return new Warning(r.file(), r.line(), field.name(), Said.of("copied_biennium", "text", text, "named", found(value, m),
                        "named_code", named.code(), "code", biennium.code(), "biennium", biennium.longForm(),
                        "source", Warning.at(source, UnaryOperator.identity())), source);
            }
        }
        return null;
    }

    /**
     * The line of the named biennium's own folder whose text, in the same file and column, has the words around the
     * mention (the mention with up to {@link #AROUND} characters either side, as far as the value goes); null when none
     * has, or the biennium has no such folder or file, or it cannot be read (its own check says why).
     */
    private Record copiedFrom(Biennium named, InputSet.OwnFile f, String column, String value, int start, int end) {
        String rel = f.path();
        String prefix = biennium.code() + "/";
        if (!rel.startsWith(prefix)) {
            return null;
        }
        String words = value.substring(from(value, start), to(value, end));
        String theirFile = named.code() + "/" + rel.substring(prefix.length());
        for (Record theirRow : theirs.computeIfAbsent(theirFile, k -> read(f.resource(), k))) {
            if (theirRow.text(column).contains(words)) {
                return theirRow;
            }
        }
        return null;
    }

    /** Another biennium's file of the same resource, read by its schema; none when it is not there or cannot be read. */
    private List<Record> read(Resource resource, String rel) {
        Path file = inputDir.resolve(rel);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return CsvResourceReader.readTable(file, SourceName.file(InputFolder.shownName(inputDir, rel)), resource).records();
        } catch (InputError | java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    /** The years as the text writes them: 2022-23, 2022年-2023年 (the second 年 too where the first has one). */
    private static String found(String value, Matcher m) {
        String found = m.group();
        return found.contains("年") && m.end() < value.length() && value.charAt(m.end()) == '年' ? found + "年" : found;
    }

    /**
     * The mention with the words around it, cut where the value is long ("…disrupt operations in 2022-23. United…"):
     * with {@code words} (an English text) between words, else anywhere (Chinese has no spaces between its words).
     */
    private static String quoted(String value, int start, int end, boolean words) {
        int from = from(value, start);
        int to = to(value, end);
        int space = value.indexOf(' ', from);
        from = words && from > 0 && value.charAt(from - 1) != ' ' && space >= 0 && space < start ? space + 1 : from;
        space = value.lastIndexOf(' ', to);
        to = words && to < value.length() && space >= end ? space : to;
        return (from > 0 ? "…" : "") + value.substring(from, to).replace('\n', ' ') + (to < value.length() ? "…" : "");
    }

    /** Where the words before a mention start: {@link #AROUND} characters before it, never inside a character's pair. */
    private static int from(String value, int start) {
        int from = Math.max(0, start - AROUND);
        return from > 0 && Character.isLowSurrogate(value.charAt(from)) ? from + 1 : from;
    }

    /** Where the words after a mention end, as {@link #from}. */
    private static int to(String value, int end) {
        int to = Math.min(value.length(), end + AROUND);
        return to < value.length() && Character.isLowSurrogate(value.charAt(to)) ? to - 1 : to;
    }
}
