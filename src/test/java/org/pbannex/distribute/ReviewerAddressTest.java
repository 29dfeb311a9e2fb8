package org.pbannex.distribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pbannex.BundledCounts;
import org.pbannex.CliRun;
import org.pbannex.Golden;
import org.pbannex.TestInputs;
import org.pbannex.ingest.DataPackage;

/**
 * A reviewer's address is one the mail library sends unchanged and servers take (found by an exploratory test: zhāng@...
 * was accepted and sent to "zh\u0001ng@...", reported as sent; a..b@... accepted by reviewers.csv, then refused by the
 * library before any server saw it, which stopped the sending at that reviewer every night). reviewers.csv and a job's
 * own list hold addresses to the same rule, and {@code check} reads reviewers.csv, so a bad one is told by day.
 */
class ReviewerAddressTest {

    @TempDir
    Path tmp;

    @Test
    void theReviewersDescriptorHoldsTheSameRuleAsAJobsList() {
        var email = DataPackage.loadDescriptor(Golden.input().resolve("reviewers.datapackage.json")).resource("reviewers").fields()
                .stream().filter(f -> f.name().equals("email")).findFirst().orElseThrow();
        assertEquals(Reviewer.ADDRESS.pattern(), email.pattern().pattern());
    }

    @ParameterizedTest
    @ValueSource(strings = {"li.wei@example.org", "o'brien+annex@mail.example.co.uk", "x_y-z@ex-ample.org", "A1@B2.ORG"})
    void anAddressMailGoesToAsWrittenIsTaken(String address) {
        assertTrue(Reviewer.ADDRESS.matcher(address).matches(), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a..b@example.org", "zhāng@example.org", "li@例子.中国", ".li@example.org", "li.@example.org",
        "li@example", "li@-example.org", "li@example-.org", "li wei@example.org", "li@example..org", "li@@example.org",
        "\"li\"@example.org"})
    void anAddressTheLibraryWouldRefuseOrChangeIsNot(String address) {
        assertFalse(Reviewer.ADDRESS.matcher(address).matches(), address);
    }

    @Test
    void checkReadsTheReviewersListAndNamesABadAddress() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        CliRun ok = CliRun.capture(Map.of(), "check", "--verbose", "--input", input.toString());
        assertEquals(0, ok.status(), ok.toString());
        assertTrue(ok.out().contains("reviewers.csv: 3 reviewers\n"), ok.out());

        TestInputs.edit(input.resolve("reviewers.csv"), s -> s.replace("zhang.min@example.org", "zhāng.min@example.org"));
        CliRun bad = CliRun.capture(Map.of(), "check", "--input", input.toString());
        assertEquals(3, bad.status(), bad.toString());
        List<String> lines = bad.err().strip().lines().toList();
        assertEquals(1, lines.size(), bad.err());
        assertTrue(lines.get(0).startsWith("pb-annex: ") && lines.get(0).contains("reviewers.csv, line 4, column email: "
                + "'zhāng.min@example.org' is not what this column takes: one e-mail address"), lines.get(0));
        BundledCounts.assertLine(BundledCounts.checkLine(), bad.out()); // the tables are checked as ever

        // A list emptied to its header is an installation that sends nothing, no mistake (found by an exploratory test).
        java.nio.file.Files.writeString(input.resolve("reviewers.csv"), "name,email,language,tables\n");
        CliRun empty = CliRun.capture(Map.of(), "check", "--verbose", "--input", input.toString());
        assertEquals(0, empty.status(), empty.toString());
        assertTrue(empty.out().contains("reviewers.csv: no reviewers\n"), empty.out());
    }

    /**
     * One address in other capitals is the same mailbox: listed twice (Li.Wei@ beside li.wei@, in reviewers.csv or in a
     * job's list), the same person got each run twice (found by an exploratory test). Refused naming both places.
     */
    @Test
    void anAddressListedAgainInOtherCapitalsIsRefused() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        TestInputs.edit(input.resolve("reviewers.csv"), s -> s + "Wei Li,Li.Wei@Example.org,en,\n");
        var csv = org.junit.jupiter.api.Assertions.assertThrows(org.pbannex.ingest.InputError.class, () -> ReviewerList.fromCsv(input));
        assertTrue(csv.getMessage().contains("reviewers.csv, line 5, column email: e-mail 'Li.Wei@Example.org' is on line 2 already "
                + "(an address is the same in capitals or small letters)"), csv.getMessage());

        var job = tools.jackson.dataformat.yaml.YAMLMapper.builder().build().readTree("""
                - {name: Li Wei, email: li.wei@example.org, language: zh}
                - {name: Maria Rossi, email: maria.rossi@example.org, language: en}
                - {name: Wei Li, email: LI.WEI@example.org, language: en}
                """);
        var list = org.junit.jupiter.api.Assertions.assertThrows(org.pbannex.runtime.UsageError.class,
                () -> ReviewerList.ofJob(job, input, "jobs/nightly.yml"));
        assertTrue(list.getMessage().contains("jobs/nightly.yml: reviewer 3: e-mail 'LI.WEI@example.org' is reviewer 1's too"),
                list.getMessage());
    }
}
