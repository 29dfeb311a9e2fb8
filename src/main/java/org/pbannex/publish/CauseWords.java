package org.pbannex.publish;

import java.nio.file.FileSystemException;
import java.util.List;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.Said;
import org.pbannex.publication.ReconciliationFailed;
import org.pbannex.runtime.DatabaseSilence;
import org.pbannex.runtime.DatabaseUnavailable;
import org.pbannex.runtime.ExitCodes;
import org.pbannex.runtime.LockWait;
import org.pbannex.runtime.RunStopped;
import org.pbannex.table.CheckResult;
import org.pbannex.table.Text;

/**
 * A failed run's one-line cause in its report's language: the sentence's fixed words from the texts
 * ({@code report.cause.*}), its variable parts (file, line, column, value, check, path) filled in as stderr's line
 * has them. A refused input and a stopped run are one sentence ({@link Said}) that stderr says in the English of the
 * texts as built and the report in the run's texts; the others' English repeats stderr's line (ExitCodes.message). A
 * failure the texts have no sentence for (a lock held, a setting), or whose words the texts lack, is reported in that
 * line.
 */
final class CauseWords {

    /** The sentences, and the words they are made of (report.cause.op.*, .why.*, .reason.*: Said's words). */
    static final List<String> WORDS = List.of("cause.file", "cause.file_column", "cause.line", "cause.line_column",
            "cause.row", "cause.row_column", "cause.warning_line_column", "cause.warning_row_column", "cause.sheet", "cause.reason.required", "cause.reason.file_not_found", "cause.reason.file_not_found_case", "cause.reason.not_a_number",
            "cause.reason.not_whole_number", "cause.reason.not_true_or_false", "cause.reason.not_one_of",
            "cause.reason.below_minimum", "cause.reason.above_maximum", "cause.reason.no_text", "cause.reason.no_texts", "cause.check_failed",
            "cause.checks_failed", "cause.check", "cause.check_where", "cause.database", "cause.file_system", "cause.io",
            "cause.op.access", "cause.op.find", "cause.op.create", "cause.op.write", "cause.op.write_or_read",
            "cause.why.permission_denied", "cause.why.no_such_file", "cause.why.exists", "cause.why.exists_as_file",
            "cause.why.not_a_folder", "cause.why.no_space", "cause.more_in",
            "cause.signal", "cause.signal_force", "cause.signal_before", "cause.timeout", "cause.timeout_new", "cause.database_failed",
            "cause.db.postgres", "cause.db.postgres_no_user", "cause.db.embedded", "cause.db.unnamed", "cause.db.other",
            "cause.silent", "cause.silent.statement", "cause.silent.copy", "cause.silent.connection", "cause.silent.why.gone",
            "cause.silent.why.gone_or_longer",
            // A statement of the PostgreSQL engine's ingest that the server failed: why, and what was under way.
            "cause.server_failed", "cause.server_why.disk_full", "cause.server_why.ended", "cause.server_why.lost",
            "cause.server_why.error", "cause.server_during.copy_at", "cause.server_during.copy_stream", "cause.server_during.copy",
            "cause.server_during.duplicates", "cause.server_during.sums", "cause.server_todo.disk_full",
            // A statement that waited for another session's lock: the lock, its holder, what to do.
            "cause.lock_wait", "cause.lock.table", "cause.lock.row", "cause.lock.other", "cause.lock.holder",
            "cause.lock.holder_pid", "cause.lock.no_holder", "cause.lock.todo", "cause.lock.todo_no_holder",
            "cause.migration_lock_wait", "cause.lock.todo_session", "cause.lock.state.active", "cause.lock.state.idle",
            "cause.lock.state.idle_in_transaction", "cause.lock.state.idle_in_transaction_aborted",
            "cause.lock.state.fastpath_function_call", "cause.lock.state.disabled", "cause.lock.state.other",
            // A settings file that cannot be read: where, why, and that no notice was sent (the job's status says so).
            "cause.settings_file", "cause.settings_file.tab", "cause.settings_file.indentation", "cause.settings_file.not_yaml",
            "cause.settings_file.escape", "cause.settings_file_no_notice",
            // The database at start (what could not be done, and why), and its embedded file found damaged.
            "cause.db_start.connect", "cause.db_start.open", "cause.db_start.migrate", "cause.db_start.use",
            "cause.db_start.setting", "cause.db_start.lock_timeout", "cause.db_why.refused", "cause.db_why.unknown_host", "cause.db_why.timed_out",
            "cause.db_why.not_postgres", "cause.db_why.login", "cause.db_why.no_database", "cause.db_why.no_rights",
            "cause.db_why.no_driver",
            "cause.db_why.damaged", "cause.db_why.cut_short", "cause.db_why.io", "cause.db_why.in_log", "cause.db_kept",
            "cause.db_kept_during", "cause.db_not_moved",
            // Bad characters (a file's, told together), each of its kind and with its fix.
            "cause.reason.bad_character", "cause.reason.char.control", "cause.reason.char.format", "cause.reason.char.replacement",
            "cause.reason.char.private_use", "cause.reason.char.noncharacter", "cause.reason.char.surrogate",
            "cause.reason.fix.remove", "cause.reason.fix.remove_line_break", "cause.reason.fix.type_again",
            "cause.reason.fix.standard", "cause.reason.not_in_font",
            // A text not in its column's language, a total's label as a row's, a code of a list without its row.
            "cause.reason.chinese_in_english", "cause.reason.chinese_in_english_n", "cause.reason.char.han",
            "cause.reason.char.full_width", "cause.reason.char.chinese_punctuation", "cause.reason.fix.half_width",
            "cause.reason.fix.write_english", "cause.reason.english_in_chinese", "cause.reason.total_label",
            "cause.reason.every_code", "cause.reason.every_code_where", "cause.reason.column_is", "cause.reason.and",
            "cause.reason.at_line", "cause.reason.at_row", "cause.reason.fix.add_row",
            // A file's form (empty, its header, a blank line, a quote), a value of another file's list, a look-alike
            // character in a code, a value out of its range, pattern or decimals, a key twice, a text in one language.
            "cause.reason.lookalike_space", "cause.reason.lookalike_full_width", "cause.reason.fix.write",
            "cause.reason.fix.type_ascii", "cause.reason.hint", "cause.reason.unknown_code", "cause.reason.unknown_code_of",
            "cause.reason.column_value", "cause.reason.of_and",
            "cause.reason.no_match", "cause.reason.not_taken", "cause.reason.outside_range", "cause.reason.decimals", "cause.reason.decimals_one",
            "cause.reason.shown_rounded",
            "cause.reason.duplicate", "cause.reason.duplicate_dotted", "cause.reason.same_address", "cause.reason.no_line_end", "cause.reason.cr_line_ends", "cause.reason.on_line",
            "cause.reason.on_row", "cause.reason.one_language_en", "cause.reason.one_language_zh",
            "cause.reason.unterminated_quote", "cause.reason.column_twice", "cause.reason.unexpected_column", "cause.reason.unexpected_column_near",
            "cause.reason.missing_column", "cause.reason.missing_columns", "cause.reason.no_data_rows", "cause.reason.no_data_rows_for", "cause.reason.blank_line",
            "cause.reason.empty_file",
            "cause.reason.formula",
            // Excel's damage to a number, and a number typed with full-width characters.
            "cause.reason.thousands", "cause.reason.decimal_comma", "cause.reason.per_cent",
            "cause.reason.accounting", "cause.reason.currency", "cause.reason.full_width_digit",
            "cause.reason.other_digit", "cause.reason.full_width_in_number", "cause.reason.full_width_separator",
            "cause.reason.full_width_other", "cause.reason.then",
            "cause.reason.too_long", "cause.reason.question_marks", "cause.reason.fix.save_utf8", "cause.reason.header_cell", "cause.reason.second_bom", "cause.reason.utf16", "cause.reason.not_utf8", "cause.reason.not_utf8_header", "cause.reason.code_page.gbk", "cause.reason.code_page.windows_1252", "cause.reason.separated_semicolons", "cause.reason.separated_full_width", "cause.reason.separated_tabs",
            "cause.reason.scientific_lost", "cause.reason.scientific_for", "cause.reason.scientific", "cause.reason.format.text_code", "cause.reason.format.number", "cause.reason.decimals.needed", "cause.reason.decimals.none", "cause.reason.decimals.one", "cause.reason.decimals.many", "cause.reason.excel_date", "cause.reason.fix.biennium", "cause.reason.fix.biennium_form", "cause.reason.fix.type_value_again", "cause.reason.fix.type_as", "cause.reason.leading_zeros",
            "cause.reason.cell_count", "cause.reason.cells_and", "cause.reason.cells_to", "cause.reason.split_thousands", "cause.reason.or_decimal", "cause.reason.split_decimal", "cause.reason.split_text", "cause.reason.full_width_cells",
            "cause.reason.folder", "cause.reason.too_large", "cause.reason.cannot_read", "cause.reason.why.permission_denied", "cause.reason.why.not_there", "cause.reason.malformed", "cause.reason.sum_too_large",
            "cause.reason.every_code_of", "cause.reason.every_code_of_where", "cause.reason.every_code_per", "cause.reason.every_code_per_where", "cause.reason.listing", "cause.reason.listing_of", "cause.reason.column_value", "cause.reason.list_and", "cause.reason.of_rows", "cause.reason.numbering", "cause.reason.numbering_within", "cause.reason.not_a_reference_file", "cause.reason.not_a_reference_file_case", "cause.reason.cannot_list", "cause.reason.columns_of",
            "cause.reason.negative_staff_costs", "cause.reason.unknown_holder", "cause.reason.unknown_unit", "cause.reason.one_balance", "cause.reason.both_amounts", "cause.reason.missing_setting", "cause.reason.not_in_annex2", "cause.reason.not_in_annex1", "cause.reason.sdg_cited_missing", "cause.reason.not_a_period", "cause.reason.not_before", "cause.reason.comes_after", "cause.reason.period_gap", "cause.reason.not_policy_outcome", "cause.reason.outcome_twice", "cause.reason.not_under_target",
            "cause.reason.unit_part_line", "cause.reason.region_name_taken", "cause.reason.unit_needs_group", "cause.reason.unit_group_line", "cause.reason.group_part_line", "cause.reason.title_without_symbol", "cause.reason.needs_title", "cause.reason.text_error", "cause.reason.not_a_table", "cause.reason.includes_itself", "cause.reason.key_missing", "cause.reason.text_key", "cause.reason.field.unit_no_csv", "cause.reason.field.unit_no_csv_fields", "cause.reason.field.no_csv", "cause.reason.field.no_csv_fields", "cause.reason.field.no_table", "cause.reason.field.headings", "cause.reason.field.not_own", "cause.reason.field.every_csv", "cause.reason.field.undescribed", "cause.reason.unread.not_read", "cause.reason.unread.beside_none", "cause.reason.unread.printed_read", "cause.reason.unread.printed_unread", "cause.reason.did_you_mean", "cause.reason.keys_are", "cause.reason.unknown_placeholder", "cause.reason.did_you_mean_placeholder", "cause.reason.unknown_placeholder_other", "cause.reason.placeholders_the", "cause.reason.placeholders_every_text", "cause.reason.unfilled_placeholder", "cause.reason.where_table", "cause.reason.where_cover", "cause.reason.where_message",
            "cause.reason.title_other_biennium", "cause.reason.date_outside", "cause.reason.no_column_exported", "cause.reason.after_column", "cause.reason.column_value_is", "cause.reason.column_value_none", "cause.reason.column_value_of", "cause.reason.sheet_cell", "cause.reason.regional_counts", "cause.reason.as_of_later", "cause.reason.as_of_outside", "cause.reason.as_of_early", "cause.reason.baseline_not_before", "cause.reason.baseline_early", "cause.reason.when.after_end", "cause.reason.when.years_before", "cause.reason.symbol_of_other", "cause.reason.latest_period_old", "cause.reason.estimates_biennium", "cause.reason.copied_biennium", "cause.reason.later_biennium", "cause.reason.texts_supplied", "cause.reason.texts_replaced", "cause.reason.texts_not_read", "cause.reason.texts_file_missing", "cause.reason.program_texts_unread", "cause.reason.program_texts_columns", "cause.reason.input_behind", "cause.reason.no_lines", "cause.reason.difference_no_print", "cause.reason.difference_figure", "cause.reason.difference_other_print", "cause.reason.no_table_row", "cause.reason.no_table_column", "cause.reason.no_input_folder", "cause.reason.cannot_open_folder", "cause.reason.why.a_file", "cause.reason.no_table_of", "cause.reason.no_table_column_of", "cause.reason.no_biennium_folder", "cause.reason.misnamed_folder", "cause.reason.misnamed_folder.form", "cause.reason.misnamed_folder.name_it", "cause.reason.misnamed_folder.ends_with_space", "cause.reason.misnamed_folder.starts_with_space", "cause.reason.misnamed_folder.starts_and_ends_with_space", "cause.reason.one_date", "cause.reason.not_a_date", "cause.reason.changed_while", "cause.reason.change.changed", "cause.reason.change.removed", "cause.reason.change.added", "cause.reason.change.changed_at", "cause.reason.change.replaced_at", "cause.reason.more_file", "cause.reason.more_files", "cause.reason.snapshot.run", "cause.reason.snapshot.check",
            "cause.reason.exp.duplicate_id", "cause.reason.exp.sum_overflow_for", "cause.reason.exp.sum_overflow", "cause.reason.exp.result.run", "cause.reason.exp.result.ingest", "cause.reason.exp.cell", "cause.reason.exp.empty_id", "cause.reason.exp.id_too_long", "cause.reason.exp.empty_line", "cause.reason.exp.fields", "cause.reason.exp.not_utf8", "cause.reason.exp.unterminated_quote", "cause.reason.exp.after_quote", "cause.reason.exp.quote_inside", "cause.reason.exp.month", "cause.reason.exp.year", "cause.reason.exp.not_period", "cause.reason.exp.unknown_code", "cause.reason.exp.unknown_code_in", "cause.reason.exp.its_reference", "cause.reason.exp.amount_too_large", "cause.reason.exp.amount_decimals", "cause.reason.exp.amount_thousands", "cause.reason.exp.amount_spaces", "cause.reason.exp.write", "cause.reason.exp.trailing_minus", "cause.reason.exp.minus_sign", "cause.reason.exp.not_amount", "cause.reason.exp.empty_file", "cause.reason.exp.header", "cause.reason.exp.header_column_missing", "cause.reason.exp.header_column_spelt", "cause.reason.exp.header_column_order", "cause.reason.exp.utf16", "cause.reason.exp.header_semicolons", "cause.reason.exp.header_tabs", "cause.reason.exp.unexpected_column", "cause.reason.exp.no_lines", "cause.reason.exp.not_read_case", "cause.reason.exp.not_read_workbook", "cause.reason.exp.not_read_in_folder", "cause.reason.exp.not_read_folder", "cause.reason.exp.not_read_link",
            "cause.reason.exp.compressed", "cause.reason.exp.not_read_named", "cause.reason.exp.not_read_compressed_to", "cause.reason.exp.not_read_compressed", "cause.reason.exp.not_read_copy", "cause.reason.exp.period_date", "cause.reason.exp.spaces", "cause.reason.exp.space.plain", "cause.reason.exp.space.no_break", "cause.reason.exp.space.before", "cause.reason.exp.space.after", "cause.reason.exp.space.before_after", "cause.reason.exp.quoted_line_break",
            "cause.reason.not_applied_copy", "cause.reason.not_adopted", "cause.reason.no_input_named", "cause.reason.removed_from_copy", "cause.reason.changed_since_copy", "cause.reason.changed_one", "cause.reason.changed_more", "cause.reason.cover_other_run", "cause.reason.run_said.sheet", "cause.reason.run_said.properties", "cause.reason.run_said.created", "cause.reason.input_workbook", "cause.reason.no_run_id", "cause.reason.run_not_published", "cause.reason.published_in.unknown", "cause.reason.published_in.there", "cause.reason.published_in.removed", "cause.reason.not_of_run", "cause.reason.no_sheet", "cause.reason.sheet_rows", "cause.reason.changed_during_run", "cause.reason.copy_checksum", "cause.reason.copy_holds", "cause.reason.copy_file_checksum", "cause.reason.copy_unreadable",
            "cause.reason.no_descriptor", "cause.reason.not_json", "cause.reason.not_workbook_note",
            "cause.reason.exp.sum_too_large", "cause.reason.not_a_biennium", "cause.reason.not_a_day",
            "cause.reason.book.into_file", "cause.reason.book.run_workbook", "cause.reason.book.no_cover_deleted", "cause.reason.book.no_cover", "cause.reason.book.no_sheet", "cause.reason.book.near_one", "cause.reason.book.near_more", "cause.reason.book.shared_own_copy", "cause.reason.book.sheet_file", "cause.reason.book.sheet_file_own", "cause.reason.book.not_biennium", "cause.reason.book.no_biennium_row", "cause.reason.book.no_header", "cause.reason.book.empty_row", "cause.reason.book.outside_table", "cause.reason.book.formula", "cause.reason.book.formula_cached", "cause.reason.book.error_value", "cause.reason.book.date", "cause.reason.book.retype_number", "cause.reason.book.whole_number", "cause.reason.book.number", "cause.reason.book.retype_text", "cause.reason.book.value_again", "cause.reason.book.biennium_again", "cause.reason.book.biennium_again_eg", "cause.reason.book.percent", "cause.reason.book.not_number_stored", "cause.reason.book.cannot_read", "cause.reason.book.edited_one", "cause.reason.book.edited_more", "cause.reason.book.damaged", "cause.reason.book.xls", "cause.reason.book.ods", "cause.reason.book.give", "cause.reason.book.pdf", "cause.reason.book.zip_no_workbook", "cause.reason.book.text", "cause.reason.book.csv", "cause.reason.book.ole2_damaged", "cause.reason.book.encrypted", "cause.reason.book.doc", "cause.reason.book.ppt", "cause.reason.book.msg", "cause.reason.book.ole2_other", "cause.reason.book.not_xlsx", "cause.reason.book.not_valid", "cause.reason.book.not_valid_part", "cause.reason.book.part.styles", "cause.reason.book.part.strings", "cause.reason.book.part.sheet", "cause.reason.book.doctype", "cause.reason.book.macros", "cause.reason.book.why.folder", "cause.reason.book.why.missing", "cause.reason.book.why.denied", "cause.reason.book.empty_file", "cause.reason.book.too_large", "cause.reason.book.zip_bomb", "cause.reason.book.part_too_large", "cause.reason.book.too_many_cells",
            "cause.reason.output_under_impact", "cause.reason.output_outside_outcome", "cause.reason.duplicate_indicator_code", "cause.reason.outcome_without_indicator", "cause.reason.output_without_indicator", "cause.reason.level_not_in_outcome", "cause.reason.indicator_needs_output", "cause.reason.indicator_output_given", "cause.reason.output_of_other_outcome", "cause.reason.code_not_under_output", "cause.reason.no_output", "cause.reason.countable_target", "cause.reason.target_without_text", "cause.reason.regional_without_total", "cause.reason.baseline_needs_year", "cause.reason.baseline_needs_text", "cause.reason.baseline_without_value", "cause.reason.period_backwards", "cause.reason.region_not_split", "cause.reason.note_missing", "cause.reason.table_id", "cause.reason.no_allocation", "cause.reason.confidence_differs", "cause.reason.confidence.empty",
            // The run-level causes (a lock held or lost, the embedded database's lock, a damaged font): Worded's.
            "cause.lock.process", "cause.lock.busy", "cause.lock.busy_waiting", "cause.lock.busy_same",
            "cause.lock.busy_same_waiting", "cause.lock.already_running", "cause.lock.already_running_waiting",
            "cause.lock.wait_stopped", "cause.lock.wait_elsewhere", "cause.lock.lost", "cause.lock.taker",
            "cause.lock.taker_run", "cause.lock.taker_ended", "cause.lock.stops_before_step",
            "cause.lock.nothing_published", "cause.lock.stops_before_message", "cause.staging_removed", "cause.db_lock.busy",
            "cause.db_lock.busy_no_wait",
            "cause.db_lock.interrupted", "cause.font.damaged", "cause.font.size", "cause.font.checksum",
            "cause.font.not_a_font", "cause.font.cut_short", "cause.font.cmap",
            // A run's command line that names no job of jobs/, or a word the command does not take.
            "cause.usage.unknown_job", "cause.usage.unknown_option", "cause.usage.unexpected", "cause.usage.did_you_mean",
            // A table, edition or format that is none; a job file's mistake, its reviewers' among them.
            "cause.usage.unknown_table", "cause.usage.unknown_language", "cause.usage.unknown_format",
            "cause.usage.job.at_file", "cause.usage.job.at_line", "cause.usage.job.at_column",
            "cause.usage.job.unreadable", "cause.usage.job.empty", "cause.usage.job.not_a_job",
            "cause.usage.job.unknown_key", "cause.usage.job.one_value", "cause.usage.job.empty_list",
            "cause.usage.job.default.tables", "cause.usage.job.default.languages", "cause.usage.job.default.formats",
            "cause.usage.job.default.biennia", "cause.usage.job.takes", "cause.usage.job.takes_not",
            "cause.usage.job.kind.boolean", "cause.usage.job.kind.list", "cause.usage.job.kind.reviewers",
            "cause.usage.job.kind.reply_days", "cause.usage.job.kind.text", "cause.usage.job.unclosed_list",
            "cause.usage.job.unclosed_keys", "cause.usage.job.parser", "cause.usage.job.invalid",
            "cause.usage.reviewers.not_a_list", "cause.usage.reviewers.reviewer", "cause.usage.reviewers.no_name",
            "cause.usage.reviewers.email", "cause.usage.reviewers.same_address", "cause.usage.reviewers.language", "cause.reason.no_reviewers");

