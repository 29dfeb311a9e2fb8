package org.pbannex.ingest;

import com.opencsv.RFC4180ParserBuilder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a CSV file's bytes into text: strict UTF-8, a UTF-8 byte-order mark skipped (Excel's CSV UTF-8 writes one),
 * anything else refused with the line and column of the first bad byte and what to do in Excel.
 */
final class CsvText {

    private CsvText() {
    }

    static String decode(byte[] bytes, SourceName source) {
        int from = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            from = 3;
        } else if (bytes.length >= 2 && (((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)
                || ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE))) {
            throw new InputError(source.name(), source.shown(1), "", Said.of("utf16", "fix", ExcelDamage.SAVE_AS_UTF8));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        CharBuffer out = CharBuffer.allocate(bytes.length - from);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int bad = in.position();
            out.flip();
            throw notUtf8(out.toString(), bytes, from, bad, source);
        }
        out.flip();
        return out.toString();
    }

    /** The error for the first byte that is not UTF-8, placed by line and column from the text before it. */
    private static InputError notUtf8(String before, byte[] bytes, int from, int bad, SourceName source) {
        int line = 1;
        int column = 0;
        boolean quoted = false;
        for (int i = 0; i < before.length(); i++) {
            char c = before.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                column++;
            } else if (c == '\n') {
                line++;
                if (!quoted) {
                    column = 0;
                }
            }
        }
        Said reason = Said.of(line == 1 ? "not_utf8_header" : "not_utf8", "byte", String.format("0x%02X", bytes[bad] & 0xFF),
                "code_page", ExcelDamage.likelyCodePage(bytes, from), "fix", ExcelDamage.SAVE_AS_UTF8);
        String columnName = "";
        if (line > 1) {
            int end = before.indexOf('\n');
            String[] header = parse(before.substring(0, end).replace("\r", ""));
            columnName = column < header.length ? header[column].strip() : "";
        }
        return new InputError(source.name(), source.shown(line), columnName, reason);
    }

    private static String[] parse(String line) {
        try {
            return new RFC4180ParserBuilder().build().parseLine(line);
        } catch (IOException e) {
            return new String[0];
        }
    }
}
