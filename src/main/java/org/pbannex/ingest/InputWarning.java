package org.pbannex.ingest;

import java.util.function.UnaryOperator;

/**
 * A line about the input that stops nothing but that a person should read: said on stderr after the command's line (by
 * check, preflight and a run) and listed in the run's report (publication.InputWarnings gathers them).
 */
public interface InputWarning {

    /** The line as a sentence of the texts, each input file it names named by {@code files}. */
    Said said(UnaryOperator<String> files);

    /** As stderr says it: in the English of the texts the program was built with. */
    default String english() {
        return said(UnaryOperator.identity()).english();
    }
}