    private final ReportWords words;

    private CauseWords(ReportWords words) {
        this.words = words;
    }

    /**
     * @param failure what made the run fail (null: a signal stopped it, said by {@code line})
     * @param line    the cause's line on stderr
     */
    static Text of(Throwable failure, String line, ReportWords words) {
        if (failure == null) {
            return Text.of(line);
        }
        try {
            Text said = new CauseWords(words).sentence(failure, line);
            return said == null ? Text.of(line) : said;
        } catch (Lacking | IllegalArgumentException lacking) {
            return Text.of(line); // a word the texts (as they stand, for a run that did not read them) lack
        }
    }

    /** The sentence, chosen as ExitCodes.message chooses the line's; null when the texts have none for it. */
    private Text sentence(Throwable failure, String line) {
        if (failure instanceof RunStopped stop) {
            return stop.said().in(w -> word("cause." + w));
        }
        Throwable said = ExitCodes.said(failure);
        if (said instanceof org.pbannex.runtime.Worded w && w.said() != null) {
            return said(DB, w.said());
        }
        if (said instanceof InputError e) {
            return input(e);
        }
        if (said instanceof ReconciliationFailed f) {
            return checks(f.failures());
        }
        if (ExitCodes.databaseWhileInUse(failure)) {
            // "DATABASE failed: CAUSE", the database named in the report's words, the driver's cause as it says it.
            // A server gone silent, or a lock waited for, in the texts' words, else the driver's cause as it says it.
            DatabaseSilence silent = DatabaseSilence.of(failure);
            LockWait waited = LockWait.of(failure);
            org.pbannex.runtime.ServerIngestFailed ingest = org.pbannex.runtime.ServerIngestFailed.of(failure);
            Text cause = silent == null && waited != null ? said(DB, waited.said())
                    : silent == null && ingest != null ? said(DB, ingest.said())
                    : silent == null ? Text.of(DatabaseUnavailable.cause(failure)) : word("cause.silent")
                    .with("asked", word("cause.silent." + silent.asked().word())).with("within", silent.limit().duration())
                    .with("setting", silent.limit().setting()).with("why", word("cause.silent.why." + silent.asked().why()));
            return word("cause.database_failed").with("cause", cause)
                    .with("database", said(DB, DatabaseUnavailable.inUse().said()));
        }
        if (said instanceof DatabaseUnavailable d) {
            // In its own words where it has them (the database, what could not be done, why), else its line.
            return d.said() != null ? said(DB, d.said()) : word("cause.database").with("line", line);
        }
        Throwable io = ExitCodes.inputOutput(failure);
        if (io instanceof FileSystemException fs) {
            String why = ExitCodes.reason(fs);
            java.nio.file.Path inTheWay = ExitCodes.fileInTheWay(fs);
            return word("cause.file_system").with("operation", word("cause.op." + ExitCodes.operation(fs).replace(' ', '_')))
                    .with("file", ExitCodes.fileOf(fs))
                    .with("reason", inTheWay != null ? word("cause.why.not_a_folder").with("file", inTheWay.toString())
                            : ExitCodes.reasonWord(why) != null ? word("cause." + ExitCodes.reasonWord(why)) : Text.of(why));
        }
        return io == null ? null : word("cause.io").with("detail", ExitCodes.ioDetail(io));
    }

