package org.pbannex.ingest;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/** One Table Schema field with the constraints pb-annex enforces. */
public record Field(String name, FieldType type, String description, boolean required, BigDecimal minimum,
                    BigDecimal maximum, Pattern pattern, List<String> allowed, Integer maxDecimals) {
}
