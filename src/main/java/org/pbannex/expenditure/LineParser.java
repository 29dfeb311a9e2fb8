package org.pbannex.expenditure;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.pbannex.ingest.ExcelDamage;
import org.pbannex.ingest.Said;

/**
 * Validates one expenditure line straight from its bytes and, when it is good, adds it to the totals. Allocation
 * free on the common path (no quotes, ASCII only); quoted fields and non-ASCII bytes take a slower path. A bad line
 * leaves {@link #column} and {@link #reason} saying why.
 */
final class LineParser {

    private static final CodeTable FUNDS = new CodeTable(ExpenditureTotals.FUNDS);
    private static final CodeTable STATUSES = new CodeTable(ExpenditureTotals.STATUSES);
    private static final int MAX_WHOLE_DIGITS = 15;

    private final CodeTable regions;
    private final CodeTable countries;
    private final CodeTable units;
    private final CodeTable outcomes;
    private final CodeTable objects;
    final ExpenditureTotals totals;
    final LineIdSet ids;
    // Per biennium index (as in the totals), which codes of each list its lines may use (null: all), and where they are.
    private final boolean[][][] allowed = new boolean[ExpenditureTotals.BIENNIUMS][][];
    private final Dimensions.InForce[] inForce = new Dimensions.InForce[ExpenditureTotals.BIENNIUMS];
    // Per biennium index, whether its lines are left out (after the run's biennium): checked for their form only, summed nowhere.
    private final boolean[] leftOut = new boolean[ExpenditureTotals.BIENNIUMS];
    private static final int REGIONS = 0;
    private static final int COUNTRIES = 1;
    private static final int UNITS = 2;
    private static final int OUTCOMES = 3;
    private static final int OBJECTS = 4;
    private boolean[][] current;

    // Field boundaries of the current line: field i is [starts[i], ends[i]) in buf.
    private final int[] starts = new int[LineFormat.FIELDS];
    private final int[] ends = new int[LineFormat.FIELDS];
    private byte[] buf;
    private byte[] scratch = new byte[256];

    // The current line's cell (-1 for a line left out) and amount once parsed, or why it is bad.
    int cell;
    long cents;
    String column;
    Said reason;

    /** A line_id longer than this is a bad line (ids are keys, not text). */
    static final int MAX_ID_LENGTH = 64;

    /** True when the last bad line cannot be rejected alone: its cell's sum would overflow 64-bit cents. */
    boolean fatal;

    LineParser(Dimensions d) {
        this(d, Integer.MAX_VALUE);
    }

    /** @param idPages how many pages of bits the line-id set may take (see {@link LineIdSet}) */
    LineParser(Dimensions d, int idPages) {
        this(d, new LineIdSet(idPages));
    }

    /** @param ids where the ids of the good lines go (see {@link LineIdSet}) */
    LineParser(Dimensions d, LineIdSet ids) {
        this.ids = ids;
        this.regions = d.regionTable();
        this.countries = d.countryTable();
        this.units = d.unitTable();
        this.outcomes = d.outcomeTable();
        this.objects = d.objectTable();
        this.totals = d.newTotals();
        java.util.Map<Dimensions.InForce, boolean[][]> made = new java.util.IdentityHashMap<>();
        for (int b = 0; b < ExpenditureTotals.BIENNIUMS; b++) {
            Dimensions.InForce f = d.inForceFor(ExpenditureTotals.FIRST_YEAR + 2 * b);
            inForce[b] = f;
            leftOut[b] = f != null && f.leftOut();
            allowed[b] = f == null || leftOut[b] ? null : made.computeIfAbsent(f, d::inForceMasks);
        }
    }

    /** Parses b[from, to) (no line end); adds it when good and its id is new. */
    boolean accept(byte[] b, int from, int to) {
        return parse(b, from, to) && add();
    }

    /** The id of the line last parsed successfully. */
    LineIdSet.Key lastKey() {
        return LineIdSet.key(buf, starts[LineFormat.LINE_ID], ends[LineFormat.LINE_ID]);
    }

    /** The end of the line {@link #scanLine} found (before any '\r'). */
    int lineEnd;

