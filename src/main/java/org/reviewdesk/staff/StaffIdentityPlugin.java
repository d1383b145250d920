package org.reviewdesk.staff;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/** Gives the embedded engine the staff directory as its (read-only) identity service. */
@Component
class StaffIdentityPlugin extends AbstractProcessEnginePlugin {

    private final StaffUserRepository users;
    private final HandlingUnitRecords units;

    StaffIdentityPlugin(StaffUserRepository users, HandlingUnitRecords units) {
        this.users = users;
        this.units = units;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return ReadOnlyIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new StaffIdentityProvider(users, units);
            }
        });
    }
}
