package org.pbannex.render.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pbannex.table.Language;
import org.pbannex.table.Table;
import org.pbannex.table.Text;

class SheetNameTest {

    private static Table named(String id, Text shortName) {
        return new Table(id, Text.EMPTY, Text.of("title"), Text.EMPTY, Text.EMPTY, List.of(), List.of(), List.of(), Text.EMPTY,
                false, null, List.of(), shortName);
    }

    @Test
    void idThenWhatTheTableHolds() {
        Table t = named("a1", new Text("实施预算", "Operational budget"));
        assertEquals("a1 实施预算", SheetName.of(t, Language.ZH));
        assertEquals("a1 Operational budget", SheetName.of(t, Language.EN));
        assertEquals("a3", SheetName.of(named("a3", Text.EMPTY), Language.EN), "no short name: the id alone");
    }

    @Test
    void keepsWithinExcelsRules() {
        String name = SheetName.of(named("x9", Text.of("'Costs: [a/b] * by object? \\ and much more text'")), Language.EN);
        assertEquals("x9 Costs a b by object and much", name);
        assertEquals(SheetName.MAX_LENGTH, name.length());
    }
}
