package org.pbannex.publication;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.InputSet;
import org.pbannex.ingest.Record;
import org.pbannex.ingest.Said;
import org.pbannex.reference.Biennium;

/**
 * What a biennium's own files state of its years, against the biennium its folder is named for. A folder copied from
 * another biennium's (2022-23 to 2024-25) with some years not updated passes every sum, and would publish the other
 * biennium's document, date or estimates beside its own title: each is refused (exit status 3) on its line.
 * <ul>
 * <li>publication.csv: a biennium its document's title names (written as the texts write one: 2022-2023 or 2022-23) is
 * the folder's; its date lies from {@code pbYearsBeforeBiennium} years before the biennium starts (a proposal is dated
 * before its biennium) to the biennium's end; its symbol is no earlier biennium folder's (each reproduces its own print,
 * and a new folder is the copy of an earlier one, never the other way round).
 * <li>supplementary_authorizations.csv: the latest period listed ends at most {@code pbYearsBeforeBiennium} years before
 * the biennium starts (the authorizations of recent periods).
 * <li>extrabudgetary_estimates.csv: a row is of the biennium or the one before, the two Table 2 shows; any other would
 * never be read.
 * <li>expenditure_as_of.csv: a row is of the biennium or an earlier one (Figure 2 shows no later one), its date lies in
 * the biennium it dates, and at most {@code pbYearsBeforeBiennium} years before the folder's biennium starts (the date
 * its document states actual expenditure up to).
 * <li>results_baselines.csv: a baseline's year (or period) ends before the biennium starts, and starts at most
 * {@code pbYearsBeforeBiennium} years before it (a baseline is the value known when the biennium is planned).
 * </ul>
 * The numbers of years are reference data: {@code pbYearsBeforeBiennium} of the field in datapackage.json.
 */
final class BienniumConsistency {

    private static final String PUBLICATION = "publication";
    private static final String AUTHORIZATIONS = "supplementary_authorizations";
    private static final String AS_OF = "expenditure_as_of";
    private static final String BASELINES = "results_baselines";

    private BienniumConsistency() {
    }

    static void check(InputSet in, Biennium biennium) {
        publication(in, biennium);
        authorizations(in, biennium);
        estimates(in, biennium);
        actualsAsOf(in, biennium);
        baselines(in, biennium);
    }

    private static void publication(InputSet in, Biennium b) {
        Record r = in.table(PUBLICATION).get(0);
        for (String column : List.of("document_title_zh", "document_title_en")) {
            for (Biennium named : Biennium.namedIn(r.text(column))) {
                if (!named.equals(b)) {
                    throw new InputError(r.file(), r.line(), column, Said.of("title_other_biennium", "value", r.text(column),
                            "named", named.longForm(), "code", b.code(), "biennium", b.longForm(), "named_code", named.code()));
                }
            }
        }
        LocalDate date = PublicationDate.of(in);
        int years = yearsBefore(in, PUBLICATION, "publication_date");
        LocalDate earliest = b.start().minusYears(years);
        if (date.isBefore(earliest) || date.isAfter(b.end())) {
            throw new InputError(r.file(), r.line(), "publication_date", Said.of("date_outside", "date", date.toString(), "when",
                    date.isAfter(b.end()) ? Said.of("when.after_end", "biennium", b.longForm())
                            : Said.of("when.years_before", "years", String.valueOf(years), "biennium", b.longForm()),
                    "code", b.code(), "earliest", earliest.toString(), "end", b.end().toString(), "years", String.valueOf(years)));
        }
        String symbol = r.text("document_symbol");
        if (!symbol.isEmpty()) {
            for (Biennium other : Biennium.scan(in.inputDir()).biennia()) {
                Record theirs = other.firstYear() < b.firstYear() ? publicationOf(in, other) : null;
                if (theirs != null && theirs.text("document_symbol").equalsIgnoreCase(symbol)) {
                    throw new InputError(r.file(), r.line(), "document_symbol", Said.of("symbol_of_other", "symbol", symbol,
                            "other", other.code(), "at", Said.of("at_" + org.pbannex.ingest.SourceName.lineWord(theirs.file()),
                                    "file", theirs.file(), "line", String.valueOf(theirs.line())), "code", b.code()));
                }
            }
        }
    }

