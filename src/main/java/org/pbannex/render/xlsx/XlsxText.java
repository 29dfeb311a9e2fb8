package org.pbannex.render.xlsx;

import java.util.List;
import java.util.stream.Collectors;
import org.pbannex.table.Language;
import org.pbannex.table.Text;

/**
 * The workbook's own wording (sheet furniture, not data), in both editions. The Chinese edition has no English in
 * it: its sheet names, headings and notes are Chinese, and only codes (table ids, file names, [x]) are Latin.
 */
final class XlsxText {

    // Sheet names; the other sheets refer to these sheets by them.
    static final Text COVER_SHEET = new Text("封面", "Cover");
    static final Text CONTENTS_SHEET = new Text("目录", "Contents");
    static final Text NOTES_SHEET = new Text("注释", "Notes");
    static final Text RUN_SHEET = new Text("运行记录", "Run");
    static final Text CHART_SHEET = new Text("{id} 图表", "{id} chart");
    static final Text CHARTS_SHEET = new Text("{id} 图表", "{id} charts");

    // Cover.
    static final Text ABOUT = new Text("关于本工作簿", "About this workbook");
    static final Text WARNINGS = new Text("注意", "Warning");
    static final Text CAVEAT_LINE = new Text("{table}：{caveat}", "{table}: {caveat}");
    static final Text SOURCE = new Text("资料来源", "Source");
    static final Text PUBLISHED = new Text("发布日期", "Publication date");
    static final Text BIENNIUM = new Text("两年期", "Biennium");
    static final Text CONTACT = new Text("联系方式", "Contact");
    static final Text CITATION = new Text("引用方式", "How to cite");
    static final Text RUN = new Text("运行", "Run");
    static final Text RUN_LINE = new Text("运行编号 {run}。本次运行的时间、程序版本以及每个输入文件及其校验和见“运行记录”工作表。",
            "Run ID {run}. The run's time, code version and every input file with its checksum are on the Run worksheet.");
    static final Text WORKSHEETS = new Text("工作表", "Worksheets");
    static final Text CONTENTS_LINK = new Text("目录：本工作簿的全部工作表", "Contents: every worksheet of this workbook");
    static final Text NOTES_LINK = new Text("注释：空白单元格和符号的含义以及各表的脚注",
            "Notes: what empty cells and symbols mean, and each table's footnotes");

    // Contents.
    static final Text CONTENTS_INTRO = new Text("本工作表包含一个表格，列出本工作簿的其他每个工作表；工作表名称链接到该工作表。",
            "This worksheet contains one table listing every other worksheet of this workbook; each worksheet name links to it.");
    static final Text COL_SHEET = new Text("工作表", "Worksheet");
    static final Text COL_TITLE = new Text("标题", "Title");
    static final Text COL_DESCRIPTION = new Text("内容说明", "Description");
    static final Text COVER_DESCRIPTION = new Text("本工作簿的说明：简介、资料来源、发布日期、联系方式和引用方式。",
            "What this workbook is: about, source, publication date, contact and how to cite.");
    static final Text NOTES_DESCRIPTION = new Text("注释表：空白单元格和符号的含义、适用于所有表格的注释以及各表的脚注。",
            "Table of notes: what empty cells and symbols mean, notes for all tables and each table's footnotes.");
    static final Text RUN_DESCRIPTION = new Text("生成本工作簿的运行：运行编号、时间、程序版本，以及每个输入文件的 SHA-256 校验和与行数。",
            "The run that produced this workbook: run ID, time, code version, and every input file with its SHA-256 checksum and row count.");
    static final Text TABLE_DESCRIPTION = new Text("一个表格，{rows} 行。", "One table of {rows} rows.");
    static final Text UNITS_DESCRIPTION = new Text("单位：{unit}。", "Units: {unit}.");
    static final Text CHART_ELSEWHERE = new Text("图表见“{sheet}”工作表。", "Its chart is on the worksheet '{sheet}'.");
    static final Text CHARTS_ELSEWHERE = new Text("图表见“{sheet}”工作表。", "Its charts are on the worksheet '{sheet}'.");
    static final Text CHART_SHEET_DESCRIPTION_ONE = new Text("一个图表，数字取自“{sheet}”工作表的表格。",
            "One chart drawn from the table on the worksheet '{sheet}'.");
    static final Text CHART_SHEET_DESCRIPTION = new Text("{count} 个图表，数字取自“{sheet}”工作表的表格。",
            "{count} charts drawn from the table on the worksheet '{sheet}'.");

