package org.pbannex.render.markup;

import java.lang.reflect.Method;
import ognl.MemberAccess;
import ognl.OgnlContext;

/**
 * A method the templates' expressions reach (a record's accessor, a view's method), and the member access that last
 * allowed it. Thymeleaf's member access decides by the member's class, the target's class and the member's name only,
 * so its answer is kept with it (Thymeleaf has one, a constant); another member access decides again, and a refusal is
 * never kept. Shared by {@link RecordProperties} and {@link KnownMethods}.
 */
final class AllowedMethod {

    final Method method;
    private volatile MemberAccess allowedBy;

    AllowedMethod(Method method) {
        this.method = method;
    }

    /**
     * Whether the context's member access allows calling the method on the target (asked once per member access).
     *
     * @param propertyName the property read, as OGNL names it to the member access (null for a method call)
     */
    boolean allowed(OgnlContext context, Object target, String propertyName) {
        MemberAccess access = context.getMemberAccess();
        if (allowedBy == access) {
            return true;
        }
        if (!access.isAccessible(context, target, method, propertyName)) {
            return false;
        }
        allowedBy = access;
        return true;
    }
}
