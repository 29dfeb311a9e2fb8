package org.pbannex.distribute;

import org.springframework.mail.javamail.JavaMailSender;

/**
 * The mail server the reviewers' messages and the failure notices go through: Spring Boot's sender
 * ({@code spring.mail.*}; null when none is configured), the sender's address ({@code pb.distribution.from}) and the
 * server as host:port, for messages that name it.
 */
public record MailServer(JavaMailSender sender, String from, String server) {

    /** Why nothing can be sent when there is no sender. */
    static final String NOT_CONFIGURED = "no mail server configured (spring.mail.host)";
}
