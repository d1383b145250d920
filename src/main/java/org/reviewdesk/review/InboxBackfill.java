package org.reviewdesk.review;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Projects the open tasks the listeners never saw: those created before the projection existed
 * (a database upgraded to V8 with work in progress). Runs at every start; one indexed anti-join
 * finds nothing to do once every task is projected. Several nodes starting at once may meet on a
 * task: the primary key lets one insert it and the others skip it.
 */
@Component
class InboxBackfill {

    private static final Logger log = LoggerFactory.getLogger(InboxBackfill.class);

    private final ProcessEngine engine;
    private final ReviewTaskProjection projection;
    private final JdbcClient jdbc;

    InboxBackfill(ProcessEngine engine, ReviewTaskProjection projection, JdbcClient jdbc) {
        this.engine = engine;
        this.projection = projection;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        int projected = backfill();
        if (projected > 0) {
            log.info("Projected {} open task(s) into the inbox that had no row yet", projected);
        }
    }

    /** Projects every open staff task without a row (applicants' tasks stay out, as with the listeners); returns how many. */
    int backfill() {
        List<String> missing = jdbc.sql("""
                select t.id_ from act_ru_task t
                where t.suspension_state_ = 1 and t.proc_inst_id_ is not null
                  and not exists (select 1 from review_task r where r.task_id = t.id_)""")
                .query(String.class).list();
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        int projected = 0;
        for (String taskId : missing) {
            try {
                Boolean done = configuration.getCommandExecutorTxRequired().execute(context -> {
                    TaskEntity task = context.getTaskManager().findTaskById(taskId);
                    if (task == null) {
                        return false; // completed meanwhile
                    }
                    String processKey = configuration.getDeploymentCache()
                            .findDeployedProcessDefinitionById(task.getProcessDefinitionId()).getKey();
                    projection.created(processKey, task);
                    // an applicant's task (no candidate group, no assignee) is left out, as by the listeners
                    return jdbc.sql("select count(*) from review_task where task_id = :id").param("id", taskId)
                            .query(Integer.class).single() > 0;
                });
                projected += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (DuplicateKeyException projectedByAnotherNode) {
                log.debug("Task {} was projected meanwhile", taskId);
            }
        }
        return projected;
    }
}
