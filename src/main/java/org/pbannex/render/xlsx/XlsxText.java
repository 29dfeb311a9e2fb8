package org.pbannex.render.xlsx;

import java.util.List;
import java.util.stream.Collectors;
import org.pbannex.render.PublicationInfo;
import org.pbannex.render.markup.CoverView;
import org.pbannex.render.markup.Wording;
import org.pbannex.table.Language;
import org.pbannex.table.Text;

/**
 * The workbook's own wording (sheet furniture, not data), in both editions, read from {@code input/reference/texts.csv}
 * (keys {@code edition.workbook.*}, and the editions' shared keys where the PDF says the same: contents, notes, biennium,
 * contact, citation, source line), so a translator edits one file. Every key is looked up when a workbook starts, so a
 * missing one fails before anything is written. The Chinese edition has no English in it: its sheet names, headings
 * and notes are Chinese, and only codes (table ids, file names, [x]) are Latin.
 */
final class XlsxText {

    // Sheet names; the other sheets refer to these sheets by them.
    final Text coverSheet;
    final Text contentsSheet;
    final Text notesSheet;
    final Text runSheet;
    final Text chartSheet;
    final Text chartsSheet;

    // Cover.
    final Text about;
    final Text warnings;
    final Text caveatLine;
    final Text source;
    final Text published;
    /** Each edition's date pattern (edition.date), and date and time pattern (edition.date_time). */
    final Text date;
    final Text dateTime;
    final Text biennium;
    final Text contact;
    final Text citation;
    final Text run;
    final Text runLine;
    final Text worksheets;
    final Text contentsLink;
    final Text notesLink;
    /** The heading of what the lines left out of every total are (a later biennium's), also on the Run sheet. */
    final Text leftOut;
    /** The heading over the input files of synthetic data the cover names (the Run sheet lists them all). */
    final Text syntheticInputs;

    // Contents.
    final Text contentsIntro;
    final Text colSheet;
    final Text colTitle;
    final Text colDescription;
    final Text coverDescription;
    final Text notesDescription;
    final Text runDescription;
    final Text tableDescription;
    final Text unitsDescription;
    final Text chartElsewhere;
    final Text chartsElsewhere;
    final Text chartSheetDescriptionOne;
    final Text chartSheetDescription;

    // Notes.
    final Text notesIntro;
    final Text noteMarker;
    final Text colNoteNumber;
    final Text colAppliesTo;
    final Text colPrintedMarker;
    final Text colNoteText;
    final Text allTables;
    final Text noMarker;
    final Text headingRows;
    final Text notPrinted;
    /** The same of a table the printed document does not hold: the table gives no figure, not the printed table. */
    final Text notGiven;
    final Text zeroDash;
    final Text sharedCells;

    // Table sheets.
    final Text numberedTitle;
    final Text warningLine;
    final Text oneTable;
    final Text sourceLine;
    final Text sourceIn;
    /** The source of a table the printed document does not hold: computed by pb-annex from the document's figures. */
    final Text sourceDerived;
    final Text unitsLine;
    final Text notesLine;
    final Text groupHeading;
    final Text groupLine;
    final Text defaultLabelHeading;
    final Text workYears;
    final Text workMonths;
    /** A column heading with its unit in brackets, each edition's brackets ("人员费用（美元）", "Staff costs (US$)"). */
    final Text headingUnit;
    

    // Chart sheets.
    final Text chartTitleOne;
    final Text chartTitle;
    final Text chartIntroOne;
    final Text chartIntro;
    /** The heading of a chart's category names beside it, where its table's cells name them otherwise. */
    final Text chartCategories;

    // Run sheet.
    final Text runTitle;
    final Text runId;
    final Text runTime;
    final Text codeVersion;
    final Text bienniumLine;
    final Text runIntro;
    final Text noChecksum;
    final Text leftOutLine;
    final Text colFile;
    final Text colRows;
    final Text colSha256;
    final Text colSynthetic;
    final Text yes;
    final Text no;

    final Text description;

    // Every sheet's printed pages.
    final Text pageFooter;

    private final Wording wording;
    /** Which notes under the tables are the print's; the others are tagged as pb-annex's. */
    final org.pbannex.render.NoteOrigin noteOrigin;

