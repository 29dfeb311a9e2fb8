package org.pbannex.render.pdf;

import java.util.List;
import java.util.Locale;
import org.pbannex.render.NumberText;
import org.pbannex.render.PublicationInfo;
import org.pbannex.table.Chart;
import org.pbannex.table.Column;
import org.pbannex.table.Language;
import org.pbannex.table.Row;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;
import org.pbannex.table.Text;
import org.pbannex.table.ValueKind;

/**
 * The XHTML that Flying Saucer lays out: a cover, then one section per table (heading, unit note, table,
 * notes). Styling lives in templates/annex.css; this class only emits structure and class names, so it knows
 * tables and row roles but nothing about budgets.
 */
final class XhtmlTableMarkup {

    private final Language lang;
    private final StringBuilder out = new StringBuilder(64 * 1024);

    private XhtmlTableMarkup(Language lang) {
        this.lang = lang;
    }

    static String document(List<Table> tables, Language lang, PublicationInfo info, String css) {
        return new XhtmlTableMarkup(lang).build(tables, info, css);
    }

    /** The id a table's section carries; bookmarks point at it. */
    static String anchor(Table t) {
        return "table-" + t.id().replaceAll("[^A-Za-z0-9_-]", "_");
    }

    static String bookmarkName(Table t, Language lang) {
        String number = t.number().in(lang);
        String title = t.title().in(lang);
        return number.isEmpty() ? title : number + " " + title;
    }

    private String build(List<Table> tables, PublicationInfo info, String css) {
        String title = info.title().in(lang);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"").append(esc(lang.tag()))
                .append("\" xml:lang=\"").append(esc(lang.tag())).append("\">\n<head>\n");
        out.append("<title>").append(esc(title)).append("</title>\n");
        meta("title", title);
        meta("author", "pb-annex");
        meta("subject", info.source().in(lang));
        meta("keywords", info.biennium());
        // Flying Saucer turns this into the PDF outline: one entry per table.
        out.append("<bookmarks>\n");
        for (Table t : tables) {
            out.append("<bookmark name=\"").append(esc(bookmarkName(t, lang))).append("\" href=\"#")
                    .append(anchor(t)).append("\"/>\n");
        }
        out.append("</bookmarks>\n");
        out.append("<style type=\"text/css\">\n").append(esc(css)).append("\n</style>\n</head>\n<body>\n");
        out.append("<div class=\"running-header\">").append(esc(title)).append("</div>\n");
        cover(info);
        for (Table t : tables) {
            table(t);
        }
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private void meta(String name, String content) {
        out.append("<meta name=\"").append(name).append("\" content=\"").append(esc(content)).append("\"/>\n");
    }

    private void cover(PublicationInfo info) {
        boolean zh = lang == Language.ZH;
        out.append("<div class=\"cover\">\n<h1>").append(esc(info.title().in(lang))).append("</h1>\n");
        out.append("<p class=\"biennium\">").append(esc(info.biennium())).append("</p>\n");
        out.append("<table class=\"facts\">\n");
        fact(zh ? "资料来源" : "Source", info.source().in(lang));
        fact(zh ? "运行编号" : "Run", info.runId());
        fact(zh ? "运行时间" : "Run time", info.runTime());
        fact(zh ? "程序版本" : "Code version", info.codeVersion());
        if (info.contact() != null) {
            fact(zh ? "联系" : "Contact", info.contact().in(lang));
        }
        if (info.citation() != null) {
            fact(zh ? "引用" : "Citation", info.citation().in(lang));
        }
        out.append("</table>\n");
        if (info.notes() != null && !info.notes().isEmpty()) {
            out.append("<div class=\"cover-notes\">\n");
            for (Text note : info.notes()) {
                out.append("<p>").append(esc(note.in(lang))).append("</p>\n");
            }
            out.append("</div>\n");
        }
        // Provenance: which input files (and their hashes) this edition was computed from.
        if (info.inputs() != null && !info.inputs().isEmpty()) {
            out.append("<div class=\"inputs\">\n<p class=\"caption\">").append(zh ? "输入文件（路径、SHA-256 校验和、行数）"
                    : "Input files (path, SHA-256 checksum, rows)")
                    .append("</p>\n");
            for (String line : info.inputs()) {
                out.append("<p>").append(esc(line)).append("</p>\n");
            }
            out.append("</div>\n");
        }
        out.append("</div>\n");
    }

