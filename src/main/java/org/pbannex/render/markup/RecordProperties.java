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
 * OGNL is the one Thymeleaf brings (a dependency of it, not declared here, so that the two cannot part).
 */
final class RecordProperties extends ObjectPropertyAccessor {

    private static final Object[] NO_ARGUMENTS = {};

    /** Each record class's components by name, with their accessors. */
    private static final ClassValue<Map<String, Method>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> accessors = new HashMap<>();
            RecordComponent[] components = type.getRecordComponents();
            if (components != null) {
                for (RecordComponent c : components) {
                    accessors.put(c.getName(), c.getAccessor());
                }
            }
            return accessors;
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
        Method accessor = COMPONENTS.get(target.getClass()).get(component);
        if (accessor == null || !ognl.getMemberAccess().isAccessible(ognl, target, accessor, component)) {
            return super.getProperty(context, target, name);
        }
        try {
            return OgnlRuntime.invokeMethod(target, accessor, NO_ARGUMENTS);
        } catch (InvocationTargetException e) {
            throw new OgnlException(target.getClass().getSimpleName() + "." + name + "()", e.getCause());
        } catch (IllegalAccessException e) {
            return super.getProperty(context, target, name);
        }
    }
}
