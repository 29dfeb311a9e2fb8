package org.pbannex.distribute;


/**
 * Why a message could not be handed to the mail server when the server gave no reply to say it (see {@link SmtpReply}):
 * in words, never Java's names. Spring and Jakarta Mail wrap the cause ("Failed messages: jakarta.mail.MessagingException:
 * Exception reading response; nested exception is: java.net.SocketTimeoutException: Read timed out", as a slow server
 * was said), so the causes, the failed messages and the next exceptions are all looked through.
 */
public final class MailFault {

    private MailFault() {
    }

    /**
     * Why a connection to the server (preflight's) failed, after "mail server HOST:PORT ": it refused the login (535), or
     * answered otherwise, or does not answer; was "does not answer" for a server that answered and refused the login.
     */
    public static String ofConnection(Throwable failure) {
        SmtpReply reply = SmtpReply.of(failure);
        if (reply != null && reply.to() == SmtpReply.To.LOGIN) {
            return "refused the login, or wants another: " + reply.text() + " (SPRING_MAIL_USERNAME, SPRING_MAIL_PASSWORD)";
        }
        return reply != null ? "answered " + reply.text() : "does not answer (" + said(failure) + ")";
    }

    /**
     * Whether the server was not reached at all (the connection refused, no such host): no message was handed to it, for
     * any reviewer.
     */
    static boolean notReached(Throwable failure) {
        return SmtpReply.wrapped(failure).stream()
                .anyMatch(t -> t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException);
    }

    /** The fault in words: no answer in time, the connection refused or cut, else the deepest message, class names taken out. */
    static String said(Throwable failure) {
        Throwable deepest = failure;
        for (Throwable t : SmtpReply.wrapped(failure)) {
            if (t instanceof java.net.SocketTimeoutException) {
                // The server may have taken the message all the same: sent again, the reviewer may get it twice.
                return "no answer in time (spring.mail.properties.mail.smtp.timeout, in milliseconds); the server may have "
                        + "taken the message all the same, so sent again that reviewer may get it twice";
            }
            if (t instanceof java.net.ConnectException) {
                return "the connection was refused (is the server running, on that port?)";
            }
            if (t instanceof java.net.UnknownHostException) {
                return "no such host (spring.mail.host)";
            }
            if (t instanceof java.net.SocketException) {
                return "the connection was cut (" + words(t.getMessage()) + ")";
            }
            deepest = t;
        }
        return words(deepest.getMessage() == null ? "" : deepest.getMessage());
    }

    /** A library's message in words: "Failed messages:" and the class names it quotes ("jakarta.mail.X: ") taken out. */
    private static String words(String message) {
        String m = message == null ? "" : message.replaceAll("Failed messages:", "")
                .replaceAll("(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error): ?", "")
                .replaceAll("; nested exception is:", ":").replaceAll("\\s+", " ").strip();
        return m.isEmpty() ? "no reason given" : m;
    }
}
