package org.pbannex.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.pbannex.table.Language;
import org.pbannex.table.ValueKind;

/**
 * Figures in US$ millions are grouped as the amounts beside them are once they reach 1 000 (tester66 case 48: a Figure 2
 * over larger inputs printed "5168.7" where the same edition writes "774,238,406"); below it nothing changes.
 */
class NumberTextTest {

    @Test
    void millionsAreGroupedAsAmountsInEachLanguage() {
        assertEquals("5,168.7", NumberText.format(new BigDecimal("5168.7"), ValueKind.MILLIONS, Language.EN));
        assertEquals("5 168.7", NumberText.format(new BigDecimal("5168.7"), ValueKind.MILLIONS, Language.ZH));
        assertEquals("-1,000.0", NumberText.format(new BigDecimal("-1000.0"), ValueKind.MILLIONS, Language.EN));
        assertEquals("626.4", NumberText.format(new BigDecimal("626.4"), ValueKind.MILLIONS, Language.EN));
        assertEquals("-0.5", NumberText.format(new BigDecimal("-0.5"), ValueKind.MILLIONS, Language.ZH));
        assertEquals("1234.5", NumberText.format(new BigDecimal("1234.5"), ValueKind.PERCENT, Language.EN), "a percentage as before");
    }
}
