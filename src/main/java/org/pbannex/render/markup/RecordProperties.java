package org.pbannex.render.markup;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import ognl.ObjectPropertyAccessor;
import ognl.OgnlContext;
import ognl.OgnlException;
import ognl.OgnlRuntime;

/**
 * How the templates' expressions read a record's component, such as {@code ${row.label}}. OGNL, Thymeleaf's expression
 * language, looks for a getter ({@code getLabel()}); a record has none, and OGNL then lists every method of the class
 * and compares names, on every evaluation, without a cache. In a profiled nightly run Thymeleaf took 1.25 s of CPU
 * with that search, 0.69 s without. This accessor finds a component's accessor once per class. Anything that is not a
 * component (a getter, a method) goes the usual way, and so does any member Thymeleaf's restrictions would refuse.
 * A component Thymeleaf's member access allowed once is read straight from then on: that check (which matches the
 * type's name against its lists of blocked packages) and OGNL's invocation took 1.3 s of 16 s of a warm process's
 * rendering CPU, for an answer that depends only on the record's class and the component. OGNL is the one Thymeleaf
 * brings (a dependency of it, not declared here, so that the two cannot part).
 */
final class RecordProperties extends ObjectPropertyAccessor {

    /** Each record class's component accessors by the component's name. */
    private static final ClassValue<Map<String, AllowedMethod>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, AllowedMethod> computeValue(Class<?> type) {
            Map<String, AllowedMethod> components = new HashMap<>();
            RecordComponent[] declared = type.getRecordComponents();
            if (declared != null) {
                for (RecordComponent c : declared) {
                    Method accessor = c.getAccessor();
                    accessor.trySetAccessible(); // a record that is not public is read all the same, as OGNL would
                    components.put(c.getName(), new AllowedMethod(accessor));
                }
            }
            return components;
        }
    };

    private RecordProperties() {
    }

    /** For every record (OGNL picks a class's accessor by its nearest registered superclass: java.lang.Record). */
    static void register() {
        OgnlRuntime.setPropertyAccessor(Record.class, new RecordProperties());
    }

    @Override
    @SuppressWarnings("rawtypes") // OGNL's own signature
    public Object getProperty(Map context, Object target, Object name) throws OgnlException {
        if (!(name instanceof String component) || !(context instanceof OgnlContext ognl)) {
            return super.getProperty(context, target, name);
        }
        AllowedMethod c = COMPONENTS.get(target.getClass()).get(component);
        if (c == null || !c.allowed(ognl, target, component)) {
            return super.getProperty(context, target, name);
        }
        try {
            return c.method.invoke(target);
        } catch (InvocationTargetException e) {
            throw new OgnlException(target.getClass().getSimpleName() + "." + name + "()", e.getCause());
        } catch (IllegalAccessException e) {
            return super.getProperty(context, target, name);
        }
    }
}
