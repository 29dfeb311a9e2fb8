package org.pbannex.render;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A table of a tagged PDF's structure tree as poppler prints it (pdfinfo -struct-text): an element per line, indented
 * two spaces a level, its attributes on lines starting with "/" and its text as quoted strings below it. head holds
 * each TR of its THead, body each TR of its TBodies, as its cells' texts (TH or TD), in order; widths each TR's
 * width in columns, its cells' column spans and the columns of cells above that span down into it.
 */
record StructureTable(List<String[]> head, List<String[]> body, List<Integer> widths) {

    /** One element of the tree: its tag, its own text and its children. */
    record Node(String tag, int indent, StringBuilder text, List<Node> children, StringBuilder attributes) {
        /** A cell's span in one direction (its /ColSpan or /RowSpan attribute, else 1). */
        int span(String name) {
            var m = java.util.regex.Pattern.compile("/" + name + " (\\d+)").matcher(attributes);
            return m.find() ? Integer.parseInt(m.group(1)) : 1;
        }

        String allText() {
            StringBuilder all = new StringBuilder(text);
            children.forEach(c -> all.append(c.allText()));
            return all.toString();
        }

        void collect(String wanted, List<Node> into) {
            if (tag.equals(wanted)) {
                into.add(this);
            }
            children.forEach(c -> c.collect(wanted, into));
        }
    }

    static Node tree(String printed) {
        Node root = new Node("", -1, new StringBuilder(), new ArrayList<>(), new StringBuilder());
        Deque<Node> open = new ArrayDeque<>();
        open.push(root);
        for (String line : printed.lines().toList()) {
            String s = line.strip();
            int indent = line.length() - line.stripLeading().length();
            if (s.isEmpty()) {
                continue;
            }
            if (s.startsWith("/")) {
                open.peek().attributes().append(s).append('\n'); // an attribute of the element above
                continue;
            }
            if (s.startsWith("\"")) {
                open.peek().text().append(s, 1, s.length() - 1);
                continue;
            }
            while (open.peek().indent() >= indent) {
                open.pop();
            }
            Node n = new Node(s.replaceAll("[: ].*", ""), indent, new StringBuilder(), new ArrayList<>(), new StringBuilder());
            open.peek().children().add(n);
            open.push(n);
        }
        return root;
    }

    static List<StructureTable> parse(String printed) {
        List<Node> tables = new ArrayList<>();
        tree(printed).collect("Table", tables);
        List<StructureTable> out = new ArrayList<>();
        for (Node t : tables) {
            List<String[]> head = new ArrayList<>();
            List<String[]> body = new ArrayList<>();
            List<Integer> widths = new ArrayList<>();
            java.util.Map<Integer, Integer> spannedBelow = new java.util.HashMap<>(); // row -> columns taken from above
            int r = 0;
            for (Node section : t.children()) {
                for (Node tr : section.children()) {
                    if (!tr.tag().equals("TR")) {
                        continue;
                    }
                    int width = spannedBelow.getOrDefault(r, 0);
                    for (Node cell : tr.children()) {
                        width += cell.span("ColSpan");
                        for (int below = 1; below < cell.span("RowSpan"); below++) {
                            spannedBelow.merge(r + below, cell.span("ColSpan"), Integer::sum);
                        }
                    }
                    widths.add(width);
                    r++;
                    (section.tag().equals("THead") ? head : body).add(
                            tr.children().stream().map(Node::allText).toArray(String[]::new));
                }
            }
            out.add(new StructureTable(head, body, widths));
        }
        return out;
    }

    /** The texts of every element with this tag, in the tree's order. */
    static List<String> textsOf(String printed, String tag) {
        List<Node> found = new ArrayList<>();
        tree(printed).collect(tag, found);
        return found.stream().map(Node::allText).toList();
    }
}
