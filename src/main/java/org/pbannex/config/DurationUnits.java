package org.pbannex.config;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

/**
 * Refuses a duration of pb-annex's own settings written without its unit ({@code PB_RUN_LEASE=5}): Spring reads a bare
 * number as milliseconds, which nobody setting a lease or a timeout means, and a lease of 5 ms made every live run
 * look dead to the next. Zero needs no unit (0: never, no limit). The refusal is a setting of the wrong kind, said in
 * one line by {@code ExitCodes} like any other.
 */
final class DurationUnits extends AbstractBindHandler {

    private static final ConfigurationPropertyName PB = ConfigurationPropertyName.of("pb");

    DurationUnits(BindHandler parent) {
        super(parent);
    }

    @Override
    public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context, Object result) {
        ConfigurationProperty property = context.getConfigurationProperty();
        if (result instanceof Duration d && !d.isZero() && PB.isAncestorOf(name) && property != null
                && property.getName().equals(name) && String.valueOf(property.getValue()).strip().matches("[+-]?\\d+")) {
            throw new IllegalArgumentException("a duration needs its unit (s, m, h, d)");
        }
        return super.onSuccess(name, target, context, result);
    }
}
