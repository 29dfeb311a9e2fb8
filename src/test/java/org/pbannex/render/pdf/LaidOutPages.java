package org.pbannex.render.pdf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.InlineLayoutBox;
import org.xhtmlrenderer.render.InlineText;
import org.xhtmlrenderer.render.LineBox;
import org.xhtmlrenderer.render.PageBox;

/**
 * Where Flying Saucer put things: the body rows of each table by page (in order, by their data-row keys) and the lines
 * each column heading was broken into. Read from the laid-out box tree, the same layout the PDF is drawn from.
 */
final class LaidOutPages {

    /** A body row: its table section's id, its row key, and the page it starts on (1-based). */
    record PlacedRow(String table, String key, int page) {
    }

    /**
     * A body row that runs over a page break: its pages (1-based) and the most lines any one of its cells has on its
     * first page and on its last.
     */
    record SplitRow(String table, String key, int firstPage, int lastPage, int linesOnFirst, int linesOnLast) {
    }

    private final List<PageBox> pages;
    private final List<PlacedRow> rows = new ArrayList<>();
    private final List<PlacedRow> notes = new ArrayList<>();
    private final List<SplitRow> splitRows = new ArrayList<>();
    private final Map<Element, List<String>> headingLines = new LinkedHashMap<>();
    private final Map<Element, List<String>> cellLines = new LinkedHashMap<>();
    private final List<String> headingOverflows = new ArrayList<>();
    /** Per table section and page, the lowest point its body rows reach on that page (a row split across pages: both). */
    private final Map<String, Map<Integer, Integer>> lowest = new LinkedHashMap<>();

    LaidOutPages(ITextRenderer renderer) {
        this.pages = renderer.getRootBox().getLayer().getPages();
        walk(renderer.getRootBox(), null);
    }

    List<PlacedRow> rows() {
        return rows;
    }

    /** The body rows that run over a page break, with their lines on either side of it. */
    List<SplitRow> splitRows() {
        return splitRows;
    }

    /** The row that holds a table's notes (key "notes") and the page it starts on. */
    List<PlacedRow> notes() {
        return notes;
    }

    /** Each heading cell's text, line by line (one entry per line box). */
    List<List<String>> headingLines() {
        return List.copyOf(headingLines.values());
    }

    /** The lines of column headings wider than their cell's content box: they run into its padding and rules. */
    List<String> headingOverflows() {
        return List.copyOf(headingOverflows);
    }

