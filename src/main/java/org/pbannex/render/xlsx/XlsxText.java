package org.pbannex.render.xlsx;

import org.pbannex.table.Language;
import org.pbannex.table.Text;

/**
 * The workbook's own wording (sheet furniture, not data), in both editions. Sheet names stay ASCII and the same
 * in both editions so links and scripts that open a sheet by name work on either workbook.
 */
final class XlsxText {

    static final Text COVER_SHEET = new Text("封面", "Cover");

    static final Text ONE_TABLE = new Text("本工作表包含一个表格。", "This worksheet contains one table.");
    static final Text TABLE_AND_CHART = new Text("本工作表包含一个表格，其下为图表及其数据。",
            "This worksheet contains one table; below it, a chart and the figures it shows.");
    static final Text CHART_DATA = new Text("图表数据：{title}", "Chart data: {title}");

    static final Text SOURCE = new Text("资料来源文件", "Source document");
    static final Text BIENNIUM = new Text("两年期", "Biennium");
    static final Text RUN_ID = new Text("运行编号", "Run ID");
    static final Text RUN_TIME = new Text("运行时间", "Run time");
    static final Text CODE_VERSION = new Text("程序版本", "Code version");
    static final Text INPUTS = new Text("输入文件（路径、SHA-256 校验和、行数）", "Input files (path, SHA-256 checksum, rows)");
    static final Text CONTACT = new Text("联系方式", "Contact");
    static final Text CITATION = new Text("引用方式", "How to cite");
    static final Text SEE_CONTENTS = new Text("表格列表见“目录”工作表，注释见“注释”工作表。",
            "The list of tables is on the Contents worksheet; notes are on the Notes worksheet.");

    /** Also the name of the contents sheet, which the other sheets refer to by it. */
    static final Text CONTENTS_TITLE = new Text("目录", "Contents");
    static final Text COL_SHEET = new Text("工作表", "Sheet");
    static final Text COL_TABLE_NUMBER = new Text("表号", "Table number");
    static final Text COL_TITLE = new Text("标题", "Title");

    /** Also the name of the notes sheet. */
    static final Text NOTES_TITLE = new Text("注释", "Notes");
    static final Text COL_NOTE_NUMBER = new Text("注释编号", "Note number");
    static final Text COL_APPLIES_TO = new Text("适用范围", "Applies to");
    static final Text COL_NOTE_TEXT = new Text("注释内容", "Note text");
    static final Text ALL_TABLES = new Text("所有表格", "All tables");
    static final Text BLANK_CELL = new Text("空白单元格表示该单元格不印出数字。",
            "A blank cell means that no figure is printed for this cell.");

    static final Text NUMBERED_TITLE = new Text("{number}：{title}", "{number}: {title}");
    static final Text SOURCE_LINE = new Text("资料来源：{source}", "Source: {source}");
    static final Text NOTES_LINE = new Text("本表注释见“注释”工作表：{notes}。", "Notes for this table are on the Notes worksheet: {notes}.");
    /** Put after a row label when a cell of the row has a note: the note's number on the Notes sheet. */
    static final Text CELL_NOTE = new Text("[注释 {n}]", "[note {n}]");
    static final Text DEFAULT_LABEL_HEADING = new Text("项目", "Item");
    static final Text YEARS = new Text("年", "years");
    static final Text MONTHS = new Text("月", "months");

    static final Text DESCRIPTION = new Text("{count} 个表格。运行 {run}，程序版本 {code}。",
            "{count} tables. Run {run}, code version {code}.");

    private XlsxText() {
    }

    /** The text in one edition; "" when there is none. */
    static String in(Text text, Language lang) {
        return text == null ? "" : text.in(lang);
    }
}
