package org.reviewdesk.load;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.registration.RegistrationProcess;
import org.reviewdesk.registration.RegistrationReview;
import org.reviewdesk.review.InboxQuery;
import org.reviewdesk.review.Inbox;
import org.reviewdesk.review.InboxTab;
import org.reviewdesk.review.ReviewDecision;
import org.reviewdesk.review.ReviewTask;
import org.reviewdesk.staff.StaffDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reviewers' decisions under load. The review page's decision form is Vaadin RPC (node ids,
 * property syncs, a confirm dialog) that Gatling cannot script reliably, so the load's reviewers
 * claim and decide through the same services the form calls ({@link Inbox#claim},
 * {@link RegistrationReview#decide}: candidate and assignee checks, the account opened in the
 * decision's transaction), in one more application context in {@link LoadEnvironment}'s JVM on the
 * same database, with neither job executor nor outbox dispatch. Only the load run starts it; it is
 * never in the jar.
 */
@Configuration(proxyBeanMethods = false)
class ReviewerDesk {

    @Bean
    @Order(0)
    SecurityFilterChain loadDeskSecurity(HttpSecurity http) throws Exception {
        // loopback only (LoadEnvironment binds this context to 127.0.0.1), for the Gatling JVM
        return http.securityMatcher("/load/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** The load's reviewer accounts, created as an administrator would create them. */
    static void createReviewers(StaffDirectory staff, int count, String password) {
        as("load-admin", Role.ADMIN, () -> {
            for (int i = 0; i < count; i++) {
                String name = LoadEnvironment.reviewerName(i + 1);
                staff.create(name, "负载审核员" + (i + 1), password, Set.of(Role.REVIEWER));
            }
            return null;
        });
    }

    private static <T> T as(String username, Role role, Supplier<T> work) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority(role.authority()))));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @RestController
    static class Decisions {

        private final Inbox inbox;
        private final RegistrationReview reviews;

        Decisions(Inbox inbox, RegistrationReview reviews) {
            this.inbox = inbox;
            this.reviews = reviews;
        }

        /** Claims the oldest unclaimed registration review for the reviewer: its task id and number, or 204. */
        @PostMapping("/load/reviewers/{reviewer}/next")
        ResponseEntity<Map<String, String>> next(@PathVariable String reviewer) {
            CurrentUser user = new CurrentUser(reviewer, Set.of(Role.REVIEWER));
            return as(reviewer, Role.REVIEWER, () -> {
                List<ReviewTask> open = inbox.page(new InboxQuery(InboxTab.UNCLAIMED, RegistrationProcess.KEY, null, null,
                        InboxQuery.Sort.RECEIVED, 0, 20), user);
                for (ReviewTask task : open) {
                    try {
                        inbox.claim(task.taskId(), user);
                        return ResponseEntity.ok(Map.of("taskId", task.taskId(), "number", task.caseRef()));
                    } catch (UserFacingException claimedByAnother) {
                        // another reviewer was quicker: the next one
                    }
                }
                return ResponseEntity.noContent().build();
            });
        }

        @PostMapping("/load/reviewers/{reviewer}/decide/{number}")
        ResponseEntity<Void> approve(@PathVariable String reviewer, @PathVariable String number) {
            CurrentUser user = new CurrentUser(reviewer, Set.of(Role.REVIEWER));
            return as(reviewer, Role.REVIEWER, () -> {
                reviews.decide(number, new ReviewDecision.Approve("负载测试：材料齐全"), user);
                return ResponseEntity.noContent().build();
            });
        }
    }
}
