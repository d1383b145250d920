package org.reviewdesk.platform;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The client's address and scheme. {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are
 * believed only from the proxies named in {@code REVIEWDESK_TRUSTED_PROXIES} (exact addresses,
 * comma-separated); from any other peer the peer is the client, whatever it sends. (Tomcat's own
 * default would believe every private-range peer.) The throttles key on this address; the session
 * cookie's {@code Secure} flag and HSTS follow the scheme.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final List<String> proxies;

    TrustedProxies(@Value("${reviewdesk.trusted-proxies:}") String proxies) {
        this.proxies = Arrays.stream(proxies.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (!proxies.isEmpty()) {
            factory.addEngineValves(valve());
        }
    }

    RemoteIpValve valve() {
        RemoteIpValve valve = new RemoteIpValve();
        valve.setInternalProxies(proxies.stream().map(Pattern::quote).collect(Collectors.joining("|")));
        valve.setTrustedProxies(null);
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProtocolHeader("X-Forwarded-Proto");
        valve.setHostHeader("X-Forwarded-Host");
        valve.setPortHeader("X-Forwarded-Port");
        return valve;
    }
}
