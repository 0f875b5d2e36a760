package io.ribao.bulletin.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.jdbi.v3.core.Handle;

/**
 * UTF-8 email over SMTP (Angus Mail): plain text, or for a released bulletin the bulletin itself, as HTML with its PDF
 * attached ({@link BulletinMail}).
 */
public final class EmailChannel implements Channel {

    private final String host;
    private final int port;
    private final String from;
    private final int timeoutMillis;
    private final BulletinMail bulletinMail = new BulletinMail();

    public EmailChannel(String host, int port, String from, int timeoutMillis) {
        this.host = host;
        this.port = port;
        this.from = from;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void deliver(Handle handle, long outboxId, String messageKey, String recipientId, ChannelSpec spec,
                        Message message) throws DeliveryFailure {
        if (host == null || host.isBlank()) {
            throw new DeliveryFailure("no SMTP host configured");
        }
        if (spec.to() == null || spec.to().isBlank()) {
            throw new DeliveryFailure("email channel has no address");
        }
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.connectiontimeout", String.valueOf(timeoutMillis));
        props.put("mail.smtp.timeout", String.valueOf(timeoutMillis));
        // a server that stops reading (a large PDF attachment, a full disk) would otherwise hold the send for good
        props.put("mail.smtp.writetimeout", String.valueOf(timeoutMillis));
        Session session = Session.getInstance(props);
        try {
            MimeMessage mail = new MimeMessage(session);
            mail.setFrom(new InternetAddress(from));
            mail.setRecipients(jakarta.mail.Message.RecipientType.TO, InternetAddress.parse(spec.to()));
            mail.setSubject(message.title(), StandardCharsets.UTF_8.name());
            if (BulletinMail.isBulletin(message)) {
                mail.setContent(bulletinMail.body(message));
            } else {
                mail.setText(message.text(), StandardCharsets.UTF_8.name());
            }
            mail.setHeader("X-Ribao-Message-Key", messageKey);
            Transport.send(mail);
        } catch (MessagingException e) {
            throw new DeliveryFailure("SMTP delivery failed: " + e.getMessage(), e);
        }
    }
}
