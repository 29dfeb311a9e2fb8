package org.pbannex.distribute;

import java.util.List;

/**
 * A reviewer: name, e-mail, the edition (and language of the message) they get, and the tables they review (empty: every
 * table of the run).
 */
public record Reviewer(String name, String email, String language, List<String> tables) {

    public Reviewer {
        tables = List.copyOf(tables);
    }

    /** The tables of the run this reviewer gets, in the run's order. */
    public List<String> tablesOf(List<String> runTables) {
        return tables.isEmpty() ? runTables : runTables.stream().filter(tables::contains).toList();
    }
}
