package org.pbannex.render.xlsx;

import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.pbannex.render.PublicationInfo;
import org.pbannex.table.Language;
import org.pbannex.table.Text;

/**
 * The run that produced the workbook: its id, time and code version, then a table of every input file with its
 * row count and SHA-256, synthetic files marked as such, so a reviewer can tell which data made these figures.
 */
final class RunSheet {

    private static final List<Integer> WIDTHS = List.of(52, 10, 74, 22);

    private RunSheet() {
    }

    static void write(XSSFWorkbook wb, XlsxStyles styles, XlsxText words, PublicationInfo info, Language lang) {
        ListSheet list = new ListSheet(wb, words.runSheet.in(lang), words.runTitle.in(lang), WIDTHS, styles);
        for (Text fact : List.of(words.runId.with("v", String.valueOf(info.runId())),
                words.runTime.with("v", words.dateTime.instant(info.runTime())),
                words.codeVersion.with("v", String.valueOf(info.codeVersion())),
                words.bienniumLine.with("v", String.valueOf(info.biennium())), words.runIntro)) {
            list.line(fact.in(lang));
        }
        boolean unhashed = info.files().stream().anyMatch(f -> f.sha256().isEmpty());
        if (unhashed) {
            list.line(words.noChecksum.in(lang));
        }
        // The table's rows count a later biennium's lines too, which no total sums.
        Text leftOut = words.linesLeftOut(info);
        if (!leftOut.isEmpty()) {
            list.line(words.leftOutLine.with("v", leftOut).in(lang));
        }
        if (info.files().isEmpty()) {
            list.finishWithoutList();
            return;
        }
        list.header(List.of(words.colFile.in(lang), words.colRows.in(lang), words.colSha256.in(lang), words.colSynthetic.in(lang)));
        for (PublicationInfo.InputFile f : info.files()) {
            Row row = list.row();
            XlsxCells.text(row, 0, f.path(), styles.body, styles);
            XlsxCells.number(row, 1, f.rows(), styles.number(XlsxStyles.AMOUNT_FORMAT, false));
            // Indented: the checksum would read on from the row count right-aligned before it ("10 6ce0ed…").
            XlsxCells.text(row, 2, f.sha256().isEmpty() ? TableLayout.Content.NOT_PRINTED.text() : f.sha256(), styles.label(1, false),
                    styles);
            // The synthetic mark is bold as well as said in words, so it is not missed.
            XlsxCells.text(row, 3, (f.synthetic() ? words.yes : words.no).in(lang), f.synthetic() ? styles.heading : styles.body,
                    styles);
            int lines = Math.max(TextLayout.lines(f.path(), WIDTHS.get(0), false),
                    TextLayout.lines((f.synthetic() ? words.yes : words.no).in(lang), WIDTHS.get(3), f.synthetic()));
            if (lines > 1) {
                row.setHeightInPoints(styles.height(lines));
            }
        }
        list.finish("Table_run_inputs");
    }
}
