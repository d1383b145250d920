package org.reviewdesk;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.vaadin.flow.component.Component;
import jakarta.persistence.Entity;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;

/**
 * The house rules of docs/architecture.md, checked on the compiled classes: which capability may use
 * which, that views stay views, and (through Spring Modulith) that a capability is used only through
 * its public API and the dependencies its {@code package-info.java} allows. Each rule is also run on a
 * small set of test classes that break it ({@code org.reviewdesk.*.ArchitectureBreak*}), so a rule
 * that stopped biting fails here too.
 */
class ArchitectureTest {

    private static final String OURS = "org.reviewdesk..";
    /** The packages of processes: they plug into the workbench through adapters and never into each other. */
    static final String[] PROCESSES = {"org.reviewdesk.registration..", "org.reviewdesk.representative..", "org.reviewdesk.namechange..",
            "org.reviewdesk.hotline..", "org.reviewdesk.window.."};

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.reviewdesk");

    static final ArchRule PLATFORM_IS_A_LEAF = onlyUses("org.reviewdesk.platform..", "org.reviewdesk.platform..");

    static final ArchRule RULES_USE_ONLY_THE_PLATFORM = onlyUses("org.reviewdesk.rules..",
            "org.reviewdesk.rules..", "org.reviewdesk.platform..");

    static final ArchRule NOTIFICATIONS_USE_ONLY_LEAVES = onlyUses("org.reviewdesk.notifications..",
            "org.reviewdesk.notifications..", "org.reviewdesk.platform..", "org.reviewdesk.rules..");

    static final ArchRule DOCUMENTS_USE_ONLY_LEAVES = onlyUses("org.reviewdesk.documents..",
            "org.reviewdesk.documents..", "org.reviewdesk.platform..", "org.reviewdesk.rules..",
            "org.reviewdesk.notifications..");

    static final ArchRule ACCOUNTS_USE_ONLY_LEAVES = onlyUses("org.reviewdesk.accounts..",
            "org.reviewdesk.accounts..", "org.reviewdesk.platform..", "org.reviewdesk.rules..",
            "org.reviewdesk.notifications..");

    static final ArchRule REVIEW_KNOWS_NO_PROCESS = noClasses().that().resideInAPackage("org.reviewdesk.review..")
            .should().dependOnClassesThat().resideInAnyPackage(PROCESSES)
            .because("processes plug into the workbench through their CaseAdapter; review's own tests use a test process");

    static final ArchRule SERVICES_NEVER_USE_VIEWS = noClasses().that(are(serviceSide()))
            .should().dependOnClassesThat(are(ourViews()))
            .because("data flows one way, view -> service; only views, navigation and adapters' workbench factories name a view");

    static final ArchRule VIEWS_NEVER_REACH_THE_ENGINE_OR_THE_STORE = noClasses().that().areAssignableTo(Component.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "io.minio..", "org.gaul..", "org.jclouds..")
            .because("views call their capability's service; only services talk to the engine and the store");

    static final ArchRule ONLY_DOCUMENTS_TALK_TO_THE_STORE = noClasses().that().resideOutsideOfPackage("org.reviewdesk.documents..")
            .should().dependOnClassesThat().resideInAnyPackage("io.minio..", "org.gaul..", "org.jclouds..");

    static final ArchRule NO_CYCLES = slices().matching("org.reviewdesk.(*)..").should().beFreeOfCycles();

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("platform is a leaf", PLATFORM_IS_A_LEAF),
                Arguments.of("rules use only platform", RULES_USE_ONLY_THE_PLATFORM),
                Arguments.of("notifications use only leaves", NOTIFICATIONS_USE_ONLY_LEAVES),
                Arguments.of("documents use only leaves", DOCUMENTS_USE_ONLY_LEAVES),
                Arguments.of("accounts use only leaves", ACCOUNTS_USE_ONLY_LEAVES),
                Arguments.of("review knows no process", REVIEW_KNOWS_NO_PROCESS),
                Arguments.of("services never use views", SERVICES_NEVER_USE_VIEWS),
                Arguments.of("views never reach engine or store", VIEWS_NEVER_REACH_THE_ENGINE_OR_THE_STORE),
                Arguments.of("only documents talk to the store", ONLY_DOCUMENTS_TALK_TO_THE_STORE),
                Arguments.of("no cycles", NO_CYCLES));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theCodeKeepsTheRule(String name, ArchRule rule) {
        rule.check(CLASSES);
    }

    @ParameterizedTest(name = "{0} bites")
    @MethodSource("rules")
    void theRuleRefusesAClassThatBreaksIt(String name, ArchRule rule) {
        assertThat(rule.evaluate(ArchitectureBreaks.CLASSES).hasViolation())
                .as("a test class breaking '%s' is reported", name).isTrue();
    }

    @Test
    void capabilitiesAreUsedOnlyThroughTheirApiAndAllowedDependencies() {
        ApplicationModules.of(ReviewDeskApplication.class).verify();
    }

    private static ArchRule onlyUses(String pkg, String... allowed) {
        List<String> mayUse = Arrays.asList(allowed);
        return noClasses().that().resideInAPackage(pkg)
                .should().dependOnClassesThat(describe("classes of org.reviewdesk outside " + mayUse,
                        (JavaClass c) -> c.getPackageName().startsWith("org.reviewdesk.")
                                && mayUse.stream().noneMatch(p -> c.getPackageName().equals(p.replace("..", ""))
                                || c.getPackageName().startsWith(p.replace("..", ".")))));
    }

    private static <T> DescribedPredicate<T> are(DescribedPredicate<T> predicate) {
        return predicate;
    }

    /** Views are our Vaadin components. */
    private static DescribedPredicate<JavaClass> ourViews() {
        return describe("our views (Vaadin components of org.reviewdesk)",
                c -> c.getPackageName().startsWith("org.reviewdesk") && c.isAssignableTo(Component.class));
    }

    /** Services, repositories, entities and the records they exchange. */
    private static DescribedPredicate<JavaClass> serviceSide() {
        return describe("services, repositories, entities and records",
                c -> c.getPackageName().startsWith("org.reviewdesk")
                        && (c.isAnnotatedWith(Service.class) || c.isAnnotatedWith(Repository.class)
                        || c.isAnnotatedWith(Entity.class) || c.isRecord()
                        || Set.of("Service", "Repository", "Records").stream().anyMatch(c.getSimpleName()::endsWith)));
    }
}
