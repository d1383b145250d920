package org.reviewdesk.platform;

/** A signed-in principal that knows the person's name, for greeting and display (not for access decisions). */
public interface StaffPrincipal {

    String displayName();
}
