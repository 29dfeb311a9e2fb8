package org.pbannex.config;

import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;

/**
 * A setting refused by the settings' own record ({@link SettingRefused}: a negative number of threads) is refused while
 * its record is bound, which names the record (pb.expenditure), not the property: the property that set it is found
 * here, among the sources bound, so that the line says where it was set, as for a value of the wrong kind.
 */
final class RefusedSettings extends AbstractBindHandler {

    RefusedSettings(BindHandler parent) {
        super(parent);
    }

    @Override
    public Object onFailure(ConfigurationPropertyName name, Bindable<?> target, BindContext context, Exception error) throws Exception {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SettingRefused refused && !refused.placed()) {
                ConfigurationPropertyName setting = ConfigurationPropertyName.of(refused.name());
                for (ConfigurationPropertySource source : context.getSources()) {
                    ConfigurationProperty property = source.getConfigurationProperty(setting);
                    if (property != null) {
                        throw refused.at(property);
                    }
                }
            }
        }
        return super.onFailure(name, target, context, error);
    }
}