    private static void overflows(Box box, int width, List<String> out) {
        if (box instanceof LineBox line) {
            if (line.getContentWidth() > width) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < line.getChildCount(); i++) {
                    if (line.getChild(i) instanceof InlineLayoutBox inline) {
                        inlineText(inline, text);
                    }
                }
                out.add(text.toString().strip() + " (" + line.getContentWidth() + " > " + width + ")");
            }
            return;
        }
        for (int i = 0; i < box.getChildCount(); i++) {
            overflows(box.getChild(i), width, out);
        }
    }

    /**
     * How much of each page a table's body rows fill, from the page's top to the lowest point they reach on it (0 to 1),
     * for every page the table runs on from, its last page left out.
     */
    Map<Integer, Double> filledBefore(String table) {
        Map<Integer, Double> filled = new LinkedHashMap<>();
        Map<Integer, Integer> byPage = lowest.getOrDefault(table, Map.of());
        int last = byPage.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        byPage.forEach((p, y) -> {
            PageBox page = pages.get(p - 1);
            if (p < last) {
                filled.put(p, (double) (y - page.getTop()) / (page.getBottom() - page.getTop()));
            }
        });
        return filled;
    }

    /** The lines of each body cell (a cell split across pages: its lines on both), label cells included. */
    List<List<String>> cellLines() {
        return List.copyOf(cellLines.values());
    }

    private void walk(Box box, String table) {
        Element e = box.getElement();
        String t = table;
        if (e != null && e.getAttribute("class").contains("annex") && !e.getAttribute("id").isEmpty()) {
            t = e.getAttribute("id");
        }
        if (e != null && "tr".equals(e.getNodeName()) && e.hasAttribute("data-row") && box instanceof BlockBox) {
            rows.add(new PlacedRow(t, e.getAttribute("data-row"), page(box.getAbsY())));
            int bottom = box.getAbsY() + box.getHeight();
            int first = page(box.getAbsY());
            int last = page(bottom - 1);
            if (first != last) {
                Map<Integer, Integer> most = new LinkedHashMap<>();
                for (int i = 0; i < box.getChildCount(); i++) {
                    Map<Integer, Integer> cell = new LinkedHashMap<>();
                    linePages(box.getChild(i), cell);
                    cell.forEach((p, n) -> most.merge(p, n, Math::max));
                }
                splitRows.add(new SplitRow(t, e.getAttribute("data-row"), first, last, most.getOrDefault(first, 0),
                        most.getOrDefault(last, 0)));
            }
            for (int p = page(box.getAbsY()); p <= page(bottom - 1); p++) {
                lowest.computeIfAbsent(t, k -> new LinkedHashMap<>())
                        .merge(p, Math.min(bottom, pages.get(p - 1).getBottom()), Math::max);
            }
        }
        if (e != null && "tr".equals(e.getNodeName()) && e.getAttribute("class").contains("table-notes") && box instanceof BlockBox) {
            notes.add(new PlacedRow(t, "notes", page(box.getAbsY())));
        }
        if (e != null && "th".equals(e.getNodeName()) && "thead".equals(((Element) e.getParentNode().getParentNode()).getNodeName())) {
            List<String> lines = new ArrayList<>();
            collectLines(box, lines);
            headingLines.put(e, lines);
            overflows(box, box.getContentWidth(), headingOverflows);
            return;
        }
        if (e != null && ("th".equals(e.getNodeName()) || "td".equals(e.getNodeName()))
                && "tbody".equals(((Element) e.getParentNode().getParentNode()).getNodeName())) {
            List<String> lines = new ArrayList<>();
            collectLines(box, lines);
            cellLines.merge(e, lines, (a, b) -> {
                List<String> all = new ArrayList<>(a);
                all.addAll(b);
                return all;
            });
            return;
        }
        for (int i = 0; i < box.getChildCount(); i++) {
            walk(box.getChild(i), t);
        }
    }

    /** How many lines with text a cell has on each page (1-based). */
    private void linePages(Box box, Map<Integer, Integer> out) {
        if (box instanceof LineBox) {
            List<String> text = new ArrayList<>();
            collectLines(box, text);
            if (!text.isEmpty()) {
                out.merge(page(box.getAbsY()), 1, Integer::sum);
            }
            return;
        }
        for (int i = 0; i < box.getChildCount(); i++) {
            linePages(box.getChild(i), out);
        }
    }

    private static void collectLines(Box box, List<String> out) {
        if (box.getElement() != null && box.getElement().getAttribute("class").contains("col-unit")) {
            return; // the unit under the heading is a line of its own
        }
        if (box instanceof LineBox line) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.getChildCount(); i++) {
                if (line.getChild(i) instanceof InlineLayoutBox inline) {
                    inlineText(inline, text);
                }
            }
            if (!text.toString().isBlank()) {
                out.add(text.toString());
            }
            return;
        }
        for (int i = 0; i < box.getChildCount(); i++) {
            collectLines(box.getChild(i), out);
        }
    }

    private static void inlineText(InlineLayoutBox box, StringBuilder out) {
        for (Object child : box.getInlineChildren()) {
            if (child instanceof InlineText text) {
                out.append(text.getSubstring());
            } else if (child instanceof InlineLayoutBox inner) {
                inlineText(inner, out);
            }
        }
    }

    private int page(int y) {
        for (int i = 0; i < pages.size(); i++) {
            if (y >= pages.get(i).getTop() && y < pages.get(i).getBottom()) {
                return i + 1;
            }
        }
        return pages.size();
    }
}
