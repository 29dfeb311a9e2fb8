package org.pbannex.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.Golden;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.publication.OutputFormat;
import org.pbannex.publication.Publication;
import org.pbannex.publication.RenderTarget;
import org.pbannex.publication.RunRenderer;
import org.pbannex.publication.RunRequest;
import org.pbannex.publication.TableCatalogue;
import org.pbannex.reference.Texts;
import org.pbannex.render.NoteOrigin;
import org.pbannex.table.Language;

/**
 * The list of the texts the editions read as they are written ({@code edition-keys.csv}, which a run looks up before
 * rendering) is what they read: every format of both editions of the bundled input rendered as a run renders them, each
 * key looked up recorded ({@link Texts#recording}). A key read and not listed fails the test, named, and so does a key
 * listed and never read; the message gives the list as it should be. What an edition reads only where the texts have it
 * (a key asked after first: a field's description, a note's tables) is no word it needs, and the print's notes, named by
 * key in {@code publication.printed_notes}, are added from the texts by {@link EditionKeys#needed}; a table's key
 * ({@code a1.unit}) is listed as {@code {table}.unit}, the tables being the catalogue's, and must then be read for every
 * table.
 */
class EditionKeysTest {

    @TempDir
    Path dir;

    @Test
    void theListIsWhatEveryEditionReads() {
        ComputedPublication pub = Publication.compute(Golden.input(), Publication.biennium(Golden.input(), null));
        List<String> tables = List.copyOf(pub.tables().keySet());
        RunRequest request = new RunRequest("nightly", Golden.input(), dir, Publication.biennium(Golden.input(), null), tables,
                List.of(Language.ZH, Language.EN), List.of(OutputFormat.values()), false, false);
        Texts texts = pub.reference().texts();
        Set<String> printedNotes = Set.copyOf(NoteOrigin.printedKeys(texts::get));
        assertTrue(!printedNotes.isEmpty(), "the bundled input names the print's notes: the test sees them read");

        Map<Language, Map<String, Set<OutputFormat>>> byLanguage = new TreeMap<>();
        Map<String, Set<String>> tablesOfPattern = new TreeMap<>();
        for (Language lang : List.of(Language.ZH, Language.EN)) {
            Map<String, Set<OutputFormat>> read = new TreeMap<>();
            for (OutputFormat format : OutputFormat.values()) {
                Set<String> needed = new TreeSet<>(render(pub, request, new RenderTarget(format, lang)));
                assertTrue(needed.containsAll(printedNotes) || format == OutputFormat.CSV,
                        format + " " + lang + " reads the print's notes by their keys: " + printedNotes);
                needed.removeAll(printedNotes);
                for (String key : needed) {
                    String listed = pattern(key, tables);
                    if (!listed.equals(key)) {
                        tablesOfPattern.computeIfAbsent(listed + " " + format, k -> new TreeSet<>()).add(key.substring(0, key.indexOf('.')));
                    }
                    read.computeIfAbsent(listed, k -> EnumSet.noneOf(OutputFormat.class)).add(format);
                }
            }
            byLanguage.put(lang, read);
        }
        assertEquals(byLanguage.get(Language.ZH), byLanguage.get(Language.EN),
                "each language's editions read the same keys (a key only one reads would need its language in the list)");
        tablesOfPattern.forEach((pattern, read) -> assertEquals(new TreeSet<>(tables), read,
                pattern + ": a table's key the editions read for some tables only is no word every table needs"));

        Map<String, Set<OutputFormat>> read = byLanguage.get(Language.EN);
        Map<String, Set<OutputFormat>> listed = new TreeMap<>();
        EditionKeys.rows().forEach(r -> listed.put(r.key(), r.formats()));
        Set<String> notListed = new TreeSet<>(read.keySet());
        notListed.removeAll(listed.keySet());
        Set<String> neverRead = new TreeSet<>(listed.keySet());
        neverRead.removeAll(read.keySet());
        Set<String> otherFormats = read.keySet().stream().filter(k -> listed.containsKey(k) && !listed.get(k).equals(read.get(k)))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(listed, read, "src/main/resources/org/pbannex/publish/" + EditionKeys.FILE + ": read but not listed "
                + notListed + ", listed but never read " + neverRead + ", read by other formats " + otherFormats
                + "; the list as the editions read it:\n" + csv(read));
    }

    /** The keys an edition reads as it is written and cannot do without (read, never asked after first). */
    private static Set<String> render(ComputedPublication pub, RunRequest request, RenderTarget target) {
        Set<String> read = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Set<String> asked = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Path staging;
        try {
            staging = Files.createDirectories(request.output().resolve(target.format().code() + "-" + target.language().code()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int files = Texts.recording(new Texts.Lookups() {
            @Override
            public void read(String key) {
                read.add(key);
            }

            @Override
            public void asked(String key) {
                asked.add(key);
            }
        }, () -> {
            try {
                return RunRenderer.render(target, pub, request, "20260101T000000Z-0a1b2c3d", Instant.parse("2026-01-01T00:00:00Z"),
                        "0.1.0", staging, Golden.home().resolve("work/fonts"), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertTrue(files > 0, target + " written");
        read.removeAll(asked);
        return read;
    }

    /** A table's key as the list has it ({@code {table}.unit}); any other as it is. */
    private static String pattern(String key, List<String> tables) {
        int dot = key.indexOf('.');
        return dot > 0 && tables.contains(key.substring(0, dot)) ? EditionKeys.TABLE + key.substring(dot) : key;
    }

    private static String csv(Map<String, Set<OutputFormat>> read) {
        StringBuilder out = new StringBuilder("key,formats\n");
        read.forEach((key, formats) -> out.append(key).append(',')
                .append(formats.stream().map(OutputFormat::code).collect(Collectors.joining(" "))).append('\n'));
        return out.toString();
    }
}
