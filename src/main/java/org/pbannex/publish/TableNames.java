package org.pbannex.publish;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pbannex.ingest.Said;
import org.pbannex.publication.TableCatalogue;

/**
 * The tables a line offers when a table id is unknown (--tables, a job's tables, a reviewer's), in both languages: the
 * ids in English, as stderr has always listed them; in Chinese each id with the table's name as the input's texts give
 * it (as they stand), its printed number ({@code <id>.number}: 资料附件 1, 表 2), else its title, so that a Chinese
 * reader knows which is which. Texts that cannot be read (a workbook given as the input) leave the ids alone.
 */
public final class TableNames {

    private TableNames() {
    }

    /** Every table of the catalogue, joined by {@code separator} in English ("," or " "), by 、 in Chinese. */
    public static Said.Written listed(Path input, String separator) {
        ReportWords texts = ReportWords.read(input, null);
        List<String> named = new ArrayList<>();
        for (String id : TableCatalogue.ids()) {
            String number = texts.textOf(id + ".number").zh();
            String name = number.isBlank() ? texts.textOf(id + ".title").zh() : number;
            // A title's placeholders ({cur}) are the biennium's, unknown here: such a title is left out.
            named.add(name.isBlank() || name.contains("{") ? id : id + "（" + name.strip() + "）");
        }
        return new Said.Written(String.join("、", named), String.join(separator, TableCatalogue.ids()));
    }
}
