package org.pbannex.render.markup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import ognl.ObjectMethodAccessor;
import ognl.Ognl;
import ognl.OgnlException;
import ognl.OgnlRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** The templates' expressions call methods through {@link KnownMethods}, with what OGNL would call without it. */
class KnownMethodsTest {

    /** A view as the templates' are: methods without arguments, with one, overloaded, and one that fails. */
    public record View(String label) {
        public String shout() {
            return label.toUpperCase(Locale.ROOT);
        }

        public String with(String suffix) {
            return label + suffix;
        }

        public String pick(Object o) {
            return "object";
        }

        public String pick(String s) {
            return "string";
        }

        public String repeat(int times) {
            return label.repeat(times);
        }

        public String fail() {
            throw new IllegalStateException("no answer today");
        }
    }

    private static TemplateEngine engine;

    @BeforeAll
    static void engine() {
        RecordProperties.register();
        KnownMethods.register();
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
    }

    private static String render(String expression, Object value) {
        return engine.process("<p th:text=\"${" + expression + "}\"></p>", new Context(Locale.ROOT, Map.of("r", value)));
    }

    @Test
    void callsGoThroughIt() throws OgnlException {
        assertInstanceOf(KnownMethods.class, OgnlRuntime.getMethodAccessor(View.class));
        assertInstanceOf(KnownMethods.class, OgnlRuntime.getMethodAccessor(org.thymeleaf.expression.Strings.class));
    }

    @Test
    void callsAnswerAsBefore() throws OgnlException {
        View v = new View("Africa");
        // Two overloads fit: left to OGNL, which picks as it always has.
        Object ognlsOwn = new ObjectMethodAccessor().callMethod(Ognl.createDefaultContext(v), v, "pick", new Object[] {"xy"});
        assertEquals("<p>" + ognlsOwn + "</p>", render("r.pick('xy')", v)); // 'x' alone is a Character to OGNL
        assertEquals("<p>AFRICA</p>", render("r.shout()", v));
        assertEquals("<p>Africa!</p>", render("r.with('!')", v));
        assertEquals("<p>Africa</p>", render("r.with(null).substring(0, 6)", v), "a null fits an object parameter");
        assertEquals("<p>object</p>", render("r.pick(1)", v));
        assertEquals("<p>AfricaAfrica</p>", render("r.repeat(2)", v), "a primitive parameter: OGNL converts");
        assertEquals("<p>true|false|a+b</p>", render("#strings.isEmpty('') + '|' + #strings.isEmpty(r.label) + '|'"
                + " + #strings.replace('a-b', '-', '+')", v));
    }

    @Test
    void aMethodThatFailsIsAnErrorNamingIt() {
        TemplateProcessingException e = assertThrows(TemplateProcessingException.class, () -> render("r.fail()", new View("x")));
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertEquals("no answer today", cause.getMessage());
        assertTrue(e.getMessage().contains("r.fail()"), e.getMessage());
    }

    @Test
    void anUnknownMethodIsStillAnError() {
        assertThrows(TemplateProcessingException.class, () -> render("r.nothing()", new View("x")));
    }

    private static Object call(AskedMemberAccess access, Object target, String method, Object... args) throws OgnlException {
        return OgnlRuntime.getMethodAccessor(target.getClass())
                .callMethod(access.context(target), target, method, args);
    }

    @Test
    void aMethodTheMemberAccessAllowedIsNotAskedAgainButAnotherMemberAccessIsAsked() throws Exception {
        AskedMemberAccess first = new AskedMemberAccess(true);
        assertEquals("AFRICA", call(first, new View("Africa"), "shout"));
        assertEquals("ASIA", call(first, new View("Asia"), "shout"));
        assertEquals("Asia?", call(first, new View("Asia"), "with", "?"));
        assertEquals(List.of("View.shout", "View.with"), first.asked, "asked once a class and method");

        AskedMemberAccess second = new AskedMemberAccess(true);
        assertEquals("EUROPE", call(second, new View("Europe"), "shout"));
        assertEquals(List.of("View.shout"), second.asked, "another member access decides for itself");
    }

    @Test
    void aMethodTheMemberAccessRefusesIsNeverCalledThroughIt() {
        AskedMemberAccess refusing = new AskedMemberAccess(false);
        for (int i = 0; i < 2; i++) {
            Object value;
            try {
                value = call(refusing, new View("secret"), "shout");
            } catch (OgnlException e) {
                value = null; // OGNL's own way for a method it may not call
            }
            assertNotEquals("SECRET", value);
        }
        assertTrue(refusing.asked.stream().filter("View.shout"::equals).count() >= 2, "asked on each call: " + refusing.asked);
    }
}
