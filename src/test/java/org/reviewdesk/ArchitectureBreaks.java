package org.reviewdesk;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/** The test classes named {@code ArchitectureBreak*}, each breaking a rule of {@link ArchitectureTest} on purpose. */
final class ArchitectureBreaks {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .withImportOption((Location location) -> location.contains("/ArchitectureBreak")
                    && !location.contains("/ArchitectureBreaks"))
            .importPackages("org.reviewdesk");

    private ArchitectureBreaks() {
    }
}
