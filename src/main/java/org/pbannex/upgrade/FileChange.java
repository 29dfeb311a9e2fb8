package org.pbannex.upgrade;

/**
 * One file of the data folder's input the upgrade writes: its path in the input folder ({@code reference/texts.csv}),
 * its new content, what changes in it (the output's line) and, in a few words, why the input is behind without it
 * (preflight's line: {@code datapackage.json differs}).
 */
public record FileChange(String file, byte[] content, String what, String behind) {
}
