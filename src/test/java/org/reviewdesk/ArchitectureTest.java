package org.reviewdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.component.Component;
import org.junit.jupiter.api.Test;

/** The module rules of docs/architecture.md, checked on the compiled classes. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.reviewdesk");

    @Test
    void capabilitiesFormNoCycles() {
        slices().matching("org.reviewdesk.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void viewsNeverReachTheEngineOrTheDocumentStore() {
        noClasses().that().areAssignableTo(Component.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "io.minio..", "org.gaul..", "org.jclouds..")
                .because("views call their capability's service; only services talk to the engine and the store")
                .check(CLASSES);
    }

    @Test
    void platformDependsOnNoCapability() {
        noClasses().that().resideInAPackage("org.reviewdesk.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.reviewdesk.staff..", "org.reviewdesk.rules..", "org.reviewdesk.documents..",
                        "org.reviewdesk.review..", "org.reviewdesk.hotline..", "org.reviewdesk.accounts..")
                .check(CLASSES);
    }

    @Test
    void onlyTheDocumentsCapabilityTalksToTheStore() {
        noClasses().that().resideOutsideOfPackage("org.reviewdesk.documents..")
                .should().dependOnClassesThat().resideInAnyPackage("io.minio..", "org.gaul..")
                .check(CLASSES);
    }
}
