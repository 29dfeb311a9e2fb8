package org.pbannex;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.util.Arrays;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs the named test classes in this JVM, which its starter gave a small heap (BoundedMemoryIT: -Xmx64m), and exits 0
 * when every test of them passed, 1 otherwise (none found counts as failed), having printed JUnit's summary and each
 * failure with its stack trace.
 */
public final class SmallHeap {

    private SmallHeap() {
    }

    public static void main(String... classes) throws ClassNotFoundException {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        for (String name : classes) {
            request.selectors(selectClass(Class.forName(name)));
        }
        LauncherDiscoveryRequest discovery = request.build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(discovery, listener);
        TestExecutionSummary summary = listener.getSummary();
        PrintWriter out = new PrintWriter(System.out, true);
        summary.printTo(out);
        summary.printFailuresTo(out, 50);
        out.flush();
        boolean passed = summary.getTestsFoundCount() > 0 && summary.getTotalFailureCount() == 0
                && summary.getTestsSucceededCount() == summary.getTestsFoundCount();
        System.out.println(passed ? "all " + summary.getTestsSucceededCount() + " passed: " + Arrays.toString(classes)
                : "FAILED: " + Arrays.toString(classes));
        System.exit(passed ? 0 : 1);
    }
}
