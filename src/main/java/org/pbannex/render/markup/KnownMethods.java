package org.pbannex.render.markup;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ognl.MethodFailedException;
import ognl.ObjectMethodAccessor;
import ognl.OgnlContext;
import ognl.OgnlRuntime;

/**
 * How the templates' expressions call a method, such as {@code ${#strings.isEmpty(v.tail)}} or
 * {@code ${r.labelWithBreaks()}}. For every call OGNL lists the class's methods of that name, picks the one the
 * arguments fit, asks Thymeleaf's member restrictions whether it may be called (which match the type's name against
 * their lists of blocked packages) and invokes it: in a profiled nightly run, 0.33 s of CPU for methods whose own work
 * took 0.1 s. Here a class's methods are listed once; a call whose name and arguments fit exactly one public method
 * calls it, asking the restrictions once per method and member access, as {@link RecordProperties} does for record
 * components. Any other call (overloads the arguments could fit twice, arguments to convert, a method refused, static
 * calls) goes OGNL's own way.
 */
final class KnownMethods extends ObjectMethodAccessor {

    /** A public method, its parameters' types, and the member access that allowed it. */
    private static final class Known {
        final AllowedMethod allowed;
        final Class<?>[] parameters;

        Known(Method method) {
            this.allowed = new AllowedMethod(method);
            this.parameters = method.getParameterTypes();
        }
    }

    /** Each class's public instance methods by name. */
    private static final ClassValue<Map<String, List<Known>>> METHODS = new ClassValue<>() {
        @Override
        protected Map<String, List<Known>> computeValue(Class<?> type) {
            Map<String, List<Known>> methods = new HashMap<>();
            if (!Modifier.isPublic(type.getModifiers())) {
                return methods; // OGNL's way: it finds the public interface or superclass a method is callable through
            }
            for (Method m : type.getMethods()) {
                if (!Modifier.isStatic(m.getModifiers()) && !m.isVarArgs()) {
                    methods.computeIfAbsent(m.getName(), n -> new ArrayList<>()).add(new Known(m));
                }
            }
            return methods;
        }
    };

    private KnownMethods() {
    }

    /** For every class whose calls OGNL would make with its default accessor (registered for Object). */
    static void register() {
        OgnlRuntime.setMethodAccessor(Object.class, new KnownMethods());
    }

    @Override
    @SuppressWarnings("rawtypes") // OGNL's own signature
    public Object callMethod(Map context, Object target, String name, Object[] args) throws MethodFailedException {
        if (target == null || !(context instanceof OgnlContext ognl)) {
            return super.callMethod(context, target, name, args);
        }
        Known known = fitting(target.getClass(), name, args);
        if (known == null) {
            return super.callMethod(context, target, name, args);
        }
        if (!known.allowed.allowed(ognl, target, null)) { // null: as OGNL asks for a call
            return super.callMethod(context, target, name, args);
        }
        try {
            return known.allowed.method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw new MethodFailedException(target, name, e.getCause());
        } catch (IllegalAccessException e) {
            return super.callMethod(context, target, name, args);
        }
    }

    /** The one public method of that name the arguments fit as they are; null when none or more than one does. */
    private static Known fitting(Class<?> type, String name, Object[] args) {
        List<Known> candidates = METHODS.get(type).get(name);
        if (candidates == null) {
            return null;
        }
        Known found = null;
        for (Known k : candidates) {
            if (fits(k.parameters, args)) {
                if (found != null) {
                    return null;
                }
                found = k;
            }
        }
        return found;
    }

    private static boolean fits(Class<?>[] parameters, Object[] args) {
        if (parameters.length != args.length) {
            return false;
        }
        for (int i = 0; i < args.length; i++) {
            // A primitive parameter is left to OGNL, which converts; an object one takes a null or an instance.
            if (parameters[i].isPrimitive() || args[i] != null && !parameters[i].isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }
}
