package org.pbannex.distribute;

import java.util.List;

/**
 * A reviewer: name, e-mail, the edition (and language of the message) they get, and the tables they review (empty: every
 * table of the run); where they are listed ("input/reviewers.csv, line 4", "jobs/nightly.yml, reviewer 2"; null when
 * not known), for a line that asks to correct their address.
 */
public record Reviewer(String name, String email, String language, List<String> tables, String listedAt) {

    /**
     * One address as the mail library sends it unchanged and every server takes it: a dot-atom of plain ASCII (RFC 5322)
     * at a domain of labels. An address with an accented letter was sent as another (zh\u0001ng for zhāng), and one with
     * two dots together refused by the library before any server saw it, stopping the sending every night. The reviewers'
     * descriptor (input/reviewers.datapackage.json) gives the same pattern for reviewers.csv (ReviewerAddressTest).
     */
    public static final java.util.regex.Pattern ADDRESS = java.util.regex.Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+");

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
