package org.pbannex.render.markup;

import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ognl.AbstractMemberAccess;
import ognl.Ognl;
import ognl.OgnlContext;

/** A member access that says what it was asked (Class.member), and allows public members only when told to. */
final class AskedMemberAccess extends AbstractMemberAccess {
    final List<String> asked = new ArrayList<>();
    private final boolean allows;

    AskedMemberAccess(boolean allows) {
        this.allows = allows;
    }

    @Override
    @SuppressWarnings("rawtypes") // OGNL's own signature
    public boolean isAccessible(Map context, Object target, Member member, String propertyName) {
        asked.add(target.getClass().getSimpleName() + "." + member.getName());
        return allows && Modifier.isPublic(member.getModifiers());
    }

    /** An OGNL context on the target with this member access. */
    OgnlContext context(Object target) {
        return (OgnlContext) Ognl.createDefaultContext(target, this);
    }
}
