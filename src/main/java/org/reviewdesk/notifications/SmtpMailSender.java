package org.reviewdesk.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Plain-text UTF-8 mail through Spring's JavaMailSender, so Chinese subjects and bodies arrive intact. */
class SmtpMailSender {

    private final JavaMailSender mail;
    private final String from;

    SmtpMailSender(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    void send(String to, String subject, String text) throws DeliveryFailure {
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text, false);
            mail.send(message);
        } catch (MailException | MessagingException e) {
            // the message may quote the address; the dispatcher masks it before storing or logging
            throw new DeliveryFailure("SMTP: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
