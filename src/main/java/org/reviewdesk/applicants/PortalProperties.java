package org.reviewdesk.applicants;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The portal the accounts belong to (四川政务服务网), as applicants are told after an approval: where
 * to sign in. {@code reviewdesk.portal.login-url}, an absolute http(s) address.
 *
 * @param loginUrl the portal's sign-in page
 */
@ConfigurationProperties("reviewdesk.portal")
public record PortalProperties(@DefaultValue("https://www.sczwfw.gov.cn/") URI loginUrl) {

    public PortalProperties {
        if (loginUrl == null || !loginUrl.isAbsolute() || loginUrl.getHost() == null
                || !("https".equals(loginUrl.getScheme()) || "http".equals(loginUrl.getScheme()))) {
            throw new IllegalArgumentException("reviewdesk.portal.login-url must be an absolute http(s) address, not " + loginUrl);
        }
    }

    /** The address as text, for messages and links. */
    public String loginAddress() {
        return loginUrl.toString();
    }
}
