package org.pbannex.publication;

import java.util.ArrayList;
import java.util.List;
import org.pbannex.ingest.InputSet;
import org.pbannex.ingest.InputWarning;

/**
 * Every line about a biennium's input that stops nothing but that a person should read, as check, preflight and a run
 * say them (stderr, and the run's report): what reading the files found (the program's texts read beneath an older
 * data folder's: ingest.ProgramTexts), then the texts that name another biennium's years ({@link OtherBienniumTexts}).
 */
public final class InputWarnings {

    private InputWarnings() {
    }

    public static List<InputWarning> of(InputSet in) {
        List<InputWarning> out = new ArrayList<>(in.warnings());
        out.addAll(OtherBienniumTexts.of(in));
        return List.copyOf(out);
    }
}
