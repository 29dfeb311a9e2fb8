package org.pbannex.render.markup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import ognl.OgnlRuntime;
import ognl.enhance.ExpressionCompiler;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;

/** OGNL's compiler with its interface classes kept per class answers as OGNL's own, and the templates use it. */
class InterfaceClassesTest {

    public record Cell(String text) {
    }

    @Test
    void answersAsOgnlsOwnCompilerForEveryKindOfClass() {
        ExpressionCompiler ognls = new ExpressionCompiler();
        InterfaceClasses ours = new InterfaceClasses();
        for (Class<?> type : List.of(Cell.class, ArrayList.class, HashMap.class, LinkedHashSet.class, Object.class,
                String.class, Map.class, int.class, new ArrayList<>().iterator().getClass(), Context.class)) {
            assertEquals(ognls.getInterfaceClass(type), ours.getInterfaceClass(type), type.getName());
            assertEquals(ognls.getInterfaceClass(type), ours.getInterfaceClass(type), type.getName() + ", asked again");
        }
        assertNull(ours.getInterfaceClass(null));
    }

    @Test
    void theTemplatesEngineInstallsIt() {
        Templates.prepare(); // the engine is built with the class, and with it OGNL's compiler set
        assertInstanceOf(InterfaceClasses.class, OgnlRuntime.getCompiler());
    }
}
