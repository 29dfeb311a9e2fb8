package org.pbannex.publish;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.pbannex.ingest.Said;
import org.pbannex.publication.TableCatalogue;
import org.pbannex.table.Text;

/**
 * How a message names a table for a reader, from the input's texts: its printed number ({@code <id>.number}: 资料附件 1,
 * 表 2), else its title, so that a Chinese reader knows which is which. The one lookup of a failed check's table (表
 * A2-2（a2-2）), a report's check groups and warnings (a2（资料附件 2）), and the tables an unknown table id is told
 * (--tables, a job's tables, a reviewer's).
 */
public final class TableNames {

    private TableNames() {
    }

    /**
     * The table's name in {@code texts} (a key's text, empty where they lack it); empty where they give none, or one
     * with a placeholder they leave unfilled (texts read as they stand know no biennium's {cur}).
     */
    public static Text of(String id, Function<String, Text> texts) {
        Text number = texts.apply(id + ".number");
        Text name = number.isEmpty() ? texts.apply(id + ".title") : number;
        return name.zh().contains("{") || name.en().contains("{") ? Text.EMPTY : name;
    }

    /**
     * Every table of the catalogue as an unknown id's message lists them, from the texts of {@code input} as they
     * stand: the ids joined by {@code separator} in English ("," or " "), as stderr has always listed them; in Chinese
     * each id with its name (report.named) joined by report.list. Texts that cannot be read (a workbook given as the
     * input) leave the ids alone.
     */
    public static Said.Written listed(Path input, String separator) {
        ReportWords words = ReportWords.read(input, null);
        ReportWords.In zh = new ReportWords.In(words, org.pbannex.table.Language.ZH);
        List<String> named = new ArrayList<>();
        for (String id : TableCatalogue.ids()) {
            Text name = of(id, words::textOf);
            named.add(name.zh().isBlank() || words.lacks("named") ? id : zh.say("named", "id", id, "name", name.zh().strip()));
        }
        return new Said.Written(words.lacks("list") ? String.join(separator, named) : zh.join(named),
                String.join(separator, TableCatalogue.ids()));
    }
}
