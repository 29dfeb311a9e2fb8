package org.pbannex.publication;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run is asked to do: a job definition, where to read and write, and which tables, languages and
 * formats to render (all of them unless narrowed). A narrowed run is partial: it does not move latest.
 *
 * @param rejects true: bad expenditure lines go to a published rejects file instead of stopping the run
 */
public record RunRequest(String job, Path input, Path output, String biennium, List<String> tables,
                         List<String> languages, List<String> formats, boolean partial, boolean rejects) {

    public static final List<String> ALL_FORMATS = List.of("xlsx", "pdf", "csv", "html");
}
