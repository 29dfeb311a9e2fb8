package org.pbannex.render.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pbannex.render.NoteNumbers;
import org.pbannex.render.PublicationInfo;
import org.pbannex.render.WholeFile;
import org.pbannex.render.markup.ChartView;
import org.pbannex.render.markup.CoverView;
import org.pbannex.render.markup.TableView;
import org.pbannex.render.markup.Templates;
import org.pbannex.render.markup.Wording;
import org.pbannex.render.xlsx.XlsxWorkbookWriter;
import org.pbannex.table.Language;
import org.pbannex.table.Table;
import org.unbescape.html.HtmlEscape;

/**
 * The accessible HTML edition: one self-contained file per language (pb-annexes-2022-23.zh.html) with every table as
 * an HTML table (caption, column groups, heading cells with scopes, the edition's number format), charts as inline SVG
 * with a title and a description, a table of contents, notes and sources, print CSS. It loads nothing: no script, no
 * font, no image, no URL outside the file. Built from templates/html-edition.html, which shares the table markup
 * with the PDF (templates/fragments/table.html).
 */
public final class HtmlEditionWriter {

    private static final String CSS = "/templates/html-edition.css";
    /** The id of the list of input files' heading: the contents and the cover link to it. */
    static final String INPUTS_HEADING = "inputs-heading";
    /** A character no text has, standing in for the cover's link while its sentence is escaped. */
    private static final String LINK = "\uE000";

    private HtmlEditionWriter() {
    }

    public static void write(List<Table> tables, Language language, PublicationInfo info, Wording wording, Path out)
            throws IOException {
        String html = html(tables, language, info, wording);
        WholeFile.write(out, os -> os.write(html.getBytes(StandardCharsets.UTF_8)));
    }

    static String html(List<Table> tables, Language language, PublicationInfo info, Wording wording) throws IOException {
        // A note's marker is named by the note's number, as the run's workbook numbers its notes ("† note 9").
        NoteNumbers numbers = XlsxWorkbookWriter.noteNumbers(tables, language, info, wording);
        List<TableView> views = tables.stream().map(t -> TableView.of(t, language, numbers)).toList();
        Map<String, SvgChart> svg = new LinkedHashMap<>();
        // A bar chart's drawing for a phone's screen beside the desktop's (SvgChart.narrow); a pie has one for both.
        Map<String, SvgChart> narrow = new LinkedHashMap<>();
        for (TableView t : views) {
            for (ChartView c : t.charts()) {
                svg.put(c.id(), SvgChart.of(c));
                SvgChart phone = SvgChart.narrow(c);
                if (phone != null) {
                    narrow.put(c.id(), phone);
                }
            }
        }
        CoverView cover = CoverView.of(info, wording, language, tables.stream().map(Table::id).toList());
        Map<String, Object> vars = new HashMap<>();
        vars.put("lang", language.tag());
        vars.put("info", cover);
        vars.put("about", wording.in("about_html", language).replace("{title}", cover.title()));
        vars.put("w", wording.all(language, "contents", "notes", "back_to_contents", "source_line", "inputs", "chart_figures",
                "not_printed", "zero", "minus", "years_months", "years_months_one", "note_ref", "note_number", "workbook.col_file", "workbook.col_rows", "workbook.col_sha256", "checksum_in_run"));
        // The cover's pointer to the list of input files, its words "listed at the end of this page" a link to that list:
        // the sentence escaped around a stand-in for the link, then the link in its place.
        vars.put("syntheticInputs", HtmlEscape.escapeHtml4Xml(wording.in("synthetic_inputs_html", language).replace("{listed}", LINK))
                .replace(LINK, "<a href=\"#" + INPUTS_HEADING + "\">"
                        + HtmlEscape.escapeHtml4Xml(wording.in("synthetic_inputs_listed", language)) + "</a>"));
        vars.put("inputsHeading", INPUTS_HEADING);
        vars.put("tables", views);
        vars.put("svg", svg);
        vars.put("narrow", narrow);
        vars.put("css", Templates.resource(CSS));
        return Templates.render("html-edition", vars, language.locale());
    }

}
