package org.pbannex.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A reference file given the program's new columns (tester 78a, F3): filled by key, the installation's own rows left empty. */
class ReferenceColumnsTest {

    @Test
    void newColumnsGoWhereTheProgramHasThemFilledFromItsRowsOfTheSameKey() {
        CsvRows data = new CsvRows(List.of("region", "label_en", "split_targets"),
                List.of(List.of("AP", "Asia and the Pacific (ours)", "true"), List.of("XX", "Our own region", "false")));
        CsvRows program = new CsvRows(List.of("region", "label_en", "target_name_zh", "split_targets", "target_name_en"),
                List.of(List.of("AF", "Africa", "", "true", ""), List.of("AP", "Asia and the Pacific", "亚太", "true", "Asia-Pacific")));
        ReferenceColumns c = ReferenceColumns.of(data, program);
        assertEquals(List.of("target_name_zh", "target_name_en"), c.added());
        assertEquals(List.of("region", "label_en", "target_name_zh", "split_targets", "target_name_en"), c.upgraded().header());
        assertEquals(List.of(List.of("AP", "Asia and the Pacific (ours)", "亚太", "true", "Asia-Pacific"),
                List.of("XX", "Our own region", "", "false", "")), c.upgraded().rows(), "the installation's cells kept");
        assertEquals(List.of("XX"), c.unmatched());
    }

    @Test
    void aFileWithEveryColumnIsLeftAsItIs() {
        CsvRows data = new CsvRows(List.of("unit", "label_en"), List.of(List.of("u1", "Ours")));
        ReferenceColumns c = ReferenceColumns.of(data, new CsvRows(List.of("unit", "label_en"), List.of(List.of("u1", "Theirs"))));
        assertEquals(List.of(), c.added());
        assertEquals(data, c.upgraded());
    }
}
