package org.pbannex.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.pbannex.HeadlessChromium;

/**
 * A run's report.html in Chromium in a narrow window: at 200 % zoom (a 1280-px window is 640 CSS px) and on a phone
 * (320) the page never scrolls sideways and a figure stays on one line (README, Tests). Used on a report written here
 * (ReportWriterTest) and on a real run's (NightlyJobH2Test), whose list of files once ran past a 320-px window.
 */
public final class NarrowReport {

    private NarrowReport() {
    }

    /** The report loaded in a window {@code width} CSS px wide, its width and figures checked; the caller closes it. */
    public static HeadlessChromium open(Path report, int width) throws Exception {
        HeadlessChromium browser = HeadlessChromium.open();
        try {
            browser.send("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900,
                    "deviceScaleFactor", 1, "mobile", false));
            browser.load(report.toUri().toString());
            // The window less its vertical scroll bar: what the page may fill without a sideways one. The message names
            // what sticks out past it outside any box that scrolls.
            assertEquals(browser.evaluate("document.documentElement.clientWidth").asInt(),
                    browser.evaluate("document.documentElement.scrollWidth").asInt(), "the page's width in a " + width
                    + "-px window; past its edge: " + browser.evaluate("[...document.querySelectorAll('body *')].filter(e =>"
                    + " e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5"
                    + " && !e.parentElement.closest('.table-scroll')).map(e => e.outerHTML.slice(0, 80)).join(' | ')").asString());
            assertTrue(browser.evaluate("[...document.querySelectorAll('td.num')].every(c => { const r = document.createRange();"
                    + " r.selectNodeContents(c); return r.getClientRects().length <= 1; })").asBoolean(), "every figure on one line");
            return browser;
        } catch (Exception | Error e) {
            browser.close();
            throw e;
        }
    }
}
