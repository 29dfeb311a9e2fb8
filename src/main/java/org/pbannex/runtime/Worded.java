package org.pbannex.runtime;


/**
 * A run-level failure whose line the texts can say ({@code report.cause.WORD}, its values each a word of its own or as
 * is): a failed run's report and notice say it in their language, stderr's line stays the message's English.
 */
public interface Worded {

    /** The words of the failure's line; null where it has none (said by its line). */
    org.pbannex.ingest.Said said();
}
