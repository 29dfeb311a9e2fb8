package org.pbannex.render;

import java.util.List;
import org.pbannex.table.Text;

/**
 * What a rendered document says about itself: the publication, the run that produced it and its inputs.
 * Run time lives here (cover sheet, PDF metadata), never inside the tables.
 *
 * @param title        publication title
 * @param source       the source document the tables mirror
 * @param biennium     e.g. 2022-23
 * @param runId        the run that produced it
 * @param runTime      ISO-8601 time of the run
 * @param codeVersion  pb-annex version (and git commit when known)
 * @param inputs       one line per input file: path, sha256, rows
 * @param contact      who to ask
 * @param citation     how to cite
 * @param notes        general notes (symbols, units, known differences from the printed document)
 */
public record PublicationInfo(Text title, Text source, String biennium, String runId, String runTime, String codeVersion,
                              List<String> inputs, Text contact, Text citation, List<Text> notes) {
}
