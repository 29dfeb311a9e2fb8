package org.pbannex.render.pdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.w3c.dom.Element;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.InlineLayoutBox;
import org.xhtmlrenderer.render.InlineText;
import org.xhtmlrenderer.render.LineBox;
import org.xhtmlrenderer.render.PageBox;

/**
 * The rows of a table of text (indicators, risks) that a page break splits so that one line of the row stands alone:
 * one line at the foot of a page (in every cell), the rest on the next, or the row's last line alone at the head of
 * the next page. Such rows run on across pages (a third of a page each, moved whole they would leave the page's foot
 * empty), and Flying Saucer applies orphans and widows to blocks only, not to table cells; so the layout is read back
 * here, each such row is given a remedy, and the document is laid out again: a row that starts with one line at a
 * page's foot moves whole to the next page (the page loses a line), a row that ends with one line alone moves down by
 * one line, so that its last two lines go over together (a line's space more between it and the row above).
 */
final class LoneLines {

    /** What is done to a row that leaves a line alone: a class on its tr, which annex.css styles. */
    enum Remedy {
        /** The row starts the next page, whole. */
        NEXT_PAGE("next-page"),
        /** Moved down by one line (space above its first line), so that two lines go over to the next page. */
        ONE_LINE_DOWN("one-line-down");

        final String cssClass;

        Remedy(String cssClass) {
            this.cssClass = cssClass;
        }

        /** The remedy a class on a row stands for; null for any other class. */
        static Remedy byClass(String cssClass) {
            for (Remedy r : values()) {
                if (r.cssClass.equals(cssClass)) {
                    return r;
                }
            }
            return null;
        }

        /** Gives a row this remedy's class, for the next layout. */
        void give(Element row) {
            row.setAttribute("class", (row.getAttribute("class") + " " + cssClass).strip());
        }
    }

    /** A row of a table of text, its table, and what to do to it. */
    record LoneLine(Element row, Element table, Remedy remedy) {

        /** Gives the row its remedy's class, for the next layout. */
        void apply() {
            remedy.give(row);
        }

        /** Takes the remedy's class off again. */
        void undo() {
            row.setAttribute("class", row.getAttribute("class").replace(" " + remedy.cssClass, "").replace(remedy.cssClass, "").strip());
        }
    }

    /** A page a table of text runs on from is at least this full (its body rows' lowest point), as the print's are. */
    private static final double LEAST_FILLED = 0.7;

    /** A row moved to the next page is at most this share of a page's height: it must fit there whole. */
    private static final double MOST_OF_A_PAGE_MOVED = 0.9;

    private final List<PageBox> pages;
    private final Set<Element> letBe;
    private final List<LoneLine> found = new ArrayList<>();
    private final Map<Element, Integer> emptyPages = new HashMap<>();

    private LoneLines(List<PageBox> pages, Set<Element> letBe) {
        this.pages = pages;
        this.letBe = letBe;
    }

    /**
     * What one layout shows: in each table of text, the first row (top to bottom) that leaves a line alone on one of
     * its pages and can be helped, with its remedy (only the first: its remedy moves every row after it in its table,
     * which may then split well, or split badly where they did not; each table starts a page of its own, so tables do
     * not move each other); and for each table of text, how many of the pages it runs on from (its last page left out)
     * its rows fill less than 70% of.
     */
    record Reading(List<LoneLine> remedies, Map<Element, Integer> emptyPages) {
    }

    /** Reads a layout, the rows in letBe left as they are. */
    static Reading read(BlockBox root, Set<Element> letBe) {
        LoneLines lines = new LoneLines(root.getLayer().getPages(), letBe);
        lines.walk(root);
        return new Reading(lines.found, lines.emptyPages);
    }

    private void walk(Box box) {
        Element e = box.getElement();
        if (e != null && isTextTable(e)) {
            List<Box> rows = new ArrayList<>();
            bodyRows(box, rows);
            firstInTable(e, rows);
            emptyPages.put(e, emptyPages(rows));
            return;
        }
        for (int i = 0; i < box.getChildCount(); i++) {
            walk(box.getChild(i));
        }
    }

    /** A table of text: the indicators, the risks (fragments/table marks it text-only). */
    static boolean isTextTable(Element e) {
        return "table".equals(e.getNodeName()) && e.getAttribute("class").contains("text-only");
    }