    // Notes.
    static final Text NOTES_INTRO = new Text("本工作表包含一个表格。各表以“[注释 N]”引用这些注释。",
            "This worksheet contains one table. Tables refer to these notes as [note N].");
    static final Text NOTE_MARKER = new Text("[注释 {n}]", "[note {n}]");
    static final Text COL_NOTE_NUMBER = new Text("注释编号", "Note number");
    static final Text COL_APPLIES_TO = new Text("适用范围", "Applies to");
    static final Text COL_PRINTED_MARKER = new Text("印刷版标记", "Marker in the printed table");
    static final Text COL_NOTE_TEXT = new Text("注释内容", "Note text");
    static final Text ALL_TABLES = new Text("所有表格", "All tables");
    static final Text NO_MARKER = new Text("无", "none");
    static final Text HEADING_ROWS = new Text("只有标签而没有数字的行是其下各行的标题；这些行的其他单元格为空白。",
            "A row with a label and no figures is a heading for the rows below it; its other cells are empty.");
    static final Text NOT_PRINTED = new Text("[x] 表示印刷版表格在该单元格中没有数字或文字。",
            "[x] marks a cell for which the printed table gives no figure or text.");
    static final Text SHARED_CELLS = new Text("印刷版表格中跨越数行的单元格 (例如几个指标共用的检验方法)，在本工作簿的每一行中重复，以便排序或筛选后每一行仍然完整。",
            "Where the printed table sets one cell across several rows (for example one means of verification for several "
                    + "indicators), the workbook repeats its text on each of those rows, so that every row stays complete when sorted or filtered.");

    // Table sheets.
    static final Text NUMBERED_TITLE = new Text("{number}：{title}", "{number}: {title}");
    static final Text WARNING_LINE = new Text("注意：{caveat}", "Warning: {caveat}");
    static final Text ONE_TABLE = new Text("本工作表包含一个表格。", "This worksheet contains one table.");
    static final Text SOURCE_LINE = new Text("资料来源：{source}", "Source: {source}");
    static final Text SOURCE_IN = new Text("{source}，{table}", "{source}, {table}");
    static final Text UNITS_LINE = new Text("单位：{unit}", "Units: {unit}");
    static final Text NOTES_LINE = new Text("注释见“注释”工作表：{notes}。", "Notes are on the Notes worksheet: {notes}.");
    static final Text GROUP_HEADING = new Text("所属组别", "Group");
    static final Text GROUP_LINE = new Text("“所属组别”列写明每一行所属的组别 (没有组别的行写本行标签)，以便排序或筛选后仍可区分标签相同的各行 (如各“小计”行)。",
            "The Group column names each row's group (a row in no group names itself), so that rows of the same label (such as the subtotals) can be told apart after sorting or filtering.");
    static final Text DEFAULT_LABEL_HEADING = new Text("项目", "Item");
    static final Text WORK_YEARS = new Text("{heading} (工作年)", "{heading} (work-years)");
    static final Text WORK_MONTHS = new Text("{heading} (工作月)", "{heading} (work-months)");
    static final Text NOT_PRINTED_SYMBOL = Text.of("[x]");

    // Chart sheets.
    static final Text CHART_TITLE_ONE = new Text("{title}：图表", "{title}: chart");
    static final Text CHART_TITLE = new Text("{title}：图表", "{title}: charts");
    static final Text CHART_INTRO_ONE = new Text("本工作表包含一个图表，其数字取自“{sheet}”工作表的表格。",
            "This worksheet contains one chart; its figures are read from the table on the worksheet '{sheet}'.");
    static final Text CHART_INTRO = new Text("本工作表包含 {count} 个图表，其数字取自“{sheet}”工作表的表格。",
            "This worksheet contains {count} charts; their figures are read from the table on the worksheet '{sheet}'.");

    // Run sheet.
    static final Text RUN_TITLE = new Text("运行记录", "Run");
    static final Text RUN_ID = new Text("运行编号：{v}", "Run ID: {v}");
    static final Text RUN_TIME = new Text("运行时间：{v}", "Run time: {v}");
    static final Text CODE_VERSION = new Text("程序版本：{v}", "Code version: {v}");
    static final Text BIENNIUM_LINE = new Text("两年期：{v}", "Biennium: {v}");
    static final Text RUN_INTRO = new Text("本工作表包含一个表格：本次运行读取的每个输入文件。",
            "This worksheet contains one table: every input file this run read.");
    static final Text NO_CHECKSUM = new Text("[x] 表示未单独计算校验和：支出明细文件可能很大，运行的输入校验和 (见 manifest.json) 已涵盖这些文件。",
            "[x] marks a checksum not computed for one file: expenditure-line files may be very large, and the run's input checksum (in manifest.json) covers them.");
    static final Text COL_FILE = new Text("输入文件", "Input file");
    static final Text COL_ROWS = new Text("行数", "Rows");
    static final Text COL_SHA256 = new Text("SHA-256 校验和", "SHA-256 checksum");
    static final Text COL_SYNTHETIC = new Text("合成数据", "Synthetic data");
    static final Text YES = new Text("是 (合成数据，并非国际劳工组织的数字)", "Yes (synthetic, not ILO figures)");
    static final Text NO = new Text("否", "No");

    static final Text DESCRIPTION = new Text("{count} 个表格。运行 {run}，程序版本 {code}。",
            "{count} tables. Run {run}, code version {code}.");

    private XlsxText() {
    }

    /** The text in one edition; "" when there is none. */
    static String in(Text text, Language lang) {
        return text == null ? "" : text.in(lang);
    }

    /** Note markers as the edition writes them, joined: "[note 1], [note 4]". */
    static String markers(List<Integer> numbers, Language lang) {
        return numbers.stream().map(n -> NOTE_MARKER.with("n", String.valueOf(n)).in(lang))
                .collect(Collectors.joining(lang == Language.ZH ? "、" : ", "));
    }
}
