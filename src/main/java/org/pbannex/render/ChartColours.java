package org.pbannex.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A chart's series or slice colours: an output's palette as designed, then, for a chart with more series than it has
 * (Figure 2 over nine biennia or more), colours derived from it, each apart from every colour before it, so that no
 * two series share one however many there are. The palette's own colours keep their places: a chart they suffice for
 * is drawn as before. A derived colour, like the palette's, stands out against white (contrast 3:1 or more).
 */
public final class ChartColours {

    /** Hue steps of the golden angle spread the derived colours around the wheel, each far from the last. */
    private static final double GOLDEN_ANGLE = 137.508;
    /** How far apart (CIE76 distance in Lab) a derived colour is from every other, as long as such a colour is found. */
    private static final double FIRST_DISTANCE = 22;
    private static final int TRIES_PER_DISTANCE = 720;

    private ChartColours() {
    }

    /** The first {@code count} colours ("#1f4e79"): the palette's, then derived ones; all different. */
    public static List<String> of(List<String> palette, int count) {
        List<String> out = new ArrayList<>(palette.subList(0, Math.min(count, palette.size())));
        List<double[]> lab = new ArrayList<>(out.stream().map(ChartColours::lab).toList());
        double distance = FIRST_DISTANCE;
        int tries = 0;
        for (int k = 0; out.size() < count; k++) {
            String candidate = candidate(k);
            double[] l = lab(candidate);
            double nearest = lab.stream().mapToDouble(o -> distance(o, l)).min().orElse(Double.MAX_VALUE);
            if (!out.contains(candidate) && nearest >= distance) {
                out.add(candidate);
                lab.add(l);
                tries = 0;
            } else if (++tries == TRIES_PER_DISTANCE) {
                // No colour that far from all the others is left: accept closer ones (never the same one).
                distance *= 0.8;
                tries = 0;
            }
        }
        return out;
    }

    /**
     * The k-th colour tried: hues around the wheel at three depths of tone, each darkened until it has a contrast of 3:1
     * or more against white.
     */
    static String candidate(int k) {
        double hue = (k * GOLDEN_ANGLE) % 360;
        double lightness = new double[] {0.36, 0.27, 0.45}[k % 3];
        double saturation = new double[] {0.65, 0.55, 0.75}[(k / 3) % 3];
        String hex = hsl(hue, saturation, lightness);
        while (contrastWithWhite(hex) < 3.0) {
            lightness -= 0.02;
            hex = hsl(hue, saturation, lightness);
        }
        return hex;
    }

    /** WCAG's contrast ratio of the colour against white. */
    static double contrastWithWhite(String hex) {
        double[] rgb = linear(hex);
        double luminance = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
        return 1.05 / (luminance + 0.05);
    }

    private static String hsl(double hue, double s, double l) {
        double c = (1 - Math.abs(2 * l - 1)) * s;
        double x = c * (1 - Math.abs((hue / 60) % 2 - 1));
        double m = l - c / 2;
        double[] rgb = switch ((int) (hue / 60)) {
            case 0 -> new double[] {c, x, 0};
            case 1 -> new double[] {x, c, 0};
            case 2 -> new double[] {0, c, x};
            case 3 -> new double[] {0, x, c};
            case 4 -> new double[] {x, 0, c};
            default -> new double[] {c, 0, x};
        };
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round((rgb[0] + m) * 255), Math.round((rgb[1] + m) * 255),
                Math.round((rgb[2] + m) * 255));
    }

    /** sRGB "#rrggbb" as linear light, 0 to 1 per channel. */
    private static double[] linear(String hex) {
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            out[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return out;
    }

    /** CIE Lab (D65) of an sRGB colour, where distances are roughly as the eye sees them. */
    private static double[] lab(String hex) {
        double[] c = linear(hex);
        double x = (0.4124 * c[0] + 0.3576 * c[1] + 0.1805 * c[2]) / 0.95047;
        double y = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
        double z = (0.0193 * c[0] + 0.1192 * c[1] + 0.9505 * c[2]) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    /** How far apart two colours look (CIE76: 2.3 is just noticeable; the palette's are 20 and more apart). */
    static double distance(String a, String b) {
        return distance(lab(a), lab(b));
    }

    private static double distance(double[] a, double[] b) {
        return Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
    }
}