    private void firstInTable(Element table, List<Box> rows) {
        for (Box row : rows) {
            Remedy remedy = letBe.contains(row.getElement()) ? null : remedy(row);
            if (remedy != null) {
                found.add(new LoneLine(row.getElement(), table, remedy));
                return;
            }
        }
    }

    private int emptyPages(List<Box> rows) {
        Map<Integer, Integer> lowest = new TreeMap<>(); // page -> the lowest point the rows reach on it
        for (Box row : rows) {
            int bottom = row.getAbsY() + row.getHeight();
            for (int p = page(row.getAbsY()); p <= page(bottom - 1); p++) {
                lowest.merge(p, Math.min(bottom, pages.get(p).getBottom()), Math::max);
            }
        }
        int last = lowest.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        int empty = 0;
        for (var e : lowest.entrySet()) {
            PageBox page = pages.get(e.getKey());
            if (e.getKey() < last && e.getValue() - page.getTop() < LEAST_FILLED * (page.getBottom() - page.getTop())) {
                empty++;
            }
        }
        return empty;
    }

    private static void bodyRows(Box box, List<Box> out) {
        Element e = box.getElement();
        if (e != null && "tr".equals(e.getNodeName()) && box instanceof BlockBox) {
            if (e.getParentNode() instanceof Element section && "tbody".equals(section.getNodeName())) {
                out.add(box);
            }
            return;
        }
        for (int i = 0; i < box.getChildCount(); i++) {
            bodyRows(box.getChild(i), out);
        }
    }

    /** What to do to a row that runs over a page break with one line alone on its first or last page; null if nothing helps. */
    private Remedy remedy(Box row) {
        int first = page(row.getAbsY());
        int last = page(row.getAbsY() + row.getHeight() - 1);
        String classes = row.getElement().getAttribute("class");
        if (first == last || classes.contains(Remedy.NEXT_PAGE.cssClass)) {
            return null;
        }
        Map<Integer, Integer> mostLines = new TreeMap<>(); // page -> the most lines any one cell has there
        for (int i = 0; i < row.getChildCount(); i++) {
            Map<Integer, Integer> cell = new TreeMap<>();
            linesByPage(row.getChild(i), cell);
            cell.forEach((p, n) -> mostLines.merge(p, n, Math::max));
        }
        PageBox page = pages.get(first);
        Remedy remedy = null;
        if (mostLines.getOrDefault(first, 0) <= 1) {
            // A row nearly as tall as a page would split again on the next one: its lone line is the lesser harm.
            remedy = row.getHeight() <= MOST_OF_A_PAGE_MOVED * (page.getBottom() - page.getTop()) ? Remedy.NEXT_PAGE : null;
        } else if (mostLines.getOrDefault(last, 0) <= 1) {
            // Moved down by a line, a row with two lines on its first page would leave one there: moved whole instead.
            remedy = mostLines.get(first) == 2 || classes.contains(Remedy.ONE_LINE_DOWN.cssClass) ? Remedy.NEXT_PAGE
                    : Remedy.ONE_LINE_DOWN;
        }
        return remedy;
    }

    /** Counts a cell's lines with text by page. */
    private void linesByPage(Box box, Map<Integer, Integer> out) {
        if (box instanceof LineBox line) {
            if (hasText(line)) {
                out.merge(page(line.getAbsY()), 1, Integer::sum);
            }
            return;
        }
        for (int i = 0; i < box.getChildCount(); i++) {
            linesByPage(box.getChild(i), out);
        }
    }

    private static boolean hasText(Box box) {
        if (box instanceof InlineLayoutBox inline) {
            for (Object child : inline.getInlineChildren()) {
                if (child instanceof InlineText text && !text.getSubstring().isBlank()
                        || child instanceof Box inner && hasText(inner)) {
                    return true;
                }
            }
            return false;
        }
        for (int i = 0; i < box.getChildCount(); i++) {
            if (hasText(box.getChild(i))) {
                return true;
            }
        }
        return false;
    }

    private int page(int y) {
        for (int i = 0; i < pages.size(); i++) {
            if (y >= pages.get(i).getTop() && y < pages.get(i).getBottom()) {
                return i;
            }
        }
        return pages.size() - 1;
    }
}
