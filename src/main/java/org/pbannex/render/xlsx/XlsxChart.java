package org.pbannex.render.xlsx;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartLegend;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.pbannex.table.Chart;
import org.pbannex.table.Language;
import org.pbannex.table.Text;

/**
 * A native Excel clustered bar chart, placed below the table it belongs to, with its title and alt text. Its figures
 * are written as a small block of cells under a caption (categories down, one column per series) and the chart
 * refers to them, so every spreadsheet program draws it from visible numbers.
 */
final class XlsxChart {

    static final int HEIGHT_ROWS = 20;
    private static final int WIDTH_COLUMNS = 8;
    /** Series colours, the same as the PDF's (templates/annex.css .s0-.s5). */
    private static final byte[][] PALETTE = {rgb(0x1f4e79), rgb(0xe07b39), rgb(0x6a9f58), rgb(0xc94c4c), rgb(0x8064a2),
            rgb(0x7f7f7f)};

    private static byte[] rgb(int hex) {
        return new byte[] {(byte) (hex >> 16), (byte) (hex >> 8), (byte) hex};
    }

    private XlsxChart() {
    }

    /** Writes the chart's figures and draws the chart from {@code firstRow}; returns the first row after both. */
    static int draw(XSSFSheet sheet, XlsxStyles styles, Chart c, Language lang, int firstRow) {
        int dataRow = firstRow + 1;
        XlsxCells.text(sheet.createRow(firstRow), 0, XlsxText.CHART_DATA.with("title", c.title()).in(lang), styles.heading, styles);
        org.apache.poi.ss.usermodel.Row head = sheet.createRow(dataRow);
        XlsxCells.text(head, 0, "", styles.header, styles);
        for (int s = 0; s < c.series().size(); s++) {
            XlsxCells.text(head, s + 1, c.series().get(s).name().in(lang), styles.header, styles);
        }
        for (int i = 0; i < c.categories().size(); i++) {
            org.apache.poi.ss.usermodel.Row row = sheet.createRow(dataRow + 1 + i);
            XlsxCells.text(row, 0, c.categories().get(i).in(lang), styles.body, styles);
            for (int s = 0; s < c.series().size(); s++) {
                Number v = c.series().get(s).values().get(i);
                // Exact decimals (shares, millions) keep their one decimal; counts and amounts are whole.
                String format = v instanceof java.math.BigDecimal ? XlsxStyles.ONE_DECIMAL_FORMAT : XlsxStyles.AMOUNT_FORMAT;
                XlsxCells.number(row, s + 1, v.doubleValue(), styles.number(format, false));
            }
        }
        int lastDataRow = dataRow + c.categories().size();
        int chartRow = lastDataRow + 2;
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, chartRow, WIDTH_COLUMNS, chartRow + HEIGHT_ROWS);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(c.title().in(lang));
        chart.setTitleOverlay(false);
        XDDFChartLegend legend = chart.getOrAddLegend();
        legend.setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        values.setTitle(c.valueAxis().in(lang));
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
        data.setBarDirection(BarDirection.COL);
        data.setVaryColors(false);
        XDDFDataSource<String> names = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(dataRow + 1, lastDataRow, 0, 0));
        for (int s = 0; s < c.series().size(); s++) {
            XDDFNumericalDataSource<Double> numbers = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                    new CellRangeAddress(dataRow + 1, lastDataRow, s + 1, s + 1));
            XDDFBarChartData.Series series = (XDDFBarChartData.Series) data.addSeries(names, numbers);
            series.setTitle(c.series().get(s).name().in(lang), new CellReference(sheet.getSheetName(), dataRow, s + 1, true, true));
            // An explicit RGB fill: LibreOffice draws series without one as invisible bars.
            series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(PALETTE[s % PALETTE.length])));
        }
        chart.plot(data);
        altText(chart, c.title(), c.altText(), lang);
        return chartRow + HEIGHT_ROWS + 1;
    }

    // Screen readers read the drawing's name and description: the title and a sentence with the figures.
    private static void altText(XSSFChart chart, Text title, Text alt, Language lang) {
        var props = chart.getGraphicFrame().getCTGraphicalObjectFrame().getNvGraphicFramePr().getCNvPr();
        props.setTitle(title.in(lang));
        props.setDescr(alt.in(lang));
    }
}
