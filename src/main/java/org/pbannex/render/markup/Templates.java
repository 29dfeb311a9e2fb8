package org.pbannex.render.markup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.unbescape.html.HtmlEscape;

/**
 * The Thymeleaf templates under {@code src/main/resources/templates}: the PDF's XHTML, the HTML edition and
 * report.html. Thymeleaf escapes every text and attribute value it writes, so no code here builds markup by hand.
 * The templates are written as well-formed XHTML, which Thymeleaf's HTML mode keeps as written: Flying Saucer's XML
 * parser reads the PDF's, and browsers read the others.
 */
public final class Templates {

    private static final TemplateEngine ENGINE = engine();

    private Templates() {
    }

    /** Renders {@code templates/<name>.html} with the given variables. */
    public static String render(String name, Map<String, Object> variables, Locale locale) {
        return ENGINE.process(name, new Context(locale, variables));
    }

    /**
     * Builds what Thymeleaf builds the first time it escapes a value: unbescape's tables of the HTML entities (0.1 s,
     * once per process). The engine is built with this class, before it.
     */
    public static void prepare() {
        HtmlEscape.escapeHtml4Xml("<&>");
    }

    /** A text resource beside the templates (a stylesheet), e.g. {@code /templates/annex.css}. */
    public static String resource(String path) throws IOException {
        try (InputStream in = Templates.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException(path + " missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static TemplateEngine engine() {
        RecordProperties.register();
        KnownMethods.register();
        InterfaceClasses.register();
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Templates.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
