package org.pbannex.ingest;

import java.util.regex.Pattern;

/**
 * Each edition in its own language: an English text ({@code x_en}, texts' {@code en}) holds no Chinese character
 * (a Han ideograph, CJK punctuation such as 、 or 。, a full-width form such as ，), which the English edition would
 * print; a Chinese text ({@code x_zh}, texts' {@code zh}) with no Han character is not a sentence in English: a code,
 * a number, a name or two (ILO, SDG 8.5, Noto Sans), a placeholder ({title}) pass, three words or more in lower-case
 * letters do not (the English text typed or pasted into the Chinese column). A column's schema may exempt its texts,
 * or some of them, where the mix is right ({@link Exemption}).
 */
final class LanguageRules {

    /** The most Latin words a Chinese text without a Han character may hold: a name ("UN Women"), not a sentence. */
    static final int MOST_LATIN_WORDS = 2;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}]*\\}");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** A word: two letters or more, one lower-case (ILO, SDG, MB are codes), no digit (i1, 8.5 are codes). */
    private static final Pattern WORD = Pattern.compile("(?=\\p{IsLatin}*\\p{Ll})\\p{IsLatin}{2,}([-'’]\\p{IsLatin}+)*[.,;:!?)]*");

    private LanguageRules() {
    }

    /**
     * Where a column's texts may mix the languages, as its schema declares ({@code "pbMixedLanguage"}): every text
     * ({@code "allowed"}: a column of proper names or acronym lists), or these texts only (a list: the cells where the
     * mix is right, each as typed), or none (absent).
     */
    record Exemption(boolean all, java.util.Set<String> texts) {

        static final Exemption NONE = new Exemption(false, java.util.Set.of());

        Exemption {
            texts = java.util.Set.copyOf(texts);
        }

        /** Whether this stripped text is exempt. */
        boolean covers(String value) {
            return all || texts.contains(value);
        }
    }

    /** The column's exemption from its schema's {@code pbMixedLanguage}, or why it is not one (IllegalArgumentException). */
    static Exemption exemption(tools.jackson.databind.JsonNode property, String fieldName, String language) {
        if (property.isMissingNode()) {
            return Exemption.NONE;
        }
        if (language == null) {
            throw new IllegalArgumentException("pbMixedLanguage is for a text column of one language (x_zh, x_en, texts' zh "
                    + "and en), not '" + fieldName + "'");
        }
        if (property.isString() && property.asString().equals("allowed")) {
            return new Exemption(true, java.util.Set.of());
        }
        java.util.Set<String> texts = new java.util.HashSet<>();
        if (property.isArray()) {
            property.forEach(t -> texts.add(t.isString() ? t.asString().strip() : ""));
        }
        if (!property.isArray() || property.isEmpty() || texts.contains("")) {
            throw new IllegalArgumentException("pbMixedLanguage must be \"allowed\" (every text of the column) or a list of "
                    + "the texts that may mix the languages, each as typed (or absent)");
        }
        return new Exemption(false, texts);
    }

    /** Why a stripped text of the language ("zh", "en") is not in it, or null. */
    static Said problem(String value, String language) {
        return "en".equals(language) ? chineseInEnglish(value) : "zh".equals(language) ? englishInChinese(value) : null;
    }

    private static Said chineseInEnglish(String value) {
        int found = -1;
        int count = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (isChinese(cp)) {
                found = found < 0 ? i : found;
                count++;
            }
            i += Character.charCount(cp);
        }
        if (found < 0) {
            return null;
        }
        int cp = value.codePointAt(found);
        String ascii = HalfWidth.ascii(cp);
        boolean han = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
        return Said.of(count > 1 ? "chinese_in_english_n" : "chinese_in_english",
                "kind", Said.of(han ? "char.han" : HalfWidth.isFullWidth(cp) ? "char.full_width" : "char.chinese_punctuation"),
                "character", TextRules.named(cp), "glyph", new String(Character.toChars(cp)),
                "at", String.valueOf(value.codePointCount(0, found) + 1), "count", String.valueOf(count),
                "fix", ascii != null ? Said.of("fix.half_width", "ascii", ascii) : Said.of("fix.write_english"));
    }

    private static Said englishInChinese(String value) {
        if (value.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
            return null;
        }
        long words = SPACES.splitAsStream(PLACEHOLDER.matcher(value).replaceAll(" "))
                .filter(w -> WORD.matcher(w).matches()).count();
        if (words <= MOST_LATIN_WORDS) {
            return null;
        }
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return Said.of("english_in_chinese", "value", shown, "words", String.valueOf(words), "most", String.valueOf(MOST_LATIN_WORDS));
    }

    /** A character of Chinese writing: a Han ideograph, CJK punctuation and symbols, a full-width form, a kana. */
    static boolean isChinese(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.BOPOMOFO
                || script == Character.UnicodeScript.HANGUL) {
            return true;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || block == Character.UnicodeBlock.CJK_COMPATIBILITY_FORMS
                || block == Character.UnicodeBlock.VERTICAL_FORMS
                || block == Character.UnicodeBlock.CJK_COMPATIBILITY
                || block == Character.UnicodeBlock.ENCLOSED_CJK_LETTERS_AND_MONTHS;
    }
}
