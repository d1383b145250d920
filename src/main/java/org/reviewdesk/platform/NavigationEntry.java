package org.reviewdesk.platform;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * A side-navigation item a capability contributes as a bean. The layout shows it only to users
 * whose roles the view's own access annotation admits, so the menu never offers a forbidden view.
 */
public record NavigationEntry(int order, String messageKey, VaadinIcon icon, Class<? extends Component> view) {
}
