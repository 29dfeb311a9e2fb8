package org.pbannex.render.markup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import ognl.OgnlRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** The templates' expressions read records through {@link RecordProperties}, with what OGNL would read without it. */
class RecordPropertiesTest {

    /** A record as the views are: components, and a getter and a method beside them. */
    public record Row(String label, int amount, List<Cell> cells) {
        public String getShout() {
            return label.toUpperCase(Locale.ROOT);
        }

        public int twice() {
            return 2 * amount;
        }
    }

    public record Cell(String text) {
    }

    /** Not public: its accessors are reached all the same. */
    record Hidden(String secret) {
    }

    /** A component whose accessor fails. */
    public record Failing(String value) {
        @Override
        public String value() {
            throw new IllegalStateException("no value today");
        }
    }

    private static TemplateEngine engine;

    @BeforeAll
    static void engine() {
        RecordProperties.register();
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
    }

    private static String render(String template, Object value) {
        return engine.process(template, new Context(Locale.ROOT, Map.of("r", value)));
    }

    @Test
    void recordsGoThroughItsAccessor() throws Exception {
        assertInstanceOf(RecordProperties.class, OgnlRuntime.getPropertyAccessor(Row.class));
        assertInstanceOf(RecordProperties.class, OgnlRuntime.getPropertyAccessor(Hidden.class));
    }

    @Test
    void componentsGettersMethodsAndNestedRecordsReadAsBefore() {
        Row row = new Row("Africa", 21, List.of(new Cell("a"), new Cell("<b>")));
        assertEquals("<p>Africa|21|AFRICA|42|2</p><i>a</i><i>&lt;b&gt;</i>",
                render("<p th:text=\"${r.label + '|' + r.amount + '|' + r.shout + '|' + r.twice() + '|' + r.cells.size()}\"></p>"
                        + "<i th:each=\"c : ${r.cells}\" th:text=\"${c.text}\"></i>", row));
        assertEquals("<p>kept</p>", render("<p th:text=\"${r.secret}\"></p>", new Hidden("kept")));
    }

    @Test
    void anAccessorThatFailsIsAnErrorNamingIt() {
        TemplateProcessingException e = assertThrows(TemplateProcessingException.class,
                () -> render("<p th:text=\"${r.value}\"></p>", new Failing("x")));
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertEquals("no value today", cause.getMessage());
        assertTrue(e.getMessage().contains("r.value"), e.getMessage());
    }

    @Test
    void anUnknownPropertyIsStillAnError() {
        assertThrows(TemplateProcessingException.class, () -> render("<p th:text=\"${r.nothing}\"></p>", new Cell("x")));
    }
}
