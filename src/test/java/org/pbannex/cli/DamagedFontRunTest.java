package org.pbannex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.Golden;
import org.pbannex.TestInputs;

/**
 * A run whose PDF font was cut short (head -c 1000 regular.ttf > work/fonts/regular.ttf) stops at its first step with
 * one line naming the font file, why it is damaged and the command that fetches it again, exit status 5, and renders
 * nothing. It failed in the render step with "cannot write .../pb-annexes-2022-23.zh.pdf: EOFException", the output's
 * disk blamed for the font. A check stops on it the same way.
 */
class DamagedFontRunTest {

    @TempDir
    Path tmp;

    /** An installation whose regular font file was cut short to 1000 bytes: its settings, with fontFile set. */
    private Map<String, String> installationWithAFontCutShort() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.createDirectories(home.resolve("jobs"));
        Files.writeString(home.resolve("jobs/nightly.yml"), "tables: [a1]\nlanguages: [zh]\nformats: [pdf, csv]\n");
        Path fonts = Files.createDirectories(home.resolve("work/fonts"));
        Path real = Golden.home().resolve("work/fonts");
        // As an older fetch-fonts.sh wrote it, without sizes: the file's own tables tell it is cut short.
        Files.writeString(fonts.resolve("font.properties"), "family=Noto Sans SC\nregular=regular.ttf\nbold=bold.ttf\n");
        Files.copy(real.resolve("bold.ttf"), fonts.resolve("bold.ttf"));
        Files.write(fonts.resolve("regular.ttf"), Arrays.copyOf(Files.readAllBytes(real.resolve("regular.ttf")), 1000));
        fontFile = fonts.resolve("regular.ttf").toAbsolutePath();
        Map<String, String> settings = new HashMap<>(CliRun.h2(tmp.resolve("db")));
        settings.put("pb.home", home.toString());
        settings.put("pb.input", TestInputs.copyOfBundledInput(tmp.resolve("input")).toString());
        return settings;
    }

    private Path fontFile;

    private String damagedLine() {
        return "pb-annex: font file " + fontFile + " is damaged: it is 1000 bytes long and ends inside its tables; fetch it again "
                + "with scripts/fetch-fonts.sh --again";
    }

    @Test
    void aRunWithAFontCutShortStopsBeforeRenderingNamingTheFont() throws Exception {
        Map<String, String> settings = installationWithAFontCutShort();
        Path out = tmp.resolve("out");
        settings.put("pb.output", out.toString());

        CliRun r = CliRun.capture(settings, "run", "nightly");
        assertEquals(5, r.status(), r.toString());
        assertEquals(damagedLine(), r.err().strip(), r.toString());
        try (Stream<Path> written = Files.walk(out)) {
            assertFalse(written.anyMatch(p -> p.toString().endsWith(".pdf") || p.toString().endsWith(".csv")),
                    "nothing rendered");
        }
        assertTrue(Files.readString(out.resolve("2022-23/failed").toFile().listFiles()[0].toPath().resolve("manifest.json"))
                .contains("\"validate\""), "failed in the validate step");
    }

    /** check stops on it as the run does; it said the glyphs were not checked and passed, exit status 0. */
    @Test
    void aCheckWithAFontCutShortFailsWithTheRunsLine() throws Exception {
        Map<String, String> settings = installationWithAFontCutShort();
        CliRun r = CliRun.capture(settings, "check");
        assertEquals(5, r.status(), r.toString());
        assertEquals(damagedLine(), r.err().strip(), r.toString());
        assertFalse(r.out().contains("checks passed"), r.toString());
    }
}
