package org.pbannex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A run's summary line gives the command's time, and apart the part of it spent waiting for another process to finish
 * with the embedded database (tester66 case 27: "98.8 s" for a run of 53 s that had waited 45 s for the other).
 */
class RunSummaryTimeTest {

    @Test
    void aRunThatDidNotWaitGivesItsTimeAlone() {
        assertEquals("3.9 s", RunCommand.took(3.94, Duration.ZERO));
        assertEquals("3.9 s", RunCommand.took(3.94, Duration.ofMillis(20)));
    }

    @Test
    void aRunThatWaitedSaysHowMuchOfItsTimeWentWaiting() {
        assertEquals("98.8 s, 45.2 s of it waiting for another pb-annex process to finish with the embedded database",
                RunCommand.took(98.8, Duration.ofMillis(45_200)));
    }
}
