package org.pbannex.distribute;

import jakarta.mail.MessagingException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.mail.MailSendException;

/**
 * What the mail server replied when it did not take a message, as it said it ("550 5.1.1 no such user"), found among
 * the exceptions Spring and Jakarta Mail wrap it in (whose own message is "Failed messages:
 * jakarta.mail.SendFailedException: Invalid Addresses; nested exception is: ..."): its reply code tells a refusal for
 * good (5xx) from one for now (4xx).
 *
 * @param code      the SMTP reply code
 * @param text      the server's reply line, code included
 * @param to        what the reply answered: the recipient's address (RCPT TO), the message itself (DATA, or its end:
 *                  some servers and filters refuse an address only there), the sender (MAIL FROM), or another command
 */
record SmtpReply(int code, String text, To to) {

    /** What a reply answered; LOGIN: the server wants a login, or another (RFC 4954: 530, 534, 535, 538), whatever the command. */
    enum To { RECIPIENT, MESSAGE, SENDER, LOGIN, OTHER }

    /** The replies of a server that wants a login, a stronger one, or encryption first: the settings', for every reviewer. */
    private static final java.util.Set<Integer> LOGIN_CODES = java.util.Set.of(530, 534, 535, 538);

    /**
     * Refused for good, and for this recipient: sending it again, as it is, would be refused again. Each message goes to
     * one reviewer, so a 5xx to the message is as final for that reviewer as one to the address (RFC 5321: 5yz is
     * permanent); a refused sender is not, as it is the same for every reviewer: the setting is at fault, not an address.
     */
    boolean permanent() {
        return (to == To.RECIPIENT || to == To.MESSAGE) && code >= 500 && code < 600;
    }

    /** Whether the server refused the reviewer's address itself, not the message sent to it. */
    boolean toAddress() {
        return to == To.RECIPIENT;
    }

    /** The server's reply in the failure, a recipient's first; null when it gave none (not reached, say). */
    static SmtpReply of(Throwable failure) {
        SmtpReply other = null;
        boolean sender = false;
        for (Throwable t : wrapped(failure)) {
            // Angus Mail's SMTP exceptions carry the reply as their message ("550 5.1.1 no such user"). Known by name: the
            // implementation is on the run's class path only (the code is written against the Jakarta Mail API).
            int code = code(t.getMessage());
            String kind = t.getClass().getSimpleName();
            if (code > 0 && kind.equals("SMTPAddressFailedException")) {
                return new SmtpReply(code, oneLine(t.getMessage()), To.RECIPIENT);
            }
            // A refused MAIL FROM is an SMTPSendFailedException with an SMTPSenderFailedException chained to it.
            sender |= kind.equals("SMTPSenderFailedException");
            if (code > 0 && other == null && t instanceof MessagingException) {
                other = new SmtpReply(code, oneLine(t.getMessage()), kind.equals("SMTPSendFailedException") ? To.MESSAGE : To.OTHER);
            }
        }
        // A login wanted (Office 365's "530 5.7.57 Client not authenticated" to MAIL FROM) is no recipient's refusal.
        return other != null && LOGIN_CODES.contains(other.code) ? new SmtpReply(other.code, other.text, To.LOGIN)
                : other != null && sender ? new SmtpReply(other.code, other.text, To.SENDER) : other;
    }

    /**
     * The failure and every exception Spring and Jakarta Mail wrap in it (causes, failed messages, next exceptions),
     * each once, nearest first: where {@link #of} finds the server's reply and {@link MailFault} the fault's words.
     */
    static List<Throwable> wrapped(Throwable failure) {
        List<Throwable> out = new ArrayList<>();
        Deque<Throwable> todo = new ArrayDeque<>();
        Set<Throwable> seen = new HashSet<>();
        todo.add(failure);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            out.add(t);
            List<Throwable> next = new ArrayList<>();
            next.add(t.getCause());
            if (t instanceof MailSendException m) {
                next.addAll(Arrays.asList(m.getMessageExceptions()));
            }
            if (t instanceof MessagingException m) {
                next.add(m.getNextException());
            }
            next.stream().filter(java.util.Objects::nonNull).forEach(todo::add);
        }
        return out;
    }

    /** The reply code a server's reply starts with ("550 ...", "451-..."), or 0 when the message is no reply. */
    private static int code(String message) {
        return message != null && message.matches("(?s)[2-5][0-9][0-9]([ -].*)?") ? Integer.parseInt(message.substring(0, 3)) : 0;
    }

    private static String oneLine(String reply) {
        return reply.replaceAll("\\s+", " ").strip();
    }
}
