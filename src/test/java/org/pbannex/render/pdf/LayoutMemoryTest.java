package org.pbannex.render.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pbannex.LoggedMessages;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.render.GoldenEditions;
import org.pbannex.render.PublicationInfo;
import org.pbannex.render.markup.Wording;
import org.pbannex.table.Language;
import org.pbannex.table.Table;
import org.xhtmlrenderer.pdf.ITextRenderer;

/**
 * The layout memory: a document laid out again with what its last layouts settled takes one layout and gives the
 * same PDF, byte for byte, as the layouts from scratch; a table whose content changed, or a memory that cannot be
 * read, is laid out from scratch.
 */
class LayoutMemoryTest {

    @TempDir
    static Path dir;
    static List<Table> tables;
    static PublicationInfo info;
    static Wording wording;

    @BeforeAll
    static void publication() throws IOException {
        ComputedPublication pub = GoldenEditions.publication();
        tables = List.copyOf(pub.tables().values());
        info = GoldenEditions.info(pub);
        wording = GoldenEditions.wording(pub);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aDocumentLaidOutAsRememberedTakesOneLayoutAndGivesTheSameBytes(Language lang) throws IOException {
        String xhtml = PdfDocumentWriter.xhtml(tables, lang, info, wording);
        Path file = dir.resolve("whole." + lang.code() + ".json");
        LayoutMemory memory = LayoutMemory.at(file);

        PdfDocumentWriter.LaidOut fromScratch = PdfDocumentWriter.layOut(xhtml, PrintFaithfulPagesTest.FONTS, memory);
        // zh: indicator 5.4.2 moved to the next page; en: the sixth risk moved, and the move undone (README).
        assertEquals(lang == Language.ZH ? 2 : 3, fromScratch.layouts(), lang + ": layouts from scratch");
        Path scratchPdf = dir.resolve("scratch." + lang.code() + ".pdf");
        PdfDocumentWriter.writePdf(fromScratch.renderer(), xhtml, lang, info, scratchPdf);
        String kept = Files.readString(file);
        assertTrue(kept.contains(lang == Language.ZH ? "\"5.4.2\" : [ \"next-page\" ]" : "\"letBe\" : [ \"6\" ]"), kept);

        PdfDocumentWriter.LaidOut remembered = PdfDocumentWriter.layOut(xhtml, PrintFaithfulPagesTest.FONTS, memory);
        assertEquals(1, remembered.layouts(), lang + ": layouts as remembered");
        Path rememberedPdf = dir.resolve("remembered." + lang.code() + ".pdf");
        PdfDocumentWriter.writePdf(remembered.renderer(), xhtml, lang, info, rememberedPdf);
        assertArrayEquals(Files.readAllBytes(scratchPdf), Files.readAllBytes(rememberedPdf), lang + ": the same PDF");
        assertEquals(kept, Files.readString(file), "nothing new to keep");
    }

    /** The en risk register alone: three layouts from scratch (its sixth risk moved, then let be), one remembered. */
    private static String riskRegister() throws IOException {
        List<Table> risks = tables.stream().filter(t -> t.id().equals("risk")).toList();
        assertEquals(1, risks.size());
        return PdfDocumentWriter.xhtml(risks, Language.EN, info, wording);
    }

    @Test
    void aTableWhoseContentChangedIsLaidOutFromScratch() throws IOException {
        Path file = dir.resolve("changed.json");
        LayoutMemory memory = LayoutMemory.at(file);
        String xhtml = riskRegister();
        assertEquals(3, PdfDocumentWriter.layOut(xhtml, PrintFaithfulPagesTest.FONTS, memory).layouts());
        assertEquals(1, PdfDocumentWriter.layOut(xhtml, PrintFaithfulPagesTest.FONTS, memory).layouts());
        // One word more in a risk's text: another table, as far as the memory knows.
        String changed = xhtml.replaceFirst("(<td[^>]*class=\"text\"[^>]*>)", "$1Also ");
        assertTrue(!changed.equals(xhtml));
        assertEquals(1, recalled(xhtml, memory));
        assertEquals(0, recalled(changed, memory));
        assertEquals(PdfDocumentWriter.layOut(changed, PrintFaithfulPagesTest.FONTS, LayoutMemory.NONE).layouts(),
                PdfDocumentWriter.layOut(changed, PrintFaithfulPagesTest.FONTS, memory).layouts());
        assertEquals(1, recalled(changed, memory), "the changed table remembered in its place");
        assertEquals(0, recalled(xhtml, memory));
    }

    /** How many tables of text of the document the memory gives their remedies. */
    private static int recalled(String xhtml, LayoutMemory memory) throws IOException {
        ITextRenderer renderer = PdfDocumentWriter.newRenderer(PrintFaithfulPagesTest.FONTS);
        renderer.setDocumentFromString(xhtml);
        return memory.recall(renderer.getDocument(), PrintFaithfulPagesTest.FONTS, new HashSet<>()).recalled();
    }

    @Test
    void aMemoryThatCannotBeReadIsLaidOutFromScratchAndWrittenAnew() throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{ \"tables\" : { \"table-risk\" : [ 1, ");
        LayoutMemory memory = LayoutMemory.at(file);
        String xhtml = riskRegister();
        assertEquals(3, PdfDocumentWriter.layOut(xhtml, PrintFaithfulPagesTest.FONTS, memory).layouts());
        assertTrue(Files.readString(file).contains("\"table-risk\""), Files.readString(file));
        assertEquals(1, PdfDocumentWriter.layOut(xhtml, PrintFaithfulPagesTest.FONTS, memory).layouts());
    }

