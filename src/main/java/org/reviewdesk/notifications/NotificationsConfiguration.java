package org.reviewdesk.notifications;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
class NotificationsConfiguration {

    /**
     * Boot creates a JavaMailSender whenever spring.mail.host is present, even empty (as our
     * placeholder leaves it), so "is mail on" is decided here from the host itself.
     */
    @Bean
    Delivery notificationDelivery(NotificationProperties properties, ObjectProvider<JavaMailSender> mailSender,
                                  @Value("${spring.mail.host:}") String mailHost) {
        SmsSender sms = switch (properties.sms().sender()) {
            case LOG -> new LoggingSmsSender();
            case HTTP -> new HttpSmsSender(properties.sms().http());
        };
        Optional<SmtpMailSender> mail = mailHost.isBlank()
                ? Optional.empty()
                : Optional.ofNullable(mailSender.getIfAvailable()).map(sender -> new SmtpMailSender(sender, properties.mail().from()));
        return new Delivery(sms, mail);
    }
}
