package org.pbannex.batch;

import java.text.MessageFormat;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;

/**
 * The context's message source: pb-annex has no Spring messages (its texts are reference data in input/), so every
 * code is unknown and a default message is returned as given. Spring's own empty one (DelegatingMessageSource) would
 * do the same, but its base class lists every locale of the JVM when it loads: 0.05 s of a cold run's start, on the
 * path the run waits for (a wall-clock profile).
 */
final class NoMessages implements MessageSource {

    @Override
    public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
        if (defaultMessage == null || args == null || args.length == 0) {
            return defaultMessage;
        }
        return new MessageFormat(defaultMessage, locale == null ? Locale.ROOT : locale).format(args);
    }

    @Override
    public String getMessage(String code, Object[] args, Locale locale) {
        throw new NoSuchMessageException(code, locale);
    }

    @Override
    public String getMessage(MessageSourceResolvable resolvable, Locale locale) {
        String[] codes = resolvable.getCodes();
        if (resolvable.getDefaultMessage() == null) {
            throw new NoSuchMessageException(codes == null || codes.length == 0 ? "" : codes[codes.length - 1], locale);
        }
        return getMessage(null, resolvable.getArguments(), resolvable.getDefaultMessage(), locale);
    }
}
