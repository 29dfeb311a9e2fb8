package org.pbannex.expenditure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The launcher's compile commands (scripts/jvm-inline.txt) name methods that exist: HotSpot says nothing about a
 * command that matches no method (the file is read quietly), so a renamed method would lose its inlining unseen.
 */
class JvmInlineCommandsTest {

    @Test
    void everyInlinedMethodExists() throws IOException, ClassNotFoundException {
        List<String> lines = Files.readAllLines(Path.of("scripts/jvm-inline.txt"));
        assertEquals("quiet", lines.get(0), "first, so that HotSpot does not echo the commands to the output");
        List<String> commands = lines.stream().filter(l -> l.startsWith("inline ")).toList();
        assertFalse(commands.isEmpty(), "no inline commands");
        for (String command : commands) {
            String target = command.substring("inline ".length()).strip();
            String className = target.substring(0, target.indexOf("::"));
            String method = target.substring(target.indexOf("::") + 2);
            Method[] declared = Class.forName(className).getDeclaredMethods();
            assertTrue(Arrays.stream(declared).anyMatch(m -> m.getName().equals(method)), command + ": no such method");
        }
        assertTrue(lines.stream().allMatch(l -> l.equals("quiet") || l.startsWith("inline ") || l.startsWith("#")),
                "only quiet, inline commands and comments: " + lines);
    }
}