    // "FILE, line N, column C: REASON" (a sheet's row), each part the error names; then, a line each, the problems found
    // with it (every bad character of a file) and "and N more in FILE", as stderr's lines after its first.
    private Text input(InputError e) {
        List<Text> lines = e.lines(this::word, words::file);
        return new Text(String.join("\n", lines.stream().map(Text::zh).toList()),
                String.join("\n", lines.stream().map(Text::en).toList()));
    }

    /** Where the words of the database's sentences are (report.cause.WORD). */
    private static final String DB = "cause.";

    /**
     * A sentence's word (report.PREFIX + WORD) with its values, each a word of its own, the input's words, a step by the
     * report's name for it, or as is.
     */
    private Text said(String prefix, Said s) {
        return s.in(w -> word(prefix + w), words::step);
    }

    /**
     * A sentence ({@code prefix} + its word, looked up by {@code word}) with its values, each a word of its own (with the
     * same prefix), the input's words, a step by {@code word}'s name for it (ReportWords.step) or as is; null where
     * {@code word} gives null for one of them.
     */
    static Text said(java.util.function.Function<String, Text> word, String prefix, Said s) {
        try {
            return s.in(w -> {
                Text t = word.apply(prefix + w);
                if (t == null) {
                    throw new Lacking();
                }
                return t;
            }, step -> ReportWords.step(step, word));
        } catch (Lacking lacking) {
            return null;
        }
    }