    /**
     * The fast path for whole blocks: finds the fields and the end of the line starting at {@code from} in one pass,
     * validates it and, when it is good and its id new, adds it. Returns the index of its '\n', or -1 when the block
     * ends before the line does. {@link #lineEnd} is where its text ends; {@link #reason} is set when it is bad.
     */
    int scanLine(byte[] b, int from, int limit) {
        int field = 0;
        boolean plain = true;
        starts[0] = from;
        int i = from;
        boolean found = false;
        // Eight bytes at a time while they last: one word finds every comma, line end, quote and non-ASCII byte in it.
        while (i + 8 <= limit) {
            long w = (long) Bytes.WORDS.get(b, i);
            long lineEnds = Bytes.equalTo(w, Bytes.NEWLINES);
            long commas = Bytes.equalTo(w, Bytes.COMMAS);
            long odd = Bytes.equalTo(w, Bytes.QUOTES) | (w & Bytes.HIGH_BITS);
            if (lineEnds != 0) {
                long before = (lineEnds & -lineEnds) - 1;
                commas &= before;
                odd &= before;
            }
            if (odd != 0) {
                plain = false;
            }
            while (commas != 0) {
                int at = i + Bytes.firstIndex(commas);
                if (field < LineFormat.FIELDS - 1) {
                    ends[field] = at;
                    starts[field + 1] = at + 1;
                }
                field++;
                commas &= commas - 1;
            }
            if (lineEnds != 0) {
                i += Bytes.firstIndex(lineEnds);
                found = true;
                break;
            }
            i += 8;
        }
        if (!found) {
            for (; i < limit; i++) {
                byte c = b[i];
                if (c == ',') {
                    if (field < LineFormat.FIELDS - 1) {
                        ends[field] = i;
                        starts[field + 1] = i + 1;
                    }
                    field++;
                } else if (c == '\n') {
                    break;
                } else if (c == '"' || c < 0) {
                    plain = false;
                }
            }
        }
        if (i == limit) {
            return -1;
        }
        lineEnd = i > from && b[i - 1] == '\r' ? i - 1 : i;
        column = null;
        reason = null;
        fatal = false;
        boolean ok;
        if (!plain) {
            ok = accept(b, from, lineEnd);
        } else if (field != LineFormat.FIELDS - 1) {
            ok = countFields(b, from, lineEnd);
        } else {
            buf = b;
            ends[LineFormat.FIELDS - 1] = lineEnd;
            ok = validate() && add();
        }
        accepted = ok;
        return i;
    }

    /** Whether the line {@link #scanLine} last read was accepted. */
    boolean accepted;

    /** Good lines of a biennium after the run's: in no total, counted apart from those accepted into them. */
    long linesLeftOut;

    private boolean add() {
        if (!ids.add(buf, starts[LineFormat.LINE_ID], ends[LineFormat.LINE_ID])) {
            return fail(LineFormat.LINE_ID, FirstLines.duplicate(field(LineFormat.LINE_ID)));
        }
        if (cell < 0) {
            linesLeftOut++;
            return true;
        }
        try {
            totals.add(cell, cents);
        } catch (ArithmeticException overflow) {
            fatal = true;
            return fail(LineFormat.AMOUNT, totals.overflow(cell, cents));
        }
        return true;
    }

    boolean parse(byte[] b, int from, int to) {
        column = null;
        reason = null;
        fatal = false;
        return split(b, from, to) && validate();
    }

