package org.pbannex.render.pdf;

import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.xhtmlrenderer.extend.ReplacedElement;
import org.xhtmlrenderer.extend.UserAgentCallback;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextReplacedElementFactory;
import org.xhtmlrenderer.render.BlockBox;

/**
 * Flying Saucer's replaced elements, plus the pie: a {@code div} with {@code data-fractions} (the slices, as
 * fractions of the whole) and {@code data-colors} becomes a {@link PieChartElement} of the div's CSS size.
 */
final class ChartElementFactory extends ITextReplacedElementFactory {

    ChartElementFactory(ITextOutputDevice outputDevice) {
        super(outputDevice);
    }

    @Override
    public @Nullable ReplacedElement createReplacedElement(LayoutContext c, BlockBox box, UserAgentCallback uac,
                                                           int cssWidth, int cssHeight) {
        Element e = box.getElement();
        if (e != null && "div".equals(e.getNodeName()) && e.hasAttribute("data-fractions")) {
            List<Double> fractions = Arrays.stream(e.getAttribute("data-fractions").trim().split("\\s+"))
                    .map(Double::valueOf).toList();
            List<Color> colors = Arrays.stream(e.getAttribute("data-colors").trim().split("\\s+")).map(Color::decode).toList();
            return new PieChartElement(fractions, colors, Math.max(cssWidth, 1), Math.max(cssHeight, 1));
        }
        return super.createReplacedElement(c, box, uac, cssWidth, cssHeight);
    }
}
