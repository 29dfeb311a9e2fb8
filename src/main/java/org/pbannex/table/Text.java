package org.pbannex.table;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/** A piece of text in both editions. An empty English text falls back to the Chinese one. */
public record Text(String zh, String en) {

    public static final Text EMPTY = new Text("", "");

    public Text {
        zh = zh == null ? "" : zh;
        en = en == null ? "" : en;
    }

    public static Text of(String both) {
        return new Text(both, both);
    }

    public String in(Language language) {
        return language == Language.EN && !en.isEmpty() ? en : zh;
    }

    public boolean isEmpty() {
        return zh.isEmpty() && en.isEmpty();
    }

    /** Replaces {name} placeholders in both languages. */
    public Text with(String name, Text value) {
        String key = "{" + name + "}";
        return new Text(zh.replace(key, value.zh()), en.replace(key, value.en().isEmpty() ? value.zh() : value.en()));
    }

    public Text with(String name, String value) {
        return with(name, Text.of(value));
    }

    /**
     * A date as each edition writes dates, this text holding each edition's java.time pattern (texts.csv's
     * edition.date: "y 年 M 月 d 日" and "d MMMM y" give 2021 年 2 月 1 日 and 1 February 2021); a date and time the same
     * way (edition.date_time).
     */
    public Text date(TemporalAccessor date) {
        return new Text(DateTimeFormatter.ofPattern(zh, Language.ZH.locale()).format(date),
                DateTimeFormatter.ofPattern(in(Language.EN), Language.EN.locale()).format(date));
    }

    /**
     * An instant (ISO-8601, as a run's time is stored: 2026-12-02T23:04:05Z) as each edition writes a date and time
     * in UTC, this text holding the patterns (edition.date_time); the stored text itself where it is not an instant.
     */
    public Text instant(String iso) {
        try {
            return date(OffsetDateTime.parse(iso).atZoneSameInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException | NullPointerException e) {
            return Text.of(String.valueOf(iso));
        }
    }
}
