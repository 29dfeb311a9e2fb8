package org.pbannex.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A chart's series or slice colours: an output's palette as designed, then, for a chart with more series than it has
 * (Figure 2 over nine biennia or more), colours derived from it, so that no two series share one however many there
 * are. The palette's own colours keep their places: a chart they suffice for is drawn as before. Each derived colour is,
 * of the candidates left, the one farthest (CIEDE2000) from every colour before it, so it is never a near shade of a
 * palette colour's hue: up to fourteen series, 20 or more apart, more than the palette's own closest pair. A derived
 * colour, like the palette's, stands out against white (contrast 3:1 or more).
 */
public final class ChartColours {

    private static final double[] LIGHTNESS = {0.27, 0.36, 0.45, 0.55};
    private static final double[] SATURATION = {0.45, 0.65, 0.85};

    private ChartColours() {
    }

    /** The first {@code count} colours ("#1f4e79"): the palette's, then derived ones; all different. */
    public static List<String> of(List<String> palette, int count) {
        List<String> out = new ArrayList<>(palette.subList(0, Math.min(count, palette.size())));
        if (out.size() == count) {
            return out;
        }
        List<String> candidates = candidates(count);
        candidates.removeAll(out);
        List<double[]> lab = new ArrayList<>(candidates.stream().map(ChartColours::lab).toList());
        // Each candidate's distance to the nearest colour taken, brought up to date as each is taken.
        double[] nearest = new double[candidates.size()];
        java.util.Arrays.fill(nearest, Double.MAX_VALUE);
        for (String taken : out) {
            closer(nearest, lab, lab(taken));
        }
        while (out.size() < count) {
            int best = 0;
            for (int i = 1; i < nearest.length; i++) {
                best = nearest[i] > nearest[best] ? i : best;
            }
            out.add(candidates.get(best));
            closer(nearest, lab, lab.get(best));
            nearest[best] = -1; // taken: never again
        }
        return out;
    }

    private static void closer(double[] nearest, List<double[]> lab, double[] taken) {
        for (int i = 0; i < nearest.length; i++) {
            nearest[i] = Math.min(nearest[i], deltaE2000(lab.get(i), taken));
        }
    }

    /**
     * The colours a derived one is chosen from, enough of them for {@code count}: hues around the wheel (finer steps for
     * more series) at four tones and three saturations, each darkened until it has a contrast of 3:1 or more against
     * white; no colour twice.
     */
    static List<String> candidates(int count) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        for (double step = 6; out.size() < 2 * count; step /= 2) {
            for (double hue = 0; hue < 360; hue += step) {
                for (double l : LIGHTNESS) {
                    for (double s : SATURATION) {
                        double lightness = l;
                        String hex = hsl(hue, s, lightness);
                        while (contrastWithWhite(hex) < 3.0) {
                            lightness -= 0.02;
                            hex = hsl(hue, s, lightness);
                        }
                        out.add(hex);
                    }
                }
            }
        }
        return new ArrayList<>(out);
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

    /** How far apart two colours look (CIEDE2000: 1 is just noticeable; the PDF palette's closest pair is 17.5 apart). */
    static double distance(String a, String b) {
        return deltaE2000(lab(a), lab(b));
    }

    /** CIEDE2000 colour difference of two Lab colours (Sharma, Wu and Dalal's formulation). */
    static double deltaE2000(double[] x, double[] y) {
        double c1 = Math.hypot(x[1], x[2]);
        double c2 = Math.hypot(y[1], y[2]);
        double cMean7 = Math.pow((c1 + c2) / 2, 7);
        double g = 0.5 * (1 - Math.sqrt(cMean7 / (cMean7 + Math.pow(25, 7))));
        double a1 = (1 + g) * x[1];
        double a2 = (1 + g) * y[1];
        double c1p = Math.hypot(a1, x[2]);
        double c2p = Math.hypot(a2, y[2]);
        double h1 = hueAngle(a1, x[2]);
        double h2 = hueAngle(a2, y[2]);
        double dh = c1p * c2p == 0 ? 0 : h2 - h1 > 180 ? h2 - h1 - 360 : h2 - h1 < -180 ? h2 - h1 + 360 : h2 - h1;
        double dL = y[0] - x[0];
        double dC = c2p - c1p;
        double dH = 2 * Math.sqrt(c1p * c2p) * Math.sin(Math.toRadians(dh / 2));
        double lMean = (x[0] + y[0]) / 2;
        double cMeanP = (c1p + c2p) / 2;
        double hMean = c1p * c2p == 0 ? h1 + h2 : Math.abs(h1 - h2) <= 180 ? (h1 + h2) / 2
                : h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
        double t = 1 - 0.17 * Math.cos(Math.toRadians(hMean - 30)) + 0.24 * Math.cos(Math.toRadians(2 * hMean))
                + 0.32 * Math.cos(Math.toRadians(3 * hMean + 6)) - 0.20 * Math.cos(Math.toRadians(4 * hMean - 63));
        double dTheta = 30 * Math.exp(-Math.pow((hMean - 275) / 25, 2));
        double cP7 = Math.pow(cMeanP, 7);
        double rc = 2 * Math.sqrt(cP7 / (cP7 + Math.pow(25, 7)));
        double sl = 1 + 0.015 * Math.pow(lMean - 50, 2) / Math.sqrt(20 + Math.pow(lMean - 50, 2));
        double sc = 1 + 0.045 * cMeanP;
        double sh = 1 + 0.015 * cMeanP * t;
        double rt = -Math.sin(Math.toRadians(2 * dTheta)) * rc;
        return Math.sqrt(Math.pow(dL / sl, 2) + Math.pow(dC / sc, 2) + Math.pow(dH / sh, 2) + rt * (dC / sc) * (dH / sh));
    }

    private static double hueAngle(double a, double b) {
        double h = Math.toDegrees(Math.atan2(b, a));
        return h < 0 ? h + 360 : h;
    }
}
