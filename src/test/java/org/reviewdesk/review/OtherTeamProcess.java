package org.reviewdesk.review;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.springframework.stereotype.Service;

/**
 * A second, test-only process run by another team: hotline agents work its one task (candidate group
 * {@code hotline}) and supervise it. It plugs into the workbench through its adapter alone, as the
 * coming processes will: no line of {@code review/} names it.
 */
final class OtherTeamProcess {

    static final String KEY = "otherTeamCase";
    static final String TASK = "handle";
    static final Handlers HANDLERS = new Handlers(EnumSet.of(Role.HOTLINE_AGENT), Role.HOTLINE_AGENT);
    private static final AtomicLong NUMBERS = new AtomicLong(System.nanoTime() % 1_000_000);

    private OtherTeamProcess() {
    }

    /** The process's own service: starts cases and decides them through the workbench's one decision rule. */
    @Service
    static class Cases {

        static final Map<String, CaseSummary> CASES = new ConcurrentHashMap<>();

        private final RepositoryService repository;
        private final RuntimeService runtime;
        private final TaskService tasks;
        private final DecisionRule rule;

        Cases(RepositoryService repository, RuntimeService runtime, TaskService tasks, DecisionRule rule) {
            this.repository = repository;
            this.runtime = runtime;
            this.tasks = tasks;
            this.rule = rule;
        }

        /** A new case with this title; its number ({@code GT} and 8 digits) is returned. */
        String start(String title) {
            if (repository.createProcessDefinitionQuery().processDefinitionKey(KEY).count() == 0) {
                repository.createDeployment().addModelInstance(KEY + ".bpmn", Bpmn.createExecutableProcess(KEY)
                        .camundaHistoryTimeToLive(1).startEvent()
                        .userTask(TASK).name("办理").camundaCandidateGroups(Role.HOTLINE_AGENT.camundaGroup())
                        .endEvent().done()).deploy();
            }
            String number = String.format("GT%08d", NUMBERS.incrementAndGet() % 100_000_000);
            CASES.put(number, new CaseSummary(number, title, null, OffsetDateTime.now()));
            runtime.startProcessInstanceByKey(KEY, number);
            return number;
        }

        /** Decides the case's task for the user, under the rule every process uses; false when no task is open. */
        boolean decide(String number, CurrentUser user) {
            var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number, KEY).singleResult();
            Optional<String> task = rule.claimForDecision(KEY, instance == null ? null : instance.getId(), TASK, user);
            task.ifPresent(tasks::complete);
            return task.isPresent();
        }
    }

    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "reviewdesk.test.sample-processes", havingValue = "true", matchIfMissing = true)
    @org.springframework.stereotype.Component
    static class Adapter implements CaseAdapter {

        private final Cases cases;

        Adapter(Cases cases) {
            this.cases = cases;
        }

        @Override
        public String processKey() {
            return KEY;
        }

        @Override
        public String processNameKey() {
            return "review.test.otherTeam";
        }

        /** Its workers reject with reasons their supervisors edit, though it reviews no applications. */
        @Override
        public boolean rejectsWithReasons() {
            return true;
        }

        @Override
        public Handlers handlers() {
            return HANDLERS;
        }

        @Override
        public Pattern caseRefShape() {
            return Pattern.compile("GT\\d{8}");
        }

        @Override
        public Optional<CaseSummary> summary(String businessKey) {
            return Optional.ofNullable(Cases.CASES.get(businessKey));
        }

        @Override
        public Component workbench(ReviewTask task, CurrentUser user, Runnable onDecided) {
            Button decide = new Button("办结", e -> {
                cases.decide(task.caseRef(), user);
                onDecided.run();
            });
            decide.setId("other-team-decide");
            Div body = new Div(decide);
            body.setId("other-team-workbench");
            return body;
        }
    }
}
