package org.pbannex.ingest;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One Table Schema field with the constraints pb-annex enforces. Besides the standard ones: {@code decimalPlaces}
 * (most decimals a number may have), {@code pbFormulaLike} (whether a text may start with = + - @, see
 * {@link TextRules}), {@code pbLineBreaks} ("allowed": a text of several paragraphs may hold line feeds) and
 * {@code pbFormulaCell} ("cachedNumber": a workbook cell with a formula is read as its cached number instead of being
 * refused).
 */
public record Field(String name, FieldType type, String description, boolean required, BigDecimal minimum,
                    BigDecimal maximum, Pattern pattern, List<String> allowed, Integer maxDecimals,
                    TextRules.FormulaLike formulaLike, boolean lineBreaksAllowed, boolean formulaCellAllowed) {

    public boolean numeric() {
        return type == FieldType.INTEGER || type == FieldType.NUMBER;
    }
}
