package org.pbannex.distribute;

import java.util.List;

/**
 * A reviewer: name, e-mail, the edition (and language of the message) they get, and the tables they review (empty: every
 * table of the run); where they are listed ("input/reviewers.csv, line 4", "jobs/nightly.yml, reviewer 2"; null when
 * not known), for a line that asks to correct their address.
 */
public record Reviewer(String name, String email, String language, List<String> tables, String listedAt) {

    public Reviewer {
        tables = List.copyOf(tables);
    }

    public Reviewer(String name, String email, String language, List<String> tables) {
        this(name, email, language, tables, null);
    }

    /** The tables of the run this reviewer gets, in the run's order. */
    public List<String> tablesOf(List<String> runTables) {
        return tables.isEmpty() ? runTables : runTables.stream().filter(tables::contains).toList();
    }
}