    // "N checks failed; first: CHECK".
    private Text checks(List<CheckResult> failed) {
        return word(failed.size() == 1 ? "cause.check_failed" : "cause.checks_failed")
                .with("count", String.valueOf(failed.size())).with("check", check(failed.get(0)));
    }

    // "NAME [table T, row R]: expected E, actual A; WHERE", as CheckResult.describe says it (the report's Chinese: the
    // table and row by their printed names).
    private Text check(CheckResult c) {
        Text check = word("cause.check").with("name", c.name()).with("table", words.table(c.table()))
                .with("row", words.row(c.table(), c.row()))
                .with("expected", c.expected()).with("actual", c.actual());
        return c.inputs().isEmpty() ? check : word("cause.check_where").with("check", check).with("where", words.where(c));
    }

    /** A failed check as the report's words say it; its English line (describe) where the texts lack them. */
    static Text check(CheckResult c, ReportWords words) {
        try {
            return new CauseWords(words).check(c);
        } catch (Lacking | IllegalArgumentException lacking) {
            return Text.of(c.describe());
        }
    }

    private Text word(String word) {
        if (words.lacks(word)) {
            throw new Lacking();
        }
        return words.text(word);
    }

    /** A word the texts lack: the cause is then its line. */
    private static final class Lacking extends RuntimeException {
        Lacking() {
            super(null, null, false, false);
        }
    }
}
