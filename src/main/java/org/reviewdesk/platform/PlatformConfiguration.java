package org.reviewdesk.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    @Bean
    BusinessTime businessTime(Clock clock, @Value("${reviewdesk.calendar.zone:Asia/Shanghai}") ZoneId zone) {
        return new BusinessTime(clock, zone);
    }
}
