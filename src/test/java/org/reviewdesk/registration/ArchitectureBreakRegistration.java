package org.reviewdesk.registration;

/** Breaks "only documents talk to the store" on purpose: ArchitectureTest checks that the rule reports it. */
class ArchitectureBreakRegistration {
    io.minio.MinioClient store;
}
