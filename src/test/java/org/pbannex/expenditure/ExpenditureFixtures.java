package org.pbannex.expenditure;

import java.util.List;
import org.pbannex.Golden;
import org.pbannex.ingest.InputSet;
import org.pbannex.publication.Publication;
import org.pbannex.reference.Biennium;
import org.pbannex.reference.ReferenceData;
import org.pbannex.results.ResultsFramework;

/** The bundled input's codes, and the four bienniums the synthetic files cover. */
final class ExpenditureFixtures {

    static final List<Biennium> BIENNIUMS = List.of(new Biennium(2016), new Biennium(2018), new Biennium(2020), new Biennium(2022));
    private static Dimensions dimensions;

    private ExpenditureFixtures() {
    }

    static synchronized Dimensions dimensions() {
        if (dimensions == null) {
            InputSet in = Publication.ingest(Golden.input(), new Biennium(2022));
            ReferenceData ref = ReferenceData.from(in, new Biennium(2022));
            dimensions = ExpenditureDimensions.from(in, ref, ResultsFramework.from(in, ref));
        }
        return dimensions;
    }
}