    private void fact(String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        out.append("<tr><th>").append(esc(name)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
    }

    private void table(Table t) {
        out.append("<div class=\"annex").append(t.wide() ? " wide" : "").append("\" id=\"").append(anchor(t))
                .append("\">\n");
        out.append("<h2>");
        if (!t.number().in(lang).isEmpty()) {
            out.append("<span class=\"number\">").append(esc(t.number().in(lang))).append("</span>");
        }
        out.append(esc(t.title().in(lang))).append("</h2>\n");
        if (!t.unitNote().in(lang).isEmpty()) {
            out.append("<p class=\"unit-note\">").append(esc(t.unitNote().in(lang))).append("</p>\n");
        }
        out.append("<table class=\"data\">\n");
        columnWidths(t);
        head(t);
        body(t);
        out.append("</table>\n");
        notes(t);
        t.charts().forEach(this::chart);
        out.append("</div>\n");
    }

    /**
     * Fixed column widths: left to auto layout, long headings would take the space the labels and figures
     * need. The label column gets what fewer value columns leave; value columns share the rest by kind.
     */
    private void columnWidths(Table t) {
        List<Column> cols = t.pdfColumns();
        // A table of text columns (the results framework) gives its label column no more than its share.
        boolean allText = cols.stream().allMatch(c -> c.kind() == ValueKind.TEXT);
        double label = allText ? 100.0 * 1.3 / (cols.size() + 1.3)
                : Math.max(30, Math.min(50, 100 - 13 * cols.size()));
        double weights = cols.stream().mapToDouble(XhtmlTableMarkup::weight).sum();
        out.append("<colgroup>");
        col(label);
        for (Column c : cols) {
            col((100 - label) * weight(c) / weights);
        }
        out.append("</colgroup>\n");
    }

    private static double weight(Column c) {
        return switch (c.kind()) {
            case PERCENT -> 0.6;
            case TEXT -> 1.4;
            default -> 1.0;
        };
    }

    private void col(double percent) {
        out.append("<col style=\"width: ").append(String.format(Locale.ROOT, "%.2f", percent)).append("%\"/>");
    }

    /**
     * One heading row, or two when any column has a group: the group cell spans its adjacent columns,
     * ungrouped columns (and the label column) span both rows.
     */
    private void head(Table t) {
        List<Column> cols = t.pdfColumns();
        boolean grouped = cols.stream().anyMatch(c -> !c.group().in(lang).isEmpty());
        String rowspan = grouped ? " rowspan=\"2\"" : "";
        out.append("<thead>\n<tr>");
        out.append("<th class=\"label\"").append(rowspan).append(">").append(esc(t.labelHeading().in(lang)))
                .append("</th>");
        for (int i = 0; i < cols.size(); ) {
            Column c = cols.get(i);
            String group = c.group().in(lang);
            if (group.isEmpty()) {
                headingCell(c, rowspan);
                i++;
                continue;
            }
            int span = 1;
            while (i + span < cols.size() && cols.get(i + span).group().in(lang).equals(group)) {
                span++;
            }
            out.append("<th class=\"group\" colspan=\"").append(span).append("\">").append(esc(group)).append("</th>");
            i += span;
        }
        out.append("</tr>\n");
        if (grouped) {
            out.append("<tr>");
            for (Column c : cols) {
                if (!c.group().in(lang).isEmpty()) {
                    headingCell(c, "");
                }
            }
            out.append("</tr>\n");
        }
        out.append("</thead>\n");
    }

    private void headingCell(Column c, String rowspan) {
        out.append("<th").append(rowspan).append(">").append(esc(c.heading().in(lang)));
        String unit = c.unit().in(lang);
        if (!unit.isEmpty()) {
            out.append("<span class=\"col-unit\">").append(esc(unit)).append("</span>");
        }
        out.append("</th>");
    }

    /**
     * The rows, in row groups: headings open a group that also holds the first row under them, and such a group is
     * kept on one page, so a heading is never left alone at the foot of a page.
     */
    private void body(Table t) {
        List<Row> rows = t.rows();
        int i = 0;
        while (i < rows.size()) {
            int end = i;
            while (end < rows.size() && rows.get(end).type() == RowType.HEADING) {
                end++;
            }
            boolean keep = end > i;
            end = keep ? Math.min(end + 1, rows.size()) : nextHeading(rows, i);
            out.append(keep ? "<tbody class=\"keep\">\n" : "<tbody>\n");
            for (Row r : rows.subList(i, end)) {
                row(t, r);
            }
            out.append("</tbody>\n");
            i = end;
        }
    }

    private static int nextHeading(List<Row> rows, int from) {
        int i = from;
        while (i < rows.size() && rows.get(i).type() != RowType.HEADING) {
            i++;
        }
        return i;
    }

    private void row(Table t, Row r) {
        List<Column> cols = t.pdfColumns();
        out.append("<tr class=\"").append(r.type().name().toLowerCase(Locale.ROOT)).append("\">");
        // Indentation shows the hierarchy, as in the printed tables. A heading has no figures: it spans the row,
        // so that a long heading (an outcome's title) is not squeezed into the label column.
        String span = r.type() == RowType.HEADING ? " colspan=\"" + (cols.size() + 1) + "\"" : "";
        out.append("<td class=\"label\"").append(span).append(" style=\"padding-left: ")
                .append(String.format(Locale.ROOT, "%.1f", 1.2 * r.level() + 0.4))
                .append("em\">").append(esc(r.label().in(lang))).append("</td>");
        if (r.type() == RowType.HEADING) {
            out.append("</tr>\n");
            return;
        }
        for (Column c : cols) {
            boolean text = c.kind() == ValueKind.TEXT;
            out.append("<td class=\"").append(text ? "text" : "num").append("\">");
            out.append(esc(NumberText.format(r.value(c.key()), c.kind(), lang)));
            noteMarker(t.cellNote(r.key(), c.key()));
            out.append("</td>");
        }
        out.append("</tr>\n");
    }

    /** A cell's note marker as a superscript after its figure; the note itself is among the table's notes. */
    private void noteMarker(org.pbannex.table.CellNote note) {
        if (note != null) {
            out.append("<span class=\"note-ref\">").append(esc(note.marker())).append("</span>");
        }
    }

    /**
     * A bar chart drawn with blocks: one line per category, one bar per series scaled to the largest value, the
     * figure beside each bar. Vector, searchable text, and no image library.
     */
    private void chart(Chart c) {
        double max = c.max() <= 0 ? 1 : c.max();
        out.append("<div class=\"chart\">\n<p class=\"chart-title\">").append(esc(c.title().in(lang))).append("</p>\n");
        out.append("<p class=\"legend\">");
        for (int s = 0; s < c.series().size(); s++) {
            out.append("<span class=\"key s").append(s).append("\">&#160;&#160;&#160;</span> ")
                    .append(esc(c.series().get(s).name().in(lang))).append("&#160;&#160; ");
        }
        out.append("</p>\n<table class=\"bars\">\n");
        for (int i = 0; i < c.categories().size(); i++) {
            out.append("<tr><td class=\"category\">").append(esc(c.categories().get(i).in(lang))).append("</td><td class=\"plot\">");
            for (int s = 0; s < c.series().size(); s++) {
                Number v = c.series().get(s).values().get(i);
                double width = 88 * v.doubleValue() / max;
                out.append("<div class=\"bar-line\"><div class=\"bar s").append(s).append("\" style=\"width: ")
                        .append(String.format(Locale.ROOT, "%.2f", Math.max(width, 0.3))).append("%\"></div><span class=\"value\">")
                        .append(esc(NumberText.format(v, v instanceof java.math.BigDecimal ? ValueKind.MILLIONS : ValueKind.COUNT, lang)))
                        .append("</span></div>");
            }
            out.append("</td></tr>\n");
        }
        out.append("</table>\n<p class=\"alt\">").append(esc(c.altText().in(lang))).append("</p>\n</div>\n");
    }

    private void notes(Table t) {
        Text source = t.source();
        if (t.footnotes().isEmpty() && (source == null || source.isEmpty())) {
            return;
        }
        out.append("<div class=\"notes\">\n");
        for (Text note : t.footnotes()) {
            out.append("<p>").append(esc(note.in(lang))).append("</p>\n");
        }
        if (source != null && !source.isEmpty()) {
            out.append("<p>").append(lang == Language.ZH ? "资料来源：" : "Source: ").append(esc(source.in(lang)))
                    .append("</p>\n");
        }
        out.append("</div>\n");
    }

    /** XML-escapes text and attribute values. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    // Control characters other than tab/newline are not allowed in XML 1.0.
                    if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') {
                        b.append(' ');
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }
}
