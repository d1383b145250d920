# Review Desk: the production image (docs/deployment.md).
#   docker build -t review-desk .          or          docker compose up -d --build
#
# The Vaadin production build uses the precompiled frontend bundle ("A production mode bundle
# build is not needed"): no Node.js or npm in either stage, nothing from the npm registry.

# ---- build ---------------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build

# Dependencies first: this layer is rebuilt only when pom.xml changes.
COPY pom.xml ./
RUN mvn -B -q -Pproduction dependency:go-offline

# Then the sources: the rest of the allow-listed context (.dockerignore), i.e. processes/, ui/
# and src/main/. One COPY of the context, because Git keeps no empty folder: a named
# `COPY processes/` would fail the build in a clone where that folder has no file yet.
COPY . ./
# vaadin.ignoreVersionChecks: prepare-frontend otherwise looks for Node.js >= 20 only to check
# its version and, finding none in this image, downloads it from nodejs.org. Nothing runs it.
RUN mvn -B -Pproduction -Dvaadin.ignoreVersionChecks=true -DskipTests package \
 && cp target/review-desk-*.jar /build/app.jar

# ---- runtime -------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre

# The acceptance receipt (受理回执) embeds a Chinese TrueType font: WenQuanYi Zen Hei from the
# distribution (REVIEWDESK_RECEIPT_FONT may name another .ttf/.ttc instead).
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-wqy-zenhei \
 && rm -rf /var/lib/apt/lists/*

# A fixed numeric uid/gid, so orchestrators can check runAsNonRoot and volumes can be
# pre-owned; no login shell. HOME is writable (PDFBox keeps its font cache there).
RUN groupadd --system --gid 10001 reviewdesk \
 && useradd --system --uid 10001 --gid reviewdesk --home-dir /home/reviewdesk --create-home \
        --shell /usr/sbin/nologin reviewdesk \
 && mkdir -p /app/data \
 && chown reviewdesk:reviewdesk /app/data \
 && command -v curl >/dev/null

WORKDIR /app
COPY --from=build /build/app.jar /tmp/review-desk.jar

# H2 and the embedded document store live here when no PostgreSQL / MinIO is configured;
# a named volume keeps it (docker-compose.yml mounts one). The directory is owned by the
# app user, so a new named volume inherits that ownership.
# The JVM options are the README's, measured in docs/benchmarks.md ("Start-up and memory
# (issue 16)"): a fixed 512 MB heap and the serial collector keep the process near 500 MB;
# docker-compose.yml's memory limit leaves room beside the heap. An out-of-memory JVM exits,
# so the restart policy brings it back instead of leaving it half-alive. Both
# compilers stay on: C1 alone (-XX:TieredStopAtLevel=1) halves start-up's CPU, but a 10 MB upload
# then costs ~2.8x the CPU (SHA-256 has no intrinsic under C1) for the life of the process, and
# bcrypt and PDF rendering run the lesser code too (docs/benchmarks.md).
ENV REVIEWDESK_DATA_DIR=/app/data \
    TZ=Asia/Shanghai \
    JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -Xmx512m -XX:+ExitOnOutOfMemoryError"

# Class-data sharing: the jar is unpacked (Spring Boot's extract layout, /app/review-desk.jar
# and /app/lib/; --force because /app already holds data/) and a training start that exits once
# the context is refreshed records the classes it loaded, parsed and verified, into
# /app/review-desk.jsa. Every start then maps them
# instead of reading ~26,000 classes out of the nested jars: most of start-up was class loading.
# Trained with this image's JVM and JAVA_TOOL_OPTIONS (an archive only fits the JVM that wrote
# it); on a scratch data directory, so the volume stays empty. A JVM that finds the archive
# unusable starts without it.
RUN java -Djarmode=tools -jar /tmp/review-desk.jar extract --force --destination /app \
 && rm /tmp/review-desk.jar \
 && mkdir /tmp/cds-training \
 && cd /tmp/cds-training \
 && REVIEWDESK_DATA_DIR=/tmp/cds-training/data java -XX:ArchiveClassesAtExit=/app/review-desk.jsa \
        -Dspring.context.exit=onRefresh -jar /app/review-desk.jar \
 && cd / \
 && rm -rf /tmp/cds-training /root/.vaadin /root/.pdfbox.cache \
 && test -s /app/review-desk.jsa
VOLUME ["/app/data"]

USER 10001:10001
EXPOSE 8080

# curl ships with the eclipse-temurin Ubuntu images (kept there on purpose, adoptium/containers#255;
# the `command -v curl` above fails the build if that ever changes). A second JVM as probe would
# cost ~100 MB inside the container's memory limit every interval. Readiness turns UP only after
# the start-up runners and the job executor have started, so the start period is generous.
HEALTHCHECK --interval=15s --timeout=5s --start-period=180s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${REVIEWDESK_PORT:-8080}/actuator/health/readiness" || exit 1

ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/review-desk.jsa", "-jar", "/app/review-desk.jar"]
