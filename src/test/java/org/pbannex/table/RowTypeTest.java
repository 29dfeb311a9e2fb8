package org.pbannex.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The tidy CSVs' row_type values are a contract (README, DESIGN): each is its row type's name, as the code says it. */
class RowTypeTest {

    @Test
    void eachRowTypeIsWrittenAsItsOwnName() {
        assertEquals(List.of("heading", "unit", "group_subtotal", "part_total", "grand_total"),
                Arrays.stream(RowType.values()).map(RowType::code).toList());
        for (RowType t : RowType.values()) {
            assertEquals(t.name().toLowerCase(Locale.ROOT), t.code(), t + " is written as another name");
        }
    }
}
