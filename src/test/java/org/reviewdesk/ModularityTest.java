package org.reviewdesk;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

    @Test
    void modulesAreSound() {
        ApplicationModules modules = ApplicationModules.of(ReviewDeskApplication.class);
        modules.forEach(System.out::println);
        modules.verify();
    }
}