    /** Another biennium's publication.csv row, or null when it cannot be read (its own check tells why). */
    private static Record publicationOf(InputSet in, Biennium other) {
        try {
            List<Record> rows = InputSet.loadOnly(in.inputDir(), other.code(), Set.of(PUBLICATION)).table(PUBLICATION);
            return rows.isEmpty() ? null : rows.get(0);
        } catch (InputError e) {
            return null;
        }
    }

    private static void authorizations(InputSet in, Biennium b) {
        Record latest = null;
        int latestFirst = Integer.MIN_VALUE;
        for (Record r : in.table(AUTHORIZATIONS)) {
            List<Biennium> period = Biennium.namedIn(r.text("financial_period"));
            // A period that is no biennium, or not before this one, is refused with the table's data (DocumentData).
            if (period.size() == 1 && period.get(0).firstYear() > latestFirst) {
                latest = r;
                latestFirst = period.get(0).firstYear();
            }
        }
        int years = yearsBefore(in, AUTHORIZATIONS, "financial_period");
        if (latest != null && latestFirst + 1 < b.firstYear() - years) {
            int expected = b.firstYear() - years - 1 + Math.floorMod(b.firstYear() - years - 1, 2);
            throw new InputError(latest.file(), latest.line(), "financial_period", Said.of("latest_period_old", "period",
                    latest.text("financial_period"), "ago", String.valueOf(b.firstYear() - latestFirst - 1), "biennium", b.longForm(),
                    "code", b.code(), "years", String.valueOf(years), "expected", new Biennium(expected).longForm()));
        }
    }

    private static void estimates(InputSet in, Biennium b) {
        for (Record r : in.table("extrabudgetary_estimates")) {
            Biennium of = Biennium.parse(r.text("biennium"));
            if (!b.equals(of) && !b.previous().equals(of)) {
                throw new InputError(r.file(), r.line(), "biennium", Said.of("estimates_biennium", "value", r.text("biennium"),
                        "code", b.code(), "previous", b.previous().code()));
            }
        }
    }

    private static void actualsAsOf(InputSet in, Biennium b) {
        org.pbannex.expenditure.RegionalExpenditureTable.actualsAsOf(in); // each a biennium and a date, or refused
        int years = yearsBefore(in, AS_OF, "as_of");
        LocalDate earliest = b.start().minusYears(years);
        for (Record r : in.table(AS_OF)) {
            Biennium of = Biennium.parse(r.text("biennium"));
            LocalDate date = LocalDate.parse(r.text("as_of"));
            if (of.firstYear() > b.firstYear()) {
                throw new InputError(r.file(), r.line(), "biennium", Said.of("as_of_later", "value", r.text("biennium"),
                        "code", b.code()));
            }
            if (date.isBefore(of.start()) || date.isAfter(of.end())) {
                throw new InputError(r.file(), r.line(), "as_of", Said.of("as_of_outside", "date", date.toString(),
                        "biennium", of.longForm(), "start", of.start().toString(), "end", of.end().toString()));
            }
            if (date.isBefore(earliest)) {
                throw new InputError(r.file(), r.line(), "as_of", Said.of("as_of_early", "date", date.toString(), "years",
                        String.valueOf(years), "biennium", b.longForm(), "code", b.code(), "earliest", earliest.toString()));
            }
        }
    }

    private static void baselines(InputSet in, Biennium b) {
        int years = yearsBefore(in, BASELINES, "year");
        for (Record r : in.table(BASELINES)) {
            String year = r.text("year");
            if (year.isEmpty()) {
                continue; // a descriptive baseline
            }
            int first = Integer.parseInt(year.substring(0, 4));
            int last = Integer.parseInt(year.substring(year.length() - 4));
            if (last >= b.firstYear()) {
                throw new InputError(r.file(), r.line(), "year", Said.of("baseline_not_before", "value", year, "biennium",
                        b.longForm(), "code", b.code(), "last", String.valueOf(b.firstYear() - 1)));
            }
            if (first < b.firstYear() - years) {
                throw new InputError(r.file(), r.line(), "year", Said.of("baseline_early", "value", year, "years",
                        String.valueOf(years), "biennium", b.longForm(), "code", b.code(), "first", String.valueOf(b.firstYear() - years),
                        "last", String.valueOf(b.firstYear() - 1)));
            }
        }
    }

    private static int yearsBefore(InputSet in, String resource, String field) {
        Integer years = in.field(resource, field).yearsBeforeBiennium();
        if (years == null) {
            throw new IllegalStateException("datapackage.json: " + resource + "." + field + " has no pbYearsBeforeBiennium");
        }
        return years;
    }
}
