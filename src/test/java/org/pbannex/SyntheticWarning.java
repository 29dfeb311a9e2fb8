package org.pbannex;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The phrase that says synthetic figures are not the ILO's, however a text words it: "并非劳工组织的数据", "不是劳工局的实际数据",
 * "not ILO data", "not ILO figures". The outputs must give it one way per language (texts.csv's synthetic.not_ilo_data).
 */
public final class SyntheticWarning {

    public static final String ZH = "并非劳工组织的数据";
    public static final String EN = "not ILO data";

    /** Whose figures they are not, between "not" and "data": "不是数字" alone (an input's "not a number") is no such phrase. */
    private static final Pattern ZH_PHRASE = Pattern.compile("(?:不是|并非)[^，。；()（）\\s]{1,10}?(?:数据|数字)");
    private static final Pattern EN_PHRASE = Pattern.compile("not (?:the )?ILO(?:'s)? \\w+");

    private SyntheticWarning() {
    }

    /** Every wording of the phrase in the text, in either language. */
    public static List<String> in(String text) {
        return Stream.concat(ZH_PHRASE.matcher(text).results(), EN_PHRASE.matcher(text).results()).map(m -> m.group()).toList();
    }
}
