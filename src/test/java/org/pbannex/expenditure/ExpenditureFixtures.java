package org.pbannex.expenditure;

import java.util.List;
import org.pbannex.Golden;
import org.pbannex.reference.Biennium;

/** The bundled input's codes, and the four bienniums the synthetic files cover. */
final class ExpenditureFixtures {

    static final List<Biennium> BIENNIUMS = List.of(new Biennium(2016), new Biennium(2018), new Biennium(2020), new Biennium(2022));
    private static Dimensions dimensions;

    private ExpenditureFixtures() {
    }

    static synchronized Dimensions dimensions() {
        if (dimensions == null) {
            dimensions = ExpenditureDimensions.load(Golden.input(), new Biennium(2022));
        }
        return dimensions;
    }
}
