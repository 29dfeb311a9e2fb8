package org.pbannex.expenditure;

import org.pbannex.ingest.InputSet;
import org.pbannex.reference.ExpenditureObject;
import org.pbannex.reference.ReferenceData;
import org.pbannex.reference.Region;
import org.pbannex.results.ResultsFramework;

/** The codes expenditure lines may use, taken from one input folder's reference data and outcomes. */
public final class ExpenditureDimensions {

    private ExpenditureDimensions() {
    }

    /** Reads the input folder's reference data (the whole package is validated) and takes the codes from it. */
    public static Dimensions load(java.nio.file.Path inputDir, org.pbannex.reference.Biennium biennium) {
        InputSet in = InputSet.load(inputDir, biennium.code());
        ReferenceData ref = ReferenceData.from(in, biennium);
        return from(in, ref, ResultsFramework.from(in, ref));
    }

    public static Dimensions from(InputSet in, ReferenceData ref, ResultsFramework results) {
        return new Dimensions(ref.regions().stream().map(Region::code).toList(),
                in.table("countries").stream().map(r -> r.text("country")).toList(),
                ref.units().stream().map(u -> u.code()).toList(),
                results.outcomes().stream().filter(o -> o.kind() != ResultsFramework.Kind.IMPACT).map(ResultsFramework.Outcome::code)
                        .toList(),
                ref.objects().stream().map(ExpenditureObject::code).toList());
    }
}
