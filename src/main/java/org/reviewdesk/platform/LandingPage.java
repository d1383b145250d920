package org.reviewdesk.platform;

import com.vaadin.flow.component.Component;

/**
 * The page a role starts on after login. Capabilities contribute one per role as a bean; a user
 * with several roles starts on the page of their highest-ranked role (the enum order of {@link Role}
 * reversed: admin, hotline, supervisor, reviewer) and reaches the others from the menu.
 */
public record LandingPage(Role role, Class<? extends Component> view) {
}
