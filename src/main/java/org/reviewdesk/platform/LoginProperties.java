package org.reviewdesk.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Login throttling: after {@code maxFailuresPerAccount} failed attempts on one account, or
 * {@code maxFailuresPerAddress} from one address, logins are refused for {@code lockDuration}.
 */
@ConfigurationProperties("reviewdesk.login")
public record LoginProperties(int maxFailuresPerAccount, int maxFailuresPerAddress, Duration lockDuration) {
}