    /** Checks the fields found by split or scanLine and computes the line's cell and amount. */
    private boolean validate() {
        if (ends[LineFormat.LINE_ID] == starts[LineFormat.LINE_ID]) {
            return emptyCells() ? fail(null, BLANK_LINE) : fail(LineFormat.LINE_ID, Said.of("exp.empty_id"));
        }
        if (ends[LineFormat.LINE_ID] - starts[LineFormat.LINE_ID] > MAX_ID_LENGTH) {
            return fail(LineFormat.LINE_ID, Said.of("exp.id_too_long", "most", String.valueOf(MAX_ID_LENGTH)));
        }
        int year = period();
        if (year < 0) {
            return false;
        }
        int biennium = (year - ExpenditureTotals.FIRST_YEAR) / 2;
        current = allowed[biennium];
        int fund = code(FUNDS, LineFormat.FUND, "fund");
        int status = fund < 0 ? -1 : code(STATUSES, LineFormat.STATUS, "status");
        if (leftOut[biennium]) {
            // Its codes belong to its own biennium's lists, which its own run checks; its id still counts as used.
            cell = -1;
            return status >= 0 && amount();
        }
        int region = status < 0 ? -1 : code(regions, REGIONS, LineFormat.REGION, "region", biennium);
        if (region < 0) {
            return false;
        }
        if (ends[LineFormat.COUNTRY] > starts[LineFormat.COUNTRY] && code(countries, COUNTRIES, LineFormat.COUNTRY, "country", biennium) < 0) {
            return false;
        }
        if (code(units, UNITS, LineFormat.UNIT, "unit", biennium) < 0) {
            return false;
        }
        int outcome = code(outcomes, OUTCOMES, LineFormat.OUTCOME, "outcome", biennium);
        if (outcome < 0 || code(objects, OBJECTS, LineFormat.OBJECT, "object", biennium) < 0 || !amount()) {
            return false;
        }
        cell = totals.cell(fund, status, region, outcome, biennium);
        return true;
    }

