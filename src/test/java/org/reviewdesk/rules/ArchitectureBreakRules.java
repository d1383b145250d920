package org.reviewdesk.rules;

/** Breaks "rules use only platform" on purpose: ArchitectureTest checks that the rule reports it. */
class ArchitectureBreakRules {
    org.reviewdesk.staff.StaffDirectory staff;
}