    @Test
    void aMemoryEditedByHandIsReadAsFarAsItGoes() throws IOException {
        Path file = dir.resolve("edited.json");
        LayoutMemory memory = LayoutMemory.at(file);
        String xhtml = riskRegister();
        PdfDocumentWriter.LaidOut fromScratch = PdfDocumentWriter.layOut(xhtml, PrintFaithfulPagesTest.FONTS, memory);
        Path scratchPdf = dir.resolve("edited-scratch.pdf");
        PdfDocumentWriter.writePdf(fromScratch.renderer(), xhtml, Language.EN, info, scratchPdf);
        // The sixth risk no longer remembered as let be: found again, moved, and let be again.
        String kept = Files.readString(file);
        Files.writeString(file, kept.replace("\"letBe\" : [ \"6\" ]", "\"letBe\" : null"));
        PdfDocumentWriter.LaidOut edited = PdfDocumentWriter.layOut(xhtml, PrintFaithfulPagesTest.FONTS, memory);
        assertEquals(3, edited.layouts());
        Path editedPdf = dir.resolve("edited.pdf");
        PdfDocumentWriter.writePdf(edited.renderer(), xhtml, Language.EN, info, editedPdf);
        assertArrayEquals(Files.readAllBytes(scratchPdf), Files.readAllBytes(editedPdf));
        assertEquals(kept, Files.readString(file), "remembered whole again");
        // Entries without their parts, or of no table the document has: nothing remembered, nothing broken.
        Files.writeString(file, "{ \"tables\" : { \"table-risk\" : { \"fingerprint\" : null }, \"table-x\" : null } }");
        assertEquals(3, PdfDocumentWriter.layOut(xhtml, PrintFaithfulPagesTest.FONTS, memory).layouts());
        assertEquals(1, PdfDocumentWriter.layOut(xhtml, PrintFaithfulPagesTest.FONTS, memory).layouts());
    }

    @Test
    void aTableWhoseRowsShareAKeyIsNeverRemembered() throws IOException {
        Path file = dir.resolve("shared-key.json");
        LayoutMemory memory = LayoutMemory.at(file);
        String xhtml = riskRegister().replace("data-row=\"7\"", "data-row=\"6\"");
        assertEquals(3, PdfDocumentWriter.layOut(xhtml, PrintFaithfulPagesTest.FONTS, memory).layouts());
        assertEquals(3, PdfDocumentWriter.layOut(xhtml, PrintFaithfulPagesTest.FONTS, memory).layouts());
        assertTrue(!Files.exists(file) || !Files.readString(file).contains("table-risk"));
    }

    @Test
    void theLogSaysWhetherTheMemoryWasUsed() throws Exception {
        Path file = dir.resolve("logged.json");
        List<Table> risks = tables.stream().filter(t -> t.id().equals("risk")).toList();
        List<String> logged = LoggedMessages.of(PdfDocumentWriter.class, () -> {
            PdfDocumentWriter.write(risks, Language.EN, info, wording, PrintFaithfulPagesTest.FONTS, file, dir.resolve("logged-1.pdf"));
            PdfDocumentWriter.write(risks, Language.EN, info, wording, PrintFaithfulPagesTest.FONTS, file, dir.resolve("logged-2.pdf"));
            PdfDocumentWriter.write(risks, Language.EN, info, wording, PrintFaithfulPagesTest.FONTS, dir.resolve("logged-3.pdf"));
        });
        assertEquals(List.of(
                "logged-1.pdf: 3 layout(s); 0 of its 1 tables of text laid out as remembered in " + file,
                "logged-2.pdf: 1 layout(s); 1 of its 1 tables of text laid out as remembered in " + file,
                "logged-3.pdf: 3 layout(s), no layout memory"),
                logged);
        assertArrayEquals(Files.readAllBytes(dir.resolve("logged-1.pdf")), Files.readAllBytes(dir.resolve("logged-2.pdf")));
    }
}