    /** The wording of one workbook, read from texts.csv (keys edition.workbook.* and the editions' shared ones). */
    XlsxText(Wording wording) {
        this.wording = wording;
        noteOrigin = org.pbannex.render.NoteOrigin.of(wording.lookup());
        coverSheet = wording.text("workbook.cover_sheet");
        pageFooter = wording.text("workbook.page_footer");
        contentsSheet = wording.text("contents");
        notesSheet = wording.text("notes");
        runSheet = wording.text("workbook.run_sheet");
        chartSheet = wording.text("workbook.chart_sheet");
        chartsSheet = wording.text("workbook.charts_sheet");
        about = wording.text("workbook.about");
        warnings = wording.text("workbook.warnings");
        syntheticInputs = wording.text("workbook.synthetic_inputs");
        caveatLine = wording.text("workbook.caveat_line");
        source = wording.text("workbook.source");
        published = wording.text("workbook.published");
        date = wording.text("date");
        dateTime = wording.text("date_time");
        biennium = wording.text("biennium");
        contact = wording.text("contact");
        citation = wording.text("citation");
        run = wording.text("workbook.run");
        runLine = wording.text("workbook.run_line");
        worksheets = wording.text("workbook.worksheets");
        contentsLink = wording.text("workbook.contents_link");
        notesLink = wording.text("workbook.notes_link");
        leftOut = wording.text("left_out");
        leftOutLine = wording.text("left_out_line");
        // Looked up now, though a run with no line left out does not say them: a text the file lacks fails here.
        wording.text(Wording.LINES_LEFT_OUT);
        wording.text(Wording.LINE_LEFT_OUT);
        contentsIntro = wording.text("workbook.contents_intro");
        colSheet = wording.text("workbook.col_sheet");
        colTitle = wording.text("workbook.col_title");
        colDescription = wording.text("workbook.col_description");
        coverDescription = wording.text("workbook.cover_description");
        notesDescription = wording.text("workbook.notes_description");
        runDescription = wording.text("workbook.run_description");
        tableDescription = wording.text("workbook.table_description");
        unitsDescription = wording.text("workbook.units_description");
        chartElsewhere = wording.text("workbook.chart_elsewhere");
        chartsElsewhere = wording.text("workbook.charts_elsewhere");
        chartSheetDescriptionOne = wording.text("workbook.chart_sheet_description_one");
        chartSheetDescription = wording.text("workbook.chart_sheet_description");
        notesIntro = wording.text("workbook.notes_intro");
        noteMarker = wording.text("workbook.note_marker");
        colNoteNumber = wording.text("workbook.col_note_number");
        colAppliesTo = wording.text("workbook.col_applies_to");
        colPrintedMarker = wording.text("workbook.col_printed_marker");
        colNoteText = wording.text("workbook.col_note_text");
        allTables = wording.text("workbook.all_tables");
        noMarker = wording.text("workbook.no_marker");
        headingRows = wording.text("workbook.heading_rows");
        notPrinted = wording.text("workbook.not_printed");
        notGiven = wording.plain("workbook.not_printed");
        zeroDash = wording.text("workbook.zero_dash");
        sharedCells = wording.text("workbook.shared_cells");
        numberedTitle = wording.text("workbook.numbered_title");
        warningLine = wording.text("workbook.warning_line");
        oneTable = wording.text("workbook.one_table");
        sourceLine = wording.text("source_line");
        sourceIn = wording.text("workbook.source_in");
        sourceDerived = wording.text("workbook.source_derived");
        unitsLine = wording.text("workbook.units_line");
        notesLine = wording.text("workbook.notes_line");
        groupHeading = wording.text("workbook.group_heading");
        groupLine = wording.text("workbook.group_line");
        defaultLabelHeading = wording.text("workbook.default_label_heading");
        workYears = wording.text("workbook.work_years");
        workMonths = wording.text("workbook.work_months");
        headingUnit = wording.text("workbook.heading_unit");
        chartTitleOne = wording.text("workbook.chart_title_one");
        chartTitle = wording.text("workbook.chart_title");
        chartIntroOne = wording.text("workbook.chart_intro_one");
        chartIntro = wording.text("workbook.chart_intro");
        chartCategories = wording.text("workbook.chart_categories");
        runTitle = wording.text("workbook.run_title");
        runId = wording.text("workbook.run_id");
        runTime = wording.text("workbook.run_time");
        codeVersion = wording.text("workbook.code_version");
        bienniumLine = wording.text("workbook.biennium_line");
        runIntro = wording.text("workbook.run_intro");
        noChecksum = wording.text("workbook.no_checksum");
        colFile = wording.text("workbook.col_file");
        colRows = wording.text("workbook.col_rows");
        colSha256 = wording.text("workbook.col_sha256");
        colSynthetic = wording.text("workbook.col_synthetic");
        yes = wording.text("workbook.yes");
        no = wording.text("workbook.no");
        description = wording.text("workbook.description");
    }

    /** The run's input files of synthetic data as every edition's cover names them ({@link CoverView}). */
    List<String> syntheticInputs(PublicationInfo info, Language lang) {
        return CoverView.syntheticInputs(info, wording, lang);
    }

    /** What the run's expenditure lines left out of every total are (edition.lines_left_out): empty when none is. */
    Text linesLeftOut(PublicationInfo info) {
        return wording.linesLeftOut(info.linesLeftOut(), info.biennium());
    }

    /** The text in one edition; "" when there is none. */
    static String in(Text text, Language lang) {
        return text == null ? "" : text.in(lang);
    }

    /** Note markers as the edition writes them, joined: "[note 1], [note 4]". */
    String markers(List<Integer> numbers, Language lang) {
        return numbers.stream().map(n -> noteMarker.with("n", String.valueOf(n)).in(lang))
                .collect(Collectors.joining(lang == Language.ZH ? "、" : ", "));
    }
}
