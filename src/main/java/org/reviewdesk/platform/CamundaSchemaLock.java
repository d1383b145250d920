package org.reviewdesk.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lets one node at a time create or update Camunda's schema. The engine's {@code schema-update}
 * takes no lock: two nodes started together on an empty PostgreSQL both ran the create script and
 * the second died ({@code pg_type_typname_nsp_index}, ENGINE-03015). On PostgreSQL this holds a
 * session-level advisory lock from the end of the engine's configuration ({@link #postInit}, just
 * before the engine runs its schema operations) until the engine is built; a node that waits then
 * finds the tables and only checks them. A node that dies while holding it loses its connection,
 * and PostgreSQL releases the lock with it. Other databases (H2, one node) take no lock.
 */
@Component
class CamundaSchemaLock extends AbstractProcessEnginePlugin {

    /** Any constant of our own; Flyway takes its own advisory lock with another key. */
    static final long KEY = 0x5265_7669_6577_4453L;

    private static final Logger log = LoggerFactory.getLogger(CamundaSchemaLock.class);

    private final DataSource dataSource;
    private Connection holder;

    CamundaSchemaLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        try {
            Connection connection = dataSource.getConnection();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return;
            }
            connection.setAutoCommit(true);
            long started = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                statement.execute("select pg_advisory_lock(" + KEY + ")");
            }
            holder = connection;
            log.info("Holding the Camunda schema lock (waited {} ms)", (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            throw new ProcessEngineException("Cannot take the Camunda schema lock", e);
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        if (holder == null) {
            return;
        }
        try (Connection connection = holder; Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_unlock(" + KEY + ")");
        } catch (SQLException e) {
            // closing the connection (above) ends the session and its lock anyway
            log.warn("Releasing the Camunda schema lock: {}", e.getMessage());
        } finally {
            holder = null;
        }
    }
}
