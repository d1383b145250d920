package org.reviewdesk.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Internal comments on a case: who may read and write them, what is refused, and that each is audited. */
@ApplicationTest
class CaseCommentsTest {

    static final CurrentUser REVIEWER = new CurrentUser("reviewer", "审核员甲", Set.of(Role.REVIEWER));
    static final CurrentUser REVIEWER2 = new CurrentUser("reviewer2", "审核员乙", Set.of(Role.REVIEWER));
    static final CurrentUser SUPERVISOR = new CurrentUser("supervisor", "科长", Set.of(Role.SUPERVISOR));
    static final CurrentUser HOTLINE = new CurrentUser("hotline", Set.of(Role.HOTLINE_AGENT));

    @Autowired CaseComments comments;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired JdbcClient jdbc;

    InboxFixtures fixtures;

    @BeforeEach
    void process() {
        fixtures = new InboxFixtures(repository, runtime, tasks);
    }

    private Task task(String groups) {
        return fixtures.start(InboxFixtures.marker(), groups, null, 50, OffsetDateTime.now());
    }

    @Test
    void reviewersAndSupervisorsReadEachOthersCommentsOldestFirst() {
        Task task = task("reviewers");

        comments.add(task.getId(), "  营业执照与填报名称一致  ", REVIEWER);
        comments.add(task.getId(), "请注意法定代表人签字", SUPERVISOR);

        assertThat(comments.of(task.getId(), REVIEWER2)).extracting(CaseComment::authorName, CaseComment::body)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("审核员甲", "营业执照与填报名称一致"),
                        org.assertj.core.groups.Tuple.tuple("科长", "请注意法定代表人签字"));
        String caseRef = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
                .getBusinessKey();
        assertThat(jdbc.sql("select actor from audit_record where case_ref = :ref and action = :action order by id")
                .param("ref", caseRef).param("action", CaseComments.AUDIT_ADD).query(String.class).list())
                .containsExactly("reviewer", "supervisor");
    }

    @Test
    void anEmptyOrTooLongCommentIsRefusedAndNothingStored() {
        Task task = task("reviewers");

        assertRefused(() -> comments.add(task.getId(), "   ", REVIEWER), "review.comment.required");
        assertRefused(() -> comments.add(task.getId(), null, REVIEWER), "review.comment.required");
        assertRefused(() -> comments.add(task.getId(), "长".repeat(CaseComments.MAX_LENGTH + 1), REVIEWER), "review.comment.tooLong");
        assertThat(comments.of(task.getId(), REVIEWER)).isEmpty();

        comments.add(task.getId(), "长".repeat(CaseComments.MAX_LENGTH), REVIEWER);
        assertThat(comments.of(task.getId(), REVIEWER)).singleElement()
                .satisfies(c -> assertThat(c.body()).hasSize(CaseComments.MAX_LENGTH));
    }

    @Test
    void whoCannotSeeTheTaskCanNeitherReadNorAdd() {
        Task supervisorsOnly = task("supervisors");
        comments.add(supervisorsOnly.getId(), "仅科长可见的任务", SUPERVISOR);

        assertRefused(() -> comments.of(supervisorsOnly.getId(), REVIEWER), "review.task.notFoundOrNotYours");
        assertRefused(() -> comments.add(supervisorsOnly.getId(), "越权", REVIEWER), "review.task.notFoundOrNotYours");
        assertRefused(() -> comments.of("no-such-task", REVIEWER), "review.task.notFoundOrNotYours");
        // a hotline agent works other processes: this task is as absent for them as for a reviewer
        assertRefused(() -> comments.of(supervisorsOnly.getId(), HOTLINE), "review.task.notFoundOrNotYours");
        assertThat(comments.of(supervisorsOnly.getId(), SUPERVISOR)).hasSize(1);
    }

    private static void assertRefused(Runnable act, String key) {
        assertThatThrownBy(act::run).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    /** Issue 15: a comment is read by colleagues beside the case; a direction override would show other words. */
    @Test
    void aCommentWithAHiddenCharacterIsRefusedAndNothingStored() {
        Task task = task("reviewers");

        assertRefused(() -> comments.add(task.getId(), "名称\u202E一致", REVIEWER), "rules.text.hidden");
        assertRefused(() -> comments.add(task.getId(), "零\u200B宽", REVIEWER), "rules.text.hidden");
        assertThat(comments.of(task.getId(), REVIEWER)).isEmpty();

        comments.add(task.getId(), "第一行\n第二行", REVIEWER);
        assertThat(comments.of(task.getId(), REVIEWER)).hasSize(1);
    }
}
