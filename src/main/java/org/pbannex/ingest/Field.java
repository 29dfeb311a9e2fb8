package org.pbannex.ingest;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One Table Schema field with the constraints pb-annex enforces. Besides the standard ones: {@code decimalPlaces}
 * (most decimals a number may have), {@code pbFormulaLike} (whether a text may start with = + - @, see
 * {@link TextRules}), {@code pbLineBreaks} ("allowed": a text of several paragraphs may hold line feeds) and
 * {@code pbFormulaCell} ("cachedNumber": a workbook cell with a formula is read as its cached number instead of being
 * refused) and {@code pbOneLanguage} ("allowed": this text of a pair {@code x_zh}/{@code x_en} may be empty where the
 * other is given, as an English baseline made from its value and year; elsewhere a row gives both or neither) and
 * {@code pbTotalWords} ("refused": a label of rows the tables total themselves may not be a total's word, see
 * {@link TotalWords}) and {@code pbMixedLanguage} ("allowed", or a list of texts: the column's texts, or those, may
 * mix the languages, see {@link LanguageRules.Exemption}) and {@code pbYearsBeforeBiennium} (a whole number of years:
 * how long before its biennium starts a date or period of the field may be, e.g. a proposal's date; see
 * BienniumConsistency) and {@code pbSameAs} ("resource.field": the value each row must hold is that resource's row's,
 * as a difference names the print publication.csv names, which the publication checks with its own words; an input
 * workbook exported before the column existed is told to add it with that value) and {@code pbColumn} ("optional": a
 * file may leave the whole column out, its values then all empty, as a file written before the column existed) and
 * {@code pbDescriptionZh} (the description in Chinese, for a failed run's Chinese report).
 */
public record Field(String name, FieldType type, String description, String descriptionZh, boolean required, BigDecimal minimum,
                    BigDecimal maximum, Pattern pattern, List<String> allowed, Integer maxDecimals,
                    TextRules.FormulaLike formulaLike, boolean lineBreaksAllowed, boolean formulaCellAllowed,
                    boolean oneLanguageAllowed, boolean totalWordsRefused, LanguageRules.Exemption mixedLanguage,
                    Integer yearsBeforeBiennium, String sameAs, boolean columnOptional) {

    public Field {
        mixedLanguage = mixedLanguage == null ? LanguageRules.Exemption.NONE : mixedLanguage;
        descriptionZh = descriptionZh == null ? "" : descriptionZh;
    }

    /**
     * What the field takes, in both languages: its description and, for a failed run's Chinese report, its
     * {@code pbDescriptionZh} (the English description where it has none).
     */
    public Said.Written described() {
        return new Said.Written(descriptionZh.isEmpty() ? description : descriptionZh, description);
    }

    /** The other language's field of a pair ({@code label_zh} for {@code label_en}, {@code zh} for {@code en}), or null. */
    public String pairName() {
        for (String[] p : new String[][] {{"_zh", "_en"}, {"_en", "_zh"}}) {
            if (name.endsWith(p[0])) {
                return name.substring(0, name.length() - 3) + p[1];
            }
        }
        return name.equals("zh") ? "en" : name.equals("en") ? "zh" : null;
    }

    /**
     * The language of a text field's values: "en" for {@code x_en} (and texts' {@code en}), "zh" for {@code x_zh} (and
     * {@code zh}); null for a field of no language (a code, a number). {@link LanguageRules} holds each to its language.
     */
    public String language() {
        if (type != FieldType.STRING) {
            return null;
        }
        for (String lang : new String[] {"zh", "en"}) {
            if (name.equals(lang) || name.endsWith("_" + lang)) {
                return lang;
            }
        }
        return null;
    }

    /** The same field, its texts exempt from the language rule as {@code exemption} says. */
    Field mixingLanguages(LanguageRules.Exemption exemption) {
        return new Field(name, type, description, descriptionZh, required, minimum, maximum, pattern, allowed, maxDecimals, formulaLike,
                lineBreaksAllowed, formulaCellAllowed, oneLanguageAllowed, totalWordsRefused, exemption, yearsBeforeBiennium, sameAs,
                columnOptional);
    }

    public boolean numeric() {
        return type == FieldType.INTEGER || type == FieldType.NUMBER;
    }
}
