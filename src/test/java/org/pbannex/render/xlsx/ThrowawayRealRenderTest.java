package org.pbannex.render.xlsx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pbannex.render.PublicationInfo;
import org.pbannex.table.Language;
import org.pbannex.table.Text;

class ThrowawayRealRenderTest {
    @Test
    void render() throws Exception {
        var pub = org.pbannex.publication.Publication.compute(Path.of("/work/main/input"), org.pbannex.reference.Biennium.parse("2022-23"));
        var info = new PublicationInfo(new Text("方案和预算 2022-2023 资料附件", "Programme and Budget 2022-23 annexes"),
                new Text("方案和预算文件", "Programme and Budget document"), "2022-23", "run-test", "2024-05-01T09:00:00+02:00",
                "0.1.0-SNAPSHOT", List.of("2022-23/budget.csv sha256=0123 100 rows"), Text.of("someone@example.org"),
                Text.of("Cite as ..."), List.of(new Text("数字经四舍五入。", "Figures are rounded.")));
        for (Language l : Language.values()) {
            XlsxWorkbookWriter.write(new ArrayList<>(pub.tables().values()), l, info, Path.of("/tmp/real-" + l.code() + ".xlsx"));
            try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.File("/tmp/real-" + l.code() + ".xlsx"));
                 var w = java.nio.file.Files.newBufferedWriter(Path.of("/tmp/real-" + l.code() + ".txt"))) {
                var f = new org.apache.poi.ss.usermodel.DataFormatter(java.util.Locale.UK);
                for (var sh : wb) {
                    var xs = (org.apache.poi.xssf.usermodel.XSSFSheet) sh;
                    w.write("=== " + sh.getSheetName() + " tables=" + xs.getTables().stream().map(t -> t.getName() + " " + t.getArea().formatAsString()).toList()
                            + " landscape=" + sh.getPrintSetup().getLandscape() + " widths=");
                    for (int c = 0; c < 10; c++) w.write(sh.getColumnWidth(c) / 256 + ",");
                    w.write("\n");
                    for (var r : sh) {
                        w.write((r.getRowNum() + 1) + (r.getHeightInPoints() != 15f ? " [h=" + r.getHeightInPoints() + "]" : "") + ": ");
                        for (var c : r) {
                            w.write(c.getAddress() + (c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC ? "#" : "") + "=" + f.formatCellValue(c)
                                    + (c.getHyperlink() != null ? " ->" + c.getHyperlink().getAddress() : "") + " | ");
                        }
                        w.write("\n");
                    }
                }
            }
        }
    }
}
