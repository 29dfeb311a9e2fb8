package org.pbannex;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;

/** A received message's text as its reader sees it (decoded), whether it is plain or has attachments. */
public final class MailText {

    private MailText() {
    }

    public static String body(Message m) throws Exception {
        if (!(m.getContent() instanceof Multipart mp)) {
            return (String) m.getContent();
        }
        for (int i = 0; i < mp.getCount(); i++) {
            BodyPart p = mp.getBodyPart(i);
            if (p.getFileName() == null) {
                Object c = p.getContent();
                return c instanceof Multipart inner ? (String) inner.getBodyPart(0).getContent() : (String) c;
            }
        }
        throw new AssertionError("no text part");
    }
}
