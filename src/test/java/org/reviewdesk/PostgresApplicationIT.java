package org.reviewdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The same application on a real PostgreSQL 17, configured as production: no demo data, a first admin. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "reviewdesk.admin.username=chief",
        "reviewdesk.admin.password=Chief-Admin-2026"})
@ActiveProfiles("test")
@Import(EmbeddedPostgresConfiguration.class)
class PostgresApplicationIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;

    @Autowired
    org.reviewdesk.accounts.EnterpriseAccounts accounts;

    @Test
    void twoConcurrentOpeningsForOneCodeGiveOneActiveAccount() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var attempts = java.util.stream.IntStream.range(0, 4).mapToObj(i -> pool.submit(() -> {
                try {
                    accounts.open("914403001922038216", "并发测试" + i, org.reviewdesk.rules.LegalPersonType.ENTERPRISE, "x", "RD-PG-" + i, "system");
                    return true;
                } catch (org.reviewdesk.platform.UserFacingException refused) {
                    return false;
                }
            })).toList();
            long opened = 0;
            for (var attempt : attempts) {
                opened += attempt.get() ? 1 : 0;
            }
            assertThat(opened).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from enterprise_account where uscc = '914403001922038216' and status = 'ACTIVE'")
                    .query(Integer.class).single()).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void runsOnPostgresql() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL 17");
    }

    @Test
    void camundaSchemaIsCreatedOnPostgresql() {
        assertThat(management.getTableCount()).containsKeys("ACT_RU_TASK", "ACT_HI_PROCINST", "ACT_RU_JOB");
        Integer camundaTables = jdbc.sql("select count(*) from information_schema.tables where table_name like 'act_%'")
                .query(Integer.class).single();
        assertThat(camundaTables).isGreaterThan(40);
    }

    @Test
    void onlyTheFirstAdministratorIsCreatedNoDemoUsers() {
        List<String> users = jdbc.sql("select username from staff_user").query(String.class).list();
        assertThat(users).containsExactly("chief");
        assertThat(jdbc.sql("select role from staff_user_role").query(String.class).list()).containsExactly("ADMIN");
    }

    @Test
    void aUserTaskIsOfferedToTheGroupsOfTheStaffDirectory() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("pgSmoke").camundaHistoryTimeToLive(1)
                .startEvent().userTask("check").camundaCandidateGroups("admins").endEvent().done();
        repository.createDeployment().addModelInstance("pgSmoke.bpmn", model).deploy();
        runtime.startProcessInstanceByKey("pgSmoke", "smoke-1", Map.of("caseId", 1L));
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey("smoke-1").taskCandidateUser("chief").count()).isEqualTo(1);
        assertThat(identity.createGroupQuery().groupMember("chief").singleResult().getId()).isEqualTo("admins");
    }
}
