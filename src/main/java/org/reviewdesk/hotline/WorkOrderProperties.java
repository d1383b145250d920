package org.reviewdesk.hotline;

import jakarta.validation.constraints.Min;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code reviewdesk.hotline.work-orders}: the limits of each category in working days on the
 * working-day calendar (sign for it, then handle it to the reply; the Sichuan hotline's rules: enquiry
 * 3, help or suggestion 7, complaint 15), how long after dispatch a unit may return a misrouted order,
 * and how many orders the case screen lists per organisation or caller.
 */
@Validated
@ConfigurationProperties("reviewdesk.hotline.work-orders")
record WorkOrderProperties(Map<WorkOrderCategory, Limits> limits,
                           @DefaultValue("2") @Min(0) int returnWorkingDays,
                           @DefaultValue("200") @Min(1) int listLimit) {

    /** Working days to sign for an order, and to reply to it, counted from dispatch. */
    record Limits(@Min(0) int signWorkingDays, @Min(1) int handleWorkingDays) {
    }

    static final Map<WorkOrderCategory, Limits> DEFAULTS = Map.of(
            WorkOrderCategory.ENQUIRY, new Limits(1, 3),
            WorkOrderCategory.HELP, new Limits(1, 7),
            WorkOrderCategory.SUGGESTION, new Limits(1, 7),
            WorkOrderCategory.COMPLAINT, new Limits(1, 15),
            WorkOrderCategory.REPRESENTATIVE_UNREACHABLE, new Limits(1, 7),
            WorkOrderCategory.ACCOUNT_RECOVERY, new Limits(1, 7));

    WorkOrderProperties {
        Map<WorkOrderCategory, Limits> all = new EnumMap<>(DEFAULTS);
        if (limits != null) {
            all.putAll(limits);
        }
        limits = Map.copyOf(all);
    }

    Limits limitsOf(WorkOrderCategory category) {
        return limits.get(category);
    }
}
