package org.pbannex.render.markup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import ognl.OgnlException;
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

    private static Object read(AskedMemberAccess access, Object target, String component) throws OgnlException {
        return OgnlRuntime.getPropertyAccessor(Record.class)
                .getProperty(access.context(target), target, component);
    }

    @Test
    void aComponentTheMemberAccessAllowedIsNotAskedAgainButAnotherMemberAccessIsAsked() throws Exception {
        AskedMemberAccess first = new AskedMemberAccess(true);
        assertEquals("Africa", read(first, new Row("Africa", 1, List.of()), "label"));
        assertEquals("Asia", read(first, new Row("Asia", 2, List.of()), "label"));
        assertEquals(2, read(first, new Row("Asia", 2, List.of()), "amount"));
        assertEquals(List.of("Row.label", "Row.amount"), first.asked, "asked once a class and component");

        AskedMemberAccess second = new AskedMemberAccess(true);
        assertEquals("Europe", read(second, new Row("Europe", 3, List.of()), "label"));
        assertEquals(List.of("Row.label"), second.asked, "another member access decides for itself");
    }

    @Test
    void aComponentTheMemberAccessRefusesIsNeverReadThroughItsAccessor() throws Exception {
        AskedMemberAccess refusing = new AskedMemberAccess(false);
        for (int i = 0; i < 2; i++) {
            Object value;
            try {
                value = read(refusing, new Cell("secret"), "text");
            } catch (OgnlException e) {
                value = null; // OGNL's own way for a member it may not read
            }
            assertNotEquals("secret", value);
        }
        assertTrue(refusing.asked.stream().filter("Cell.text"::equals).count() >= 2, "asked on each read: " + refusing.asked);
    }
}
