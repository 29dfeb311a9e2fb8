package org.pbannex.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.Nearest;
import org.pbannex.runtime.UsageError;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line typed wrong, said in one line a budget officer reads (the option, what was typed, what it takes),
 * for every command in one place: picocli's converters and its messages name Java's types and argument indexes.
 */
final class CommandLineMistakes {

    private CommandLineMistakes() {
    }

    /** A value that is not of its option's kind: the kind, and an example when the option has no default to show. */
    static final class NotA extends TypeConversionException {
        private static final long serialVersionUID = 1L;
        final String kind;
        final String example;

        NotA(String kind, String example) {
            super("is not " + kind + " such as " + example);
            this.kind = kind;
            this.example = example;
        }
    }

    /** The converters of the typed options of every command (the commands already added, and so all of them). */
    static CommandLine withConverters(CommandLine cli) {
        ITypeConverter<Integer> integer = v -> whole(v, Integer::valueOf);
        ITypeConverter<Long> whole = v -> whole(v, Long::valueOf);
        return cli.registerConverter(Integer.class, integer).registerConverter(int.class, integer)
                .registerConverter(Long.class, whole).registerConverter(long.class, whole)
                .registerConverter(LocalDate.class, CommandLineMistakes::date);
    }

    private static <T> T whole(String value, Function<String, T> parse) {
        try {
            return parse.apply(value.strip());
        } catch (NumberFormatException e) {
            throw new NotA("a whole number", "10");
        }
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            // Year-month-day, as the reviewers' messages and the job files write dates; the example is two weeks on.
            throw new NotA("a date", LocalDate.now().plusWeeks(2).toString());
        }
    }

    /** The one line that says what is wrong with the command line. */
    static String line(ParameterException e, String[] args) {
        ArgSpec arg = e.getArgSpec();
        if (e instanceof UnmatchedArgumentException u) {
            return unmatched(u, args).getMessage();
        }
        if (e.getCause() instanceof NotA notA && arg != null) {
            String example = arg.defaultValue() != null && notA.kind.equals("a whole number") && arg.defaultValue().matches("\\d+")
                    ? arg.defaultValue() : notA.example;
            return name(arg) + " '" + e.getValue() + "' is not " + notA.kind + " such as " + example;
        }
        if (e instanceof picocli.CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()) {
            // picocli's "Missing required parameter: '<job>'": what is missing, and the command's usage that has it.
            var spec = e.getCommandLine().getCommandSpec();
            ArgSpec what = missing.getMissing().get(0);
            if (what instanceof OptionSpec option && !option.required()) {
                return option.longestName() + " needs a value (" + option.paramLabel() + ")";
            }
            return "missing " + name(what) + ": " + spec.qualifiedName() + " needs it (usage: " + usage(spec) + ")";
        }
        if (e.getCause() != null && arg != null) {
            // A converter of picocli's own (a path with a character no file name can have): the value, not Java's type.
            return name(arg) + " '" + e.getValue() + "' is not a valid " + arg.paramLabel();
        }
        return e.getMessage();
    }

    /**
     * The mistake as a failure, for a failure notice's words: its line, and its words where it has them (report.cause.
     * usage.*: a word the command does not take, a job jobs/ does not have).
     */
    static UsageError failure(ParameterException e, String[] args) {
        if (e instanceof UnmatchedArgumentException u) {
            return unmatched(u, args);
        }
        return e.getCause() instanceof UsageError u ? u : new UsageError(line(e, args));
    }

    /** A word the command does not take: a list split by a space, a misspelt command or option. */
    private static UsageError unmatched(UnmatchedArgumentException e, String[] args) {
        List<String> unmatched = e.getUnmatched();
        String word = unmatched.isEmpty() ? "" : unmatched.get(0);
        String command = e.getCommandLine().getCommandSpec().qualifiedName();
        int at = List.of(args).indexOf(word);
        if (at > 1 && (args[at - 1].endsWith(",") || word.startsWith(","))) {
            String option = args[at - 2];
            String joined = (args[at - 1] + word).replace(",,", ",");
            return new UsageError("the list of " + option + " was split at a space ('" + args[at - 1] + "' then '" + word + "'): write "
                    + option + " " + joined + " without spaces, or quote it");
        }
        // The name a typo away (--forse: --force), else picocli's: the options that begin as the word does, the command
        // most like it.
        var spec = e.getCommandLine().getCommandSpec();
        String near = Nearest.name(word, e.isUnknownOption() ? spec.optionsMap().keySet() : spec.subcommands().keySet());
        List<String> suggestions = near != null ? List.of(near)
                : e.isUnknownOption() ? e.getSuggestions() : e.getSuggestions().stream().limit(1).toList();
        String hint = suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?";
        // In a notice's words where the hint is one name or none (report.cause.usage.*).
        Object hinted = suggestions.isEmpty() ? "" : org.pbannex.ingest.Said.cause("usage.did_you_mean", "name", suggestions.get(0));
        boolean worded = suggestions.size() <= 1;
        if (e.isUnknownOption()) {
            return new UsageError("unknown option '" + word + "' of " + command + hint, worded ? org.pbannex.ingest.Said.cause("usage.unknown_option",
                    "word", word, "command", command, "hint", hinted) : null);
        }
        if (e.getCommandLine().getCommandSpec().subcommands().isEmpty()) {
            return new UsageError("unexpected '" + word + "': " + command + " takes no more words than its usage says" + hint,
                    worded ? org.pbannex.ingest.Said.cause("usage.unexpected", "word", word, "command", command, "hint", hinted) : null);
        }
        return new UsageError("unknown command '" + word + "'" + (hint.isEmpty() ? "; the commands are "
                + String.join(", ", e.getCommandLine().getSubcommands().keySet()) : hint));
    }

    /**
     * The first language a run's command line names (--lang en,zh or --lang=en, repeated or not), for the notice of a
     * mistake elsewhere on it: the person asked for that edition. Null where it names none, or names one pb-annex does
     * not know (the mistake may be there): then the job's first edition.
     */
    static org.pbannex.table.Language languageGiven(String[] args) {
        List<String> codes = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang") && i + 1 < args.length) {
                codes.addAll(List.of(args[++i].split(",", -1)));
            } else if (args[i].startsWith("--lang=")) {
                codes.addAll(List.of(args[i].substring("--lang=".length()).split(",", -1)));
            }
        }
        return firstLanguage(codes);
    }

    /** The first of these language codes (--lang's values), or null where there is none or one is not zh or en. */
    static org.pbannex.table.Language firstLanguage(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return null;
        }
        try {
            codes.forEach(org.pbannex.table.Language::of);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
        return org.pbannex.table.Language.of(codes.get(0));
    }

    /** A command's usage on one line: its required options, [OPTIONS] for the others, its parameters. */
    private static String usage(picocli.CommandLine.Model.CommandSpec spec) {
        List<String> words = new java.util.ArrayList<>(List.of(spec.qualifiedName()));
        spec.options().stream().filter(OptionSpec::required).forEach(o -> words.add(o.longestName() + "=" + o.paramLabel()));
        if (spec.options().stream().anyMatch(o -> !o.required())) {
            words.add("[OPTIONS]");
        }
        spec.positionalParameters().forEach(p -> words.add(p.arity().min() == 0 ? "[" + p.paramLabel() + "]" : p.paramLabel()));
        return String.join(" ", words);
    }

    /** The option's longest name (--reply-by), or the parameter's label (RUN_ID). */
    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
    }
}
