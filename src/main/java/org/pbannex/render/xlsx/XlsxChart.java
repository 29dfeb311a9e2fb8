package org.pbannex.render.xlsx;

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
 * A native Excel clustered bar chart, placed below the table it belongs to, with its title and alt text. The
 * values are written into the chart itself, so the chart does not depend on where the table's cells are.
 */
final class XlsxChart {

    static final int HEIGHT_ROWS = 20;
    private static final int WIDTH_COLUMNS = 8;

    private XlsxChart() {
    }

    /** Draws the chart from {@code firstRow}; returns the first row after it. */
    static int draw(XSSFSheet sheet, Chart c, Language lang, int firstRow) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, firstRow, WIDTH_COLUMNS, firstRow + HEIGHT_ROWS);
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
        XDDFDataSource<String> names = XDDFDataSourcesFactory.fromArray(
                c.categories().stream().map(t -> t.in(lang)).toArray(String[]::new));
        for (Chart.Series s : c.series()) {
            XDDFNumericalDataSource<Double> numbers = XDDFDataSourcesFactory.fromArray(
                    s.values().stream().map(Number::doubleValue).toArray(Double[]::new));
            XDDFBarChartData.Series series = (XDDFBarChartData.Series) data.addSeries(names, numbers);
            series.setTitle(s.name().in(lang), null);
        }
        chart.plot(data);
        altText(chart, c.title(), c.altText(), lang);
        return firstRow + HEIGHT_ROWS + 1;
    }

    // Screen readers read the drawing's name and description: the title and a sentence with the figures.
    private static void altText(XSSFChart chart, Text title, Text alt, Language lang) {
        var props = chart.getGraphicFrame().getCTGraphicalObjectFrame().getNvGraphicFramePr().getCNvPr();
        props.setTitle(title.in(lang));
        props.setDescr(alt.in(lang));
    }
}