    /** Finds the ten fields in one pass; a quote or a non-ASCII byte sends the line to the slow path. */
    private boolean split(byte[] b, int from, int to) {
        buf = b;
        int field = 0;
        starts[0] = from;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == ',') {
                if (field == LineFormat.FIELDS - 1) {
                    return countFields(b, from, to);
                }
                ends[field++] = i;
                starts[field] = i + 1;
            } else if (c == '"' || c < 0) {
                return splitSlowly(b, from, to);
            }
        }
        if (field != LineFormat.FIELDS - 1) {
            return countFields(b, from, to);
        }
        ends[field] = to;
        return true;
    }

    /** Said of a blank line (or a row of empty cells) before a data line: those at the end are no lines (ExpenditurePlan). */
    static final Said BLANK_LINE = Said.of("blank_line");

    /** Whether every field of the line just split is empty or spaces (only bad lines ask). */
    private boolean emptyCells() {
        for (int f = 0; f < LineFormat.FIELDS; f++) {
            for (int i = starts[f]; i < ends[f]; i++) {
                if (buf[i] != ' ' && buf[i] != '\t') {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean countFields(byte[] b, int from, int to) {
        if (ExpenditurePlan.isBlank(b, from, to)) {
            return fail(null, BLANK_LINE);
        }
        int n = 1;
        for (int i = from; i < to; i++) {
            if (b[i] == ',') {
                n++;
            }
        }
        return fail(null, to == from ? Said.of("exp.empty_line", "expected", String.valueOf(LineFormat.FIELDS))
                : Said.of("exp.fields", "count", String.valueOf(n), "expected", String.valueOf(LineFormat.FIELDS), "header", LineFormat.HEADER));
    }

    /** Quoted fields ("" is a quote inside one) and UTF-8 checking, copying the unquoted fields into scratch. */
    private boolean splitSlowly(byte[] b, int from, int to) {
        ByteBuffer in = ByteBuffer.wrap(b, from, to - from);
        CoderResult decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, CharBuffer.allocate(to - from), true);
        if (decoded.isError()) {
            // The field holding the first bad byte: the commas before it outside quotes.
            int field = 0;
            boolean quoted = false;
            for (int i = from; i < in.position(); i++) {
                if (b[i] == '"') {
                    quoted = !quoted;
                } else if (b[i] == ',' && !quoted) {
                    field++;
                }
            }
            return fail(LineFormat.COLUMNS.get(Math.min(field, LineFormat.FIELDS - 1)),
                    Said.of("exp.not_utf8"));
        }
        if (scratch.length < to - from) {
            scratch = new byte[to - from];
        }
        buf = scratch;
        int out = 0;
        int field = 0;
        int i = from;
        starts[0] = 0;
        while (true) {
            if (i < to && b[i] == '"') {
                i++;
                while (true) {
                    if (i >= to) {
                        return fail(LineFormat.COLUMNS.get(Math.min(field, LineFormat.FIELDS - 1)), Said.of("exp.unterminated_quote"));
                    }
                    if (b[i] == '"') {
                        if (i + 1 < to && b[i + 1] == '"') {
                            scratch[out++] = '"';
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    scratch[out++] = b[i++];
                }
                if (i < to && b[i] != ',') {
                    return fail(LineFormat.COLUMNS.get(Math.min(field, LineFormat.FIELDS - 1)), Said.of("exp.after_quote"));
                }
            } else {
                while (i < to && b[i] != ',') {
                    if (b[i] == '"') {
                        return fail(LineFormat.COLUMNS.get(Math.min(field, LineFormat.FIELDS - 1)), Said.of("exp.quote_inside"));
                    }
                    scratch[out++] = b[i++];
                }
            }
            if (i >= to) {
                break;
            }
            if (field == LineFormat.FIELDS - 1) {
                return countFields(b, from, to);
            }
            ends[field++] = out;
            starts[field] = out;
            i++;
        }
        if (field != LineFormat.FIELDS - 1) {
            return countFields(b, from, to);
        }
        ends[field] = out;
        return true;
    }

    /** A day's date as ERPs write it, YYYY-MM-DD (its month a period's): said apart from the dates Excel makes. */
    private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])");

    /** YYYY-MM; returns the year, or -1. */
    private int period() {
        int s = starts[LineFormat.PERIOD];
        if (ends[LineFormat.PERIOD] - s != 7 || buf[s + 4] != '-') {
            return failPeriod();
        }
        int year = 0;
        for (int i = s; i < s + 4; i++) {
            if (buf[i] < '0' || buf[i] > '9') {
                return failPeriod();
            }
            year = year * 10 + buf[i] - '0';
        }
        if (buf[s + 5] < '0' || buf[s + 5] > '9' || buf[s + 6] < '0' || buf[s + 6] > '9') {
            return failPeriod();
        }
        int month = (buf[s + 5] - '0') * 10 + buf[s + 6] - '0';
        if (month < 1 || month > 12) {
            fail(LineFormat.PERIOD, Said.of("exp.month", "month", String.valueOf(month), "value", field(LineFormat.PERIOD)));
            return -1;
        }
        int last = ExpenditureTotals.FIRST_YEAR + 2 * ExpenditureTotals.BIENNIUMS - 1;
        if (year < ExpenditureTotals.FIRST_YEAR || year > last) {
            fail(LineFormat.PERIOD, Said.of("exp.year", "year", String.valueOf(year), "first",
                    String.valueOf(ExpenditureTotals.FIRST_YEAR), "last", String.valueOf(last)));
            return -1;
        }
        return year;
    }

    private int failPeriod() {
        String v = field(LineFormat.PERIOD);
        if (ISO_DATE.matcher(v).matches()) {
            // A posting date, as an ERP exports it: not Excel's doing (Excel writes its dates Mar-22, 3/15/2022, 44635).
            fail(LineFormat.PERIOD, Said.of("exp.period_date", "value", v, "month", v.substring(0, 7)));
            return -1;
        }
        Said excel = ExcelDamage.notAPeriod(v);
        fail(LineFormat.PERIOD, excel != null ? excel : Said.of("exp.not_period", "value", v));
        return -1;
    }

    private int code(CodeTable table, int field, String what) {
        int i = table.find(buf, starts[field], ends[field]);
        if (i < 0) {
            String v = field(field);
            Said spaces = spaces(v, what);
            byte[] fixed = spaces == null ? null : SPACES.matcher(v).replaceAll("").getBytes(StandardCharsets.UTF_8);
            fail(field, fixed != null && table.find(fixed, 0, fixed.length) >= 0 ? spaces
                    : Said.of("exp.unknown_code", "what", what, "value", v));
        }
        return i;
    }

    /** A code of a reference list, which must also be in force for the line's biennium (its own reference, or the shared one). */
    private int code(CodeTable table, int list, int field, String what, int biennium) {
        int i = code(table, field, what);
        if (i >= 0 && current != null && !current[list][i]) {
            Dimensions.InForce f = inForce[biennium];
            String file = f.files().get(what);
            fail(field, Said.of("exp.unknown_code_in", "what", what, "value", field(field), "biennium", f.biennium(),
                    "file", file == null ? Said.of("exp.its_reference") : file));
            return -1;
        }
        return i;
    }

    /** A decimal with at most two decimals, optionally negative, no thousands separators; in cents. */
    private boolean amount() {
        int i = starts[LineFormat.AMOUNT];
        int to = ends[LineFormat.AMOUNT];
        boolean negative = i < to && buf[i] == '-';
        if (negative) {
            i++;
        }
        long whole = 0;
        int digits = 0;
        while (i < to && buf[i] >= '0' && buf[i] <= '9') {
            whole = whole * 10 + buf[i++] - '0';
            if (++digits > MAX_WHOLE_DIGITS) {
                return fail(LineFormat.AMOUNT, Said.of("exp.amount_too_large", "value", field(LineFormat.AMOUNT)));
            }
        }
        long fraction = 0;
        int decimals = 0;
        if (i < to && buf[i] == '.') {
            i++;
            while (i < to && buf[i] >= '0' && buf[i] <= '9') {
                fraction = fraction * 10 + buf[i++] - '0';
                decimals++;
            }
            if (decimals > 2) {
                return fail(LineFormat.AMOUNT, Said.of("exp.amount_decimals", "value", field(LineFormat.AMOUNT)));
            }
        }
        if (i < to && (buf[i] == ',' || buf[i] == ' ' || buf[i] == '\'')) {
            return failAmount(Said.of("exp.amount_thousands", "value", field(LineFormat.AMOUNT), "write", writeInstead()));
        }
        if (i < to || digits == 0 || (decimals == 0 && i > starts[LineFormat.AMOUNT] && buf[i - 1] == '.')) {
            return failAmount(notAnAmount());
        }
        long value = whole * 100 + (decimals == 1 ? fraction * 10 : fraction);
        cents = negative ? -value : value;
        return true;
    }

    /** A plain amount, as this parser takes it: what a suggestion must be. */
    private static final java.util.regex.Pattern PLAIN_AMOUNT = java.util.regex.Pattern.compile("-?[0-9]{1,15}(\\.[0-9]{1,2})?");

    /** "write 'X'" for an amount with separators ('1 234,50', '1'234.50'), when X is a plain amount; else null. */
    private Said writeInstead() {
        String v = field(LineFormat.AMOUNT).replaceAll("[ '\u00a0\u202f]", "");
        int comma = v.lastIndexOf(',');
        // One comma with 1 or 2 digits after it and no point: a decimal comma; other commas group thousands.
        String plain = v.indexOf('.') < 0 && comma >= 0 && v.indexOf(',') == comma && v.length() - comma - 1 <= 2
                ? v.replace(',', '.') : v.replace(",", "");
        return PLAIN_AMOUNT.matcher(plain).matches() ? Said.of("exp.write", "value", plain) : null;
    }

    /** Why an amount is none, with the fix for the forms finance systems and word processors give it. */
    private Said notAnAmount() {
        String v = field(LineFormat.AMOUNT);
        if (v.endsWith("-") && PLAIN_AMOUNT.matcher(v.substring(0, v.length() - 1)).matches()) {
            // SAP writes a reversal's minus after the number.
            return Said.of("exp.trailing_minus", "value", v, "fixed", "-" + v.substring(0, v.length() - 1));
        }
        if (v.startsWith("\u2212") && PLAIN_AMOUNT.matcher(v.substring(1)).matches()) {
            return Said.of("exp.minus_sign", "value", v, "fixed", "-" + v.substring(1));
        }
        return Said.of("exp.not_amount", "value", v);
    }

    /**
     * A refused amount, said as the CSV readers say a number Excel or a Chinese input method damaged (thousands
     * separators, full-width digits or points, ...) when they recognise it, else {@code plain}: only bad lines pay for it.
     */
    private boolean failAmount(Said plain) {
        String v = field(LineFormat.AMOUNT);
        if (!v.strip().equals(v) && PLAIN_AMOUNT.matcher(v.strip()).matches()) {
            // A padded export's amount (' 12.00'): no separator in it, a space beside it (tester66 case 66).
            return fail(LineFormat.AMOUNT, Said.of("exp.amount_spaces", "value", v, "fixed", v.strip()));
        }
        Said spaces = spaces(v, "amount");
        if (spaces != null && PLAIN_AMOUNT.matcher(SPACES.matcher(v).replaceAll("")).matches()) {
            // The no-break space a web page or Excel leaves beside an amount: named, as it shows as a plain space.
            return fail(LineFormat.AMOUNT, spaces);
        }
        var damage = ExcelDamage.numberDamage(v);
        return fail(LineFormat.AMOUNT, damage != null ? damage : plain);
    }

    /**
     * An unterminated quote said as what it is when the quoted field goes on past the line's end and closes on a later
     * line (a line break typed inside a cell): "a line break inside a quoted field (line N to M)"; any other reason as
     * it is. The line is read again from {@code offset} in {@code file} (at most 64 kB), so only such bad lines pay.
     *
     * @param line the bad line's number in the file, as the message gives it
     */
    static Said withLineBreak(Said reason, java.nio.file.Path file, long offset, long line) {
        if (!reason.word().equals("reason.exp.unterminated_quote")) {
            return reason;
        }
        byte[] b;
        int n;
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ)) {
            ByteBuffer window = ByteBuffer.allocate((int) Math.max(0, Math.min(64 << 10, ch.size() - offset)));
            while (window.hasRemaining() && ch.read(window, offset + window.position()) > 0) {
                // read the window
            }
            b = window.array();
            n = window.position();
        } catch (java.io.IOException e) {
            return reason;
        }
        boolean quoted = false;
        boolean fieldStart = true;
        int breaks = 0;
        for (int i = 0; i < n; i++) {
            byte c = b[i];
            if (!quoted) {
                if (c == '\n') {
                    return reason; // the line ends outside quotes: no field runs on
                }
                quoted = c == '"' && fieldStart;
                fieldStart = c == ',';
            } else if (c == '"' && i + 1 < n && b[i + 1] == '"') {
                i++;
            } else if (c == '"') {
                byte next = i + 1 < n ? b[i + 1] : (byte) '\n';
                if (breaks > 0) {
                    return next == ',' || next == '\n' || next == '\r' ? Said.of("exp.quoted_line_break", "from", String.valueOf(line),
                            "to", String.valueOf(line + breaks)) : reason;
                }
                quoted = false;
            } else if (c == '\n') {
                breaks++;
            }
        }
        return reason;
    }

    /** Spaces, plain or no-break (U+00A0), before or after a value. */
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("^[ \\t\u00a0]+|[ \\t\u00a0]+$");

    /**
     * "a space before the region ' AF': write 'AF'", naming a no-break space as one: the value's spaces before or after
     * it, or null when it has none (only bad lines ask).
     */
    private static Said spaces(String v, String what) {
        String fixed = SPACES.matcher(v).replaceAll("");
        if (fixed.equals(v) || fixed.isEmpty()) {
            return null;
        }
        boolean before = !v.startsWith(fixed);
        boolean after = !v.endsWith(fixed);
        boolean noBreak = v.indexOf('\u00a0') >= 0;
        return Said.of("exp.spaces", "space", Said.of(noBreak ? "exp.space.no_break" : "exp.space.plain"),
                "where", Said.of(before && after ? "exp.space.before_after" : before ? "exp.space.before" : "exp.space.after"),
                "what", what, "value", v, "fixed", fixed);
    }

    String field(int f) {
        String s = new String(buf, starts[f], ends[f] - starts[f], StandardCharsets.UTF_8);
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private boolean fail(int field, Said why) {
        return fail(LineFormat.COLUMNS.get(field), why);
    }

    private boolean fail(String col, Said why) {
        column = col;
        reason = why;
        return false;
    }
}
