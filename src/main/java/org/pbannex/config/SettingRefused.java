package org.pbannex.config;

import org.springframework.boot.context.properties.source.ConfigurationProperty;

/**
 * A setting of its kind whose value pb-annex cannot use (PB_EXPENDITURE_THREADS=-1, PB_RETENTION_RUNS=-1), refused as
 * its settings are bound: said in the line of a setting of the wrong kind (ExitCodes.badSetting), with where it was set,
 * once the binder has found the property that set it ({@link RefusedSettings}).
 */
public final class SettingRefused extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final transient Object value;
    private final String notWhat;
    private final transient ConfigurationProperty property;

    /**
     * @param name    the setting, e.g. pb.expenditure.threads
     * @param value   its value as bound, said when the property that set it is not known
     * @param notWhat what it should be, after "which is not": "0 (one per core) or how many threads ..."
     */
    public SettingRefused(String name, Object value, String notWhat) {
        this(name, value, notWhat, null, null);
    }

    private SettingRefused(String name, Object value, String notWhat, ConfigurationProperty property, Throwable cause) {
        super(Settings.refused(name, property, value, notWhat), cause);
        this.name = name;
        this.value = value;
        this.notWhat = notWhat;
        this.property = property;
    }

    /** The same refusal, named with where the property set it (its value as written there). */
    SettingRefused at(ConfigurationProperty set) {
        return new SettingRefused(name, value, notWhat, set, this);
    }

    /** The setting's name, e.g. pb.expenditure.threads. */
    String name() {
        return name;
    }

    /** Whether the line names where the setting was set. */
    boolean placed() {
        return property != null;
    }
}
