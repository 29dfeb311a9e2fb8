package org.pbannex.render.xlsx;

import java.util.List;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFPieChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls;
import org.openxmlformats.schemas.drawingml.x2006.chart.STDLblPos;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextCharacterProperties;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextBody;
import org.pbannex.render.ChartColours;
import org.pbannex.table.Chart;
import org.pbannex.table.Language;
import org.pbannex.table.Text;

/**
 * A native Excel chart (clustered bars, or a pie for {@link Chart.Kind#PIE}) whose figures are the cells of its
 * table on the table's own sheet, with its title (and its note and the table's caveat), alt text, a legend and the
 * edition's font.
 * Where the figures cannot be found among the table's cells the chart carries them itself (and says so in the log);
 * the tests require every chart of the publication to read its table.
 */
public final class XlsxChart {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(XlsxChart.class);

    static final int HEIGHT_ROWS = 20;
    private static final int PIE_LEGEND_BESIDE = 4;
    /**
     * Series and slice colours, the PDF's first six (templates/annex.css .s0-.s5) and two more for pies; a chart with
     * more series or slices has more, derived (ChartColours), never one twice.
     */
    public static final List<String> PALETTE = List.of("#1f4e79", "#e07b39", "#6a9f58", "#c94c4c", "#8064a2", "#7f7f7f",
            "#2f8f9d", "#b8a030");

    private XlsxChart() {
    }

