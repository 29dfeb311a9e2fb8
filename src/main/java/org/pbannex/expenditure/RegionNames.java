package org.pbannex.expenditure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.pbannex.ingest.InputSet;
import org.pbannex.reference.Biennium;
import org.pbannex.table.Text;

/**
 * The regions' names as the list in force for a biennium gives them: its data folder's list (its own copy, else the
 * shared one), or the shared list for a biennium without a folder, as its lines are checked against. Figure 2 shows an
 * earlier biennium's expenditure under the run's names: where those differ, it says what the region was called then.
 */
public final class RegionNames {

    private RegionNames() {
    }

    /** Region code to name (label_zh, label_en) for the biennium starting in {@code firstYear}; {@code in} is the run's. */
    public static Map<String, Text> inForce(InputSet in, int firstYear) {
        boolean own = Biennium.parse(in.biennium()).firstYear() == firstYear;
        boolean folder = Biennium.scan(in.inputDir()).biennia().stream().anyMatch(b -> b.firstYear() == firstYear);
        InputSet list = own ? in : InputSet.loadOnly(in.inputDir(), folder ? new Biennium(firstYear).code() : null, Set.of("regions"));
        Map<String, Text> names = new LinkedHashMap<>();
        list.table("regions").forEach(r -> names.put(r.text("region"), new Text(r.text("label_zh"), r.text("label_en"))));
        return names;
    }
}
