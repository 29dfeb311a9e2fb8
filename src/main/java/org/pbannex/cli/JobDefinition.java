package org.pbannex.cli;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.pbannex.runtime.UsageError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A job a budget officer edits: {@code jobs/<name>.yml}, bound to this record by Jackson. A key the record does not
 * have (a typo such as {@code tabels:}) is a usage error naming it, never silently ignored.
 *
 * @param tables    table ids, or [all] (or nothing) for every table
 * @param languages editions (zh, en)
 * @param formats   output formats (xlsx, pdf, csv, html)
 * @param schedule  a cron expression with seconds (second minute hour day month weekday), or none
 * @param rejects   true: bad expenditure lines go to a published rejects file instead of stopping the run
 * @param csvBom    true: the tidy CSVs start with a UTF-8 byte-order mark, for Excel on Windows
 * @param biennia   the biennia to run, each in turn ([2022-23, 2024-25], or all); none: the latest data folder
 * @param reviewers who the run is sent to after it is published (a list, or "input" for input/reviewers.csv); none: the
 *                  job sends nothing (see {@link org.pbannex.distribute.ReviewerList})
 */
public record JobDefinition(String name, String description,
                            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> tables,
                            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> languages,
                            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> formats,
                            String schedule, Boolean rejects, Boolean csvBom,
                            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> biennia,
                            tools.jackson.databind.JsonNode reviewers) {

    private static final YAMLMapper YAML = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final List<String> KEYS = List.of("description", "tables", "languages", "formats", "schedule", "rejects", "csvBom",
            "biennia", "reviewers");

    public JobDefinition {
        description = description == null ? "" : description;
        tables = tables == null || tables.equals(List.of("all")) ? List.of() : List.copyOf(tables);
        languages = languages == null ? List.of("zh") : List.copyOf(languages);
        formats = formats == null ? List.of("xlsx", "pdf", "csv", "html") : List.copyOf(formats);
        rejects = rejects != null && rejects;
        csvBom = csvBom != null && csvBom;
        biennia = biennia == null ? List.of() : List.copyOf(biennia);
    }

    /** Every table (an empty list means all of them). */
    public boolean allTables() {
        return tables.isEmpty();
    }

    public static JobDefinition load(Path jobsDir, String name) {
        Path file = jobsDir.resolve(name + ".yml");
        if (!name.matches("[A-Za-z0-9_-]+") || !Files.isRegularFile(file)) {
            throw new UsageError("unknown job '" + name + "': the jobs are " + String.join(", ", names(jobsDir)) + " (files in "
                    + jobsDir + ")");
        }
        try {
            JobDefinition def = YAML.readValue(Files.readString(file), JobDefinition.class);
            if (def == null) {
                throw new UsageError(file + ": empty job definition");
            }
            // Checked now, so a bad reviewers entry stops the command before the run (the list itself is read after it).
            if (def.reviewers() != null && !def.reviewers().isString()) {
                org.pbannex.distribute.ReviewerList.ofJob(def.reviewers(), jobsDir, file.toString());
            }
            return new JobDefinition(name, def.description(), def.tables(), def.languages(), def.formats(), def.schedule(),
                    def.rejects(), def.csvBom(), def.biennia(), def.reviewers());
        } catch (UnrecognizedPropertyException e) {
            throw new UsageError(file + ", line " + e.getLocation().getLineNr() + ": unknown key '" + e.getPropertyName()
                    + "'; a job has " + String.join(", ", KEYS));
        } catch (JacksonException e) {
            throw new UsageError(file + (e.getLocation() == null ? "" : ", line " + e.getLocation().getLineNr()) + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("not a valid job definition"));
        } catch (IOException e) {
            throw new UsageError(file + ": cannot read it: " + e.getMessage());
        }
    }

    public static List<String> names(Path jobsDir) {
        try (Stream<Path> s = Files.list(jobsDir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml")).map(n -> n.substring(0, n.length() - 4))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