    /**
     * Draws the chart across column A of {@code sheet} from {@code firstRow}, reading its figures from {@code cells} of
     * {@code tableSheet} (null: the chart's own figures) and its category names from {@code categorySheet}. Its series
     * are named as the PDF's legend names them (a biennium with its printed mark, "2016-2017 *", not the table cell's
     * "[note 10]").
     */
    static XSSFChart draw(XSSFSheet sheet, XSSFSheet tableSheet, XSSFSheet categorySheet, Chart c, ChartCells cells,
                          Text caveat, Language lang, XlsxStyles.EditionFont font, int firstRow, Pies pies) {
        boolean legendBeside = pies.legendsBeside();
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, firstRow, 1, firstRow + HEIGHT_ROWS);
        anchor.setAnchorType(org.apache.poi.ss.usermodel.ClientAnchor.AnchorType.MOVE_AND_RESIZE);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(String.join("\n", titleLines(c, caveat, lang)));
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(legendBeside ? LegendPosition.RIGHT : LegendPosition.BOTTOM);
        if (cells == null) {
            LOG.warn("chart {}: its figures are not among its table's cells; the chart carries them itself", c.id());
        }
        XDDFDataSource<String> categories = cells == null
                ? XDDFDataSourcesFactory.fromArray(c.categories().stream().map(t -> t.in(lang)).toArray(String[]::new))
                : XDDFDataSourcesFactory.fromStringCellRange(categorySheet, cells.categories());
        XDDFChartData data = c.kind() == Chart.Kind.PIE ? pie(chart) : bars(chart, c, lang);
        List<String> colours = ChartColours.of(PALETTE, c.kind() == Chart.Kind.PIE ? c.categories().size() : c.series().size());
        for (int s = 0; s < c.series().size(); s++) {
            XDDFNumericalDataSource<? extends Number> numbers = cells == null
                    ? XDDFDataSourcesFactory.fromArray(c.series().get(s).values().stream().map(v -> v == null ? null : v.doubleValue()).toArray(Double[]::new))
                    : XDDFDataSourcesFactory.fromNumericCellRange(tableSheet, cells.series().get(s));
            XDDFChartData.Series series = data.addSeries(categories, numbers);
            series.setTitle(c.series().get(s).name().in(lang), null);
            if (c.kind() == Chart.Kind.PIE) {
                for (int i = 0; i < c.categories().size(); i++) {
                    series.getDataPoint(i).setFillProperties(fill(colours.get(i)));
                }
                valueLabels(((XDDFPieChartData.Series) series).getCTPieSer().addNewDLbls());
            } else {
                // An explicit RGB fill: LibreOffice draws series without one as invisible bars.
                series.setFillProperties(fill(colours.get(s)));
            }
        }
        chart.plot(data);
        if (c.kind() == Chart.Kind.PIE) {
            pieArea(chart, legendBeside, top(c, caveat, lang), pies.size());
        }
        font(chart, font, lang);
        // The frame's title is the chart's own; its description (the alt text) carries the caveat, once, first.
        name(chart, c, c.title().in(lang), c.workbookAltText(caveat).in(lang));
        return chart;
    }

    /** The title's lines: the chart's title, then its note and the table's caveat on lines of their own, as the PDF shows them. */
    static java.util.List<String> titleLines(Chart c, Text caveat, Language lang) {
        java.util.List<String> lines = new java.util.ArrayList<>(java.util.List.of(c.title().in(lang)));
        for (Text line : new Text[] {c.note(), caveat}) {
            if (!line.isEmpty()) {
                lines.add(line.in(lang));
            }
        }
        return lines;
    }

    /**
     * How a sheet's pies are laid out: their legends beside them or under them, and the pies' height as a fraction of
     * the chart's frame, one for them all.
     */
    record Pies(boolean legendsBeside, double size) {
    }

    /** A line of the charts' 10 pt text, as a fraction of the frame's height (HEIGHT_ROWS rows), with a little to spare. */
    private static final double LINE = 0.046;
    /** The frame's margin above the title and below the legend. */
    private static final double MARGIN = 0.03;
    /** How wide the title's text runs before it wraps, in column-width characters of bold text (as LibreOffice wraps it). */
    private static final int TITLE_CHARS = 56;
    /** A legend entry this long or shorter sits beside another when the legend is under the pie. */
    private static final int SHORT_ENTRY_CHARS = 24;

    /**
     * Whether the pies of one sheet have their legends beside them: while every pie's legend is short; under them when
     * one would leave its pie small. A sheet's pies have their legends in one place, and their size is the room the
     * most crowded one leaves between its title (with a note and a caveat, perhaps) and its legend, so that they are
     * drawn one size and none runs into its title or its legend.
     */
    static Pies pies(java.util.List<Chart> charts, Text caveat, Language lang) {
        boolean beside = charts.stream().allMatch(c -> c.kind() == Chart.Kind.PIE && c.categories().size() <= PIE_LEGEND_BESIDE);
        double size = charts.stream().filter(c -> c.kind() == Chart.Kind.PIE)
                .mapToDouble(c -> bottom(c, lang, beside) - top(c, caveat, lang)).min().orElse(0);
        return new Pies(beside, size);
    }

    // Where the pie can start: under the title's lines, each wrapped as it runs, and a line for a thin slice's figure,
    // which the program sets outside the pie.
    private static double top(Chart c, Text caveat, Language lang) {
        int lines = titleLines(c, caveat, lang).stream().mapToInt(l -> TextLayout.lines(l, TITLE_CHARS, true)).sum();
        return MARGIN + LINE * (lines + 1);
    }

    // Where the pie must end: above its legend, whose entries sit two to a row where they are all short, else one.
    private static double bottom(Chart c, Language lang, boolean legendBeside) {
        if (legendBeside) {
            return 1 - MARGIN;
        }
        int entries = c.categories().size();
        boolean twoToARow = c.categories().stream().allMatch(k -> TextLayout.width(k.in(lang), false) <= SHORT_ENTRY_CHARS);
        int rows = twoToARow ? (entries + 1) / 2 : entries;
        return 1 - MARGIN - LINE * (rows + 1);
    }

    /**
     * The pie's plot area at a set place in the chart (fractions of its frame): under its title, its height the
     * sheet's pies' one size, the legend beside or below. Left to the program, a pie's size followed its legend's, and
     * two pies of one sheet differed (annex 4's); set at one place for all, a pie ran into a title of several lines.
     */
    private static void pieArea(XSSFChart chart, boolean legendBeside, double top, double size) {
        var plot = chart.getCTChart().getPlotArea();
        // POI writes an empty layout; a second one would make the file invalid (Excel repairs it).
        var layout = (plot.isSetLayout() ? plot.getLayout() : plot.addNewLayout()).addNewManualLayout();
        layout.addNewLayoutTarget().setVal(org.openxmlformats.schemas.drawingml.x2006.chart.STLayoutTarget.INNER);
        layout.addNewXMode().setVal(org.openxmlformats.schemas.drawingml.x2006.chart.STLayoutMode.EDGE);
        layout.addNewYMode().setVal(org.openxmlformats.schemas.drawingml.x2006.chart.STLayoutMode.EDGE);
        layout.addNewX().setVal(legendBeside ? 0.05 : 0.1);
        layout.addNewY().setVal(top);
        layout.addNewW().setVal(legendBeside ? 0.6 : 0.8);
        layout.addNewH().setVal(size);
    }

    private static XDDFChartData pie(XSSFChart chart) {
        XDDFPieChartData data = (XDDFPieChartData) chart.createData(ChartTypes.PIE, null, null);
        data.setVaryColors(true);
        return data;
    }

    private static XDDFChartData bars(XSSFChart chart, Chart c, Language lang) {
        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        if (!c.valueAxis().isEmpty()) {
            values.setTitle(c.valueAxis().in(lang));
        }
        // Category names wrap under their bars rather than turn on their side.
        categories.getOrAddTextProperties();
        var labelBody = chart.getCTChart().getPlotArea().getCatAxArray(0).getTxPr().getBodyPr();
        labelBody.setRot(0);
        labelBody.setVert(org.openxmlformats.schemas.drawingml.x2006.main.STTextVerticalType.HORZ);
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
        data.setBarDirection(BarDirection.COL);
        data.setVaryColors(false);
        return data;
    }

    private static XDDFSolidFillProperties fill(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return new XDDFSolidFillProperties(XDDFColor.from(new byte[] {(byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb}));
    }

    // Each slice shows its name and its share, one decimal and its per cent sign ("Turin Centre; 2.1%", as the PDF's and
    // HTML edition's pies say it: bare figures gave the pie no unit at all; tester 76b), outside the slice, on a leader
    // line where it stands off: a slice is found by its name, not by its colour alone, and the label is on the white
    // ground, where black figures on the darker slices were hard to read (tester 78b, 10). The words are the chart's
    // category cells, the table's own.
    private static void valueLabels(CTDLbls labels) {
        labels.addNewNumFmt().setFormatCode(XlsxStyles.SHARE_FORMAT);
        labels.getNumFmt().setSourceLinked(false);
        labels.addNewDLblPos().setVal(STDLblPos.BEST_FIT);
        labels.addNewShowLegendKey().setVal(false);
        labels.addNewShowVal().setVal(true);
        labels.addNewShowCatName().setVal(true);
        labels.addNewShowSerName().setVal(false);
        labels.addNewShowPercent().setVal(false);
        labels.addNewShowBubbleSize().setVal(false);
        labels.setSeparator("; ");
        labels.addNewShowLeaderLines().setVal(true);
    }

    // Chart text in the edition's font (the theme's would have no Chinese), 10 pt, in the edition's language: POI
    // marks the runs it writes (titles, axis titles) as English, which spell-checks and reads Chinese as English.
    private static void font(XSSFChart chart, XlsxStyles.EditionFont font, Language lang) {
        CTTextBody text = chart.getCTChartSpace().isSetTxPr() ? chart.getCTChartSpace().getTxPr()
                : chart.getCTChartSpace().addNewTxPr();
        text.addNewBodyPr();
        text.addNewLstStyle();
        CTTextCharacterProperties props = text.addNewP().addNewPPr().addNewDefRPr();
        props.setSz(1000);
        props.addNewLatin().setTypeface(font.name);
        props.addNewEa().setTypeface(font.name);
        props.addNewCs().setTypeface(font.name);
        props.setLang(lang.tag());
        for (String element : new String[] {"rPr", "endParaRPr"}) {
            for (XmlObject run : chart.getCTChartSpace().selectPath(
                    "declare namespace a='http://schemas.openxmlformats.org/drawingml/2006/main' .//a:" + element)) {
                ((CTTextCharacterProperties) run).setLang(lang.tag());
            }
        }
    }

    // Screen readers read the drawing's name, title and description: the chart id, its title and its figures.
    private static void name(XSSFChart chart, Chart c, String title, String alt) {
        var props = chart.getGraphicFrame().getCTGraphicalObjectFrame().getNvGraphicFramePr().getCNvPr();
        props.setName(c.id());
        props.setTitle(title);
        props.setDescr(alt);
    }
}
