package org.pbannex.render.xlsx;

import javax.xml.namespace.QName;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.xmlbeans.XmlCursor;

/** The styles part's named style "Normal", which POI leaves out and Excel always writes. */
public final class NormalStyle {

    private NormalStyle() {
    }

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /**
     * Adds the named style "Normal", which every cell style is based on (xfId 0), as Excel writes it: POI writes the
     * styles part without one, and a program that needs it (openpyxl) warns and makes up its own. The typed classes
     * of the cellStyles element are not in poi-ooxml-lite, so it is written as plain XML, after cellXfs as the schema
     * orders it. The input workbook has none: with it, LibreOffice cut
     * off wrapped text of its printed sheets (InputWorkbookLanguageTest), whose row heights are measured without one.
     */
    public static void addTo(XSSFWorkbook wb) {
        var sheet = wb.getStylesSource().getCTStylesheet();
        if (!sheet.isSetCellXfs()) {
            sheet.addNewCellXfs();
        }
        try (XmlCursor c = sheet.getCellXfs().newCursor()) {
            c.toEndToken();
            c.toNextToken(); // just after </cellXfs>
            c.beginElement(new QName(MAIN, "cellStyles"));
            c.insertAttributeWithValue("count", "1");
            c.beginElement(new QName(MAIN, "cellStyle"));
            c.insertAttributeWithValue("name", "Normal");
            c.insertAttributeWithValue("xfId", "0");
            c.insertAttributeWithValue("builtinId", "0");
        }
    }
}
