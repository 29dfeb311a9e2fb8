package org.pbannex.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a pie's slices are keyed: each drawn slice has a number (its place in the legend, from 1) set outside the pie
 * beside the slice, a leader line from the slice's rim to it, and the legend gives the same number before the slice's
 * name, so a reader who cannot tell the colours apart still finds each slice (WCAG 1.4.1; tester 78b, 10: the slices
 * were told apart by colour alone). Numbers rather than names: a name ("Not itemised (other departments ...)") is
 * wider than the pie, and a phone's screen has no room for names on both sides of it. Thin neighbouring slices
 * (outcome 1's 2.4 % and 2.1 %) would put their numbers on top of each other: on each side of the pie the numbers are
 * at least a line apart, in the slices' order, pushed down (and, at the bottom, up), so their leader lines never cross.
 * One layout for the HTML edition's SVG and the PDF's drawing, in the caller's units.
 *
 * <p>Coordinates are from the pie's centre, y downwards; slices run clockwise from twelve o'clock.
 *
 * @param keys   one per slice with a share above zero, in the slices' order
 * @param left   the leftmost point drawn (the pie or a number), below zero
 * @param top    the highest point drawn, below zero
 * @param right  the rightmost point drawn
 * @param bottom the lowest point drawn
 */
public record PieKeys(List<Key> keys, double left, double top, double right, double bottom) {

    /**
     * A slice's number and its leader line: from the rim at the slice's middle ({@code rimX, rimY}) out along the same
     * radius ({@code elbowX, elbowY}), then to the number's side ({@code endX, endY}).
     *
     * @param slice  the slice's place among all the slices (from 0), the legend's
     * @param textX  where the number's text starts (right side) or ends (left side)
     * @param textY  the middle of the number's line, as high as {@code line}
     * @param right  whether it is right of the pie (text runs from textX rightwards) or left (it ends at textX)
     * @param width  the number's width
     */
    public record Key(int slice, String number, double rimX, double rimY, double elbowX, double elbowY, double endX,
                      double endY, double textX, double textY, boolean right, double width) {

        /** The number's box: left, top, right, bottom. */
        public double[] box(double line) {
            double x0 = right ? textX : textX - width;
            return new double[] {x0, textY - line / 2, x0 + width, textY + line / 2};
        }
    }

    /**
     * The keys of a pie of radius {@code r} whose slices have these shares of the whole ({@code fractions}, clockwise
     * from twelve o'clock, summing to 1), their numbers' lines {@code line} high and a digit {@code digit} wide.
     */
    public static PieKeys of(List<Double> fractions, double r, double line, double digit) {
        // The leader line runs a third of a line out from the rim, and the number starts a quarter of a line beyond
        // its end, clear of the circle the leader lines end on.
        double reach = r + line * 0.75;
        double pad = line * 0.25;
        List<Key> right = new ArrayList<>();
        List<Key> left = new ArrayList<>();
        double at = 0;
        for (int i = 0; i < fractions.size(); i++) {
            double f = fractions.get(i);
            if (f > 0) {
                double angle = 2 * Math.PI * (at + f / 2);
                double sin = Math.sin(angle);
                double cos = Math.cos(angle);
                String number = Integer.toString(i + 1);
                Key k = new Key(i, number, r * sin, -r * cos, (r + line / 3) * sin, -(r + line / 3) * cos, 0, 0, 0,
                        -reach * cos, sin >= 0, number.length() * digit);
                (k.right() ? right : left).add(k);
            }
            at += f;
        }
        List<Key> keys = new ArrayList<>();
        keys.addAll(side(right, reach, line, pad));
        keys.addAll(side(left, reach, line, pad));
        keys.sort(Comparator.comparingInt(Key::slice));
        double x0 = -r;
        double y0 = -r;
        double x1 = r;
        double y1 = r;
        for (Key k : keys) {
            double[] b = k.box(line);
            x0 = Math.min(x0, b[0]);
            y0 = Math.min(y0, b[1]);
            x1 = Math.max(x1, b[2]);
            y1 = Math.max(y1, b[3]);
        }
        return new PieKeys(List.copyOf(keys), x0, y0, x1, y1);
    }

    /**
     * One side's numbers at least a line apart, top to bottom in the slices' order: each as near its slice's middle as
     * that allows, none lower than the pie's bottom unless there are too many to fit above it (then the drawing
     * grows upwards). A number sits just outside the circle of radius {@code reach} at its height.
     */
    private static List<Key> side(List<Key> keys, double reach, double line, double pad) {
        List<Key> sorted = new ArrayList<>(keys);
        sorted.sort(Comparator.comparingDouble(Key::textY));
        int n = sorted.size();
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i == 0 ? sorted.get(i).textY() : Math.max(sorted.get(i).textY(), y[i - 1] + line);
        }
        for (int i = n - 1; i >= 0; i--) {
            y[i] = i == n - 1 ? Math.min(y[i], reach) : Math.min(y[i], y[i + 1] - line);
        }
        List<Key> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Key k = sorted.get(i);
            // The circle's half-width at the height of the number's line nearest the centre, so no part of the text
            // comes inside it; never nearer the middle than the leader's elbow.
            double near = Math.max(0, Math.min(Math.abs(y[i] - line / 2), Math.abs(y[i] + line / 2)));
            if (y[i] - line / 2 < 0 && y[i] + line / 2 > 0) {
                near = 0;
            }
            double half = near < reach ? Math.sqrt(reach * reach - near * near) : 0;
            double end = Math.max(half, Math.abs(k.elbowX()));
            double sign = k.right() ? 1 : -1;
            out.add(new Key(k.slice(), k.number(), k.rimX(), k.rimY(), k.elbowX(), k.elbowY(), sign * end, y[i],
                    sign * (end + pad), y[i], k.right(), k.width()));
        }
        return out;
    }

    /** The drawing's width and height. */
    public double width() {
        return right - left;
    }

    public double height() {
        return bottom - top;
    }
}
