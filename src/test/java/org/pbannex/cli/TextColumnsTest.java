package org.pbannex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The terminal's tables: each column as wide as its widest cell, Chinese characters counted as two columns. */
class TextColumnsTest {

    @Test
    void aLongCellWidensItsColumnInsteadOfPushingItsRowOutOfLine() {
        List<String> lines = new TextColumns(">EXEC", "STEP", "STATUS", ">SECONDS").row(1, "validate", "COMPLETED", "0.1")
                .row(1, "expenditurePartition:partition00000", "COMPLETED", "12.0").lines();
        assertEquals(List.of(
                "EXEC STEP                                STATUS    SECONDS",
                "   1 validate                            COMPLETED     0.1",
                "   1 expenditurePartition:partition00000 COMPLETED    12.0"), lines);
    }

    @Test
    void chineseTakesTwoColumnsAndTheLastColumnIsNotPadded() {
        List<String> lines = new TextColumns("REVIEWER", "LANG", "TABLES").row("李伟 <li.wei@example.org>", "zh", "")
                .row("Maria Rossi <m@example.org>", "en", "t1 t2").lines();
        assertEquals(List.of(
                "REVIEWER                    LANG TABLES",
                "李伟 <li.wei@example.org>   zh",
                "Maria Rossi <m@example.org> en   t1 t2"), lines);
        assertEquals(4, TextColumns.columns("李伟"));
        assertEquals(3, TextColumns.columns("（a"));
    }
}
