#!/bin/sh
# One load run (docs/load.md): PostgreSQL, an S3 server and NODES nodes of the production jar on
# 127.0.0.1, then Gatling (mvn -Pload gatling:test) for SECONDS seconds; everything stopped after.
#   load/run.sh [NODES] [SECONDS]          e.g. load/run.sh 2 600   (defaults: 1 node, 180 s)
# Set LOAD_BUILD=1 to rebuild the production jar first (it is built when missing), LOAD_NODE_JVM_OPTIONS to
# give the nodes' JVMs more options (e.g. -XX:StartFlightRecording=filename=node.jfr,settings=profile: a
# relative file lands in each node's data directory).
set -eu
cd "$(dirname "$0")/.."
NODES=${1:-1}
SECONDS_=${2:-180}
JAR=target/review-desk-0.1.0-SNAPSHOT.jar
mkdir -p target/load
if [ ! -f "$JAR" ] || [ "${LOAD_BUILD:-0}" = 1 ]; then
    mvn -o -q -Pproduction package -DskipTests
fi
# the simulation and the environment (load/java) compile into the test classes only with -Pload
mvn -o -q -Pload test-compile
# the environment's own classpath: the application, its test dependencies (zonky, s3proxy), the load
# classes alone (not the other test classes, which Spring's component scan would pick up), no Gatling
mvn -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/load/classpath.txt
rm -rf target/load/classes && mkdir -p target/load/classes/org/reviewdesk
cp -r target/test-classes/org/reviewdesk/load target/load/classes/org/reviewdesk/
# and the reliability suite's launcher of nodes (PostgreSQL, the S3 server, the SMS gateway, the jar's JVMs)
mkdir -p target/load/classes/org/reviewdesk/reliability
cp target/test-classes/org/reviewdesk/reliability/ClusterNodes*.class target/test-classes/org/reviewdesk/reliability/S3ServerMain.class \
    target/test-classes/org/reviewdesk/reliability/SmsGateway*.class target/load/classes/org/reviewdesk/reliability/
java -Xmx768m -cp "target/classes:target/load/classes:$(cat target/load/classpath.txt)" \
    -Dload.nodes="$NODES" -Dload.duration="$SECONDS_" -Dload.jar="$JAR" -Dload.nodeJvmOptions="${LOAD_NODE_JVM_OPTIONS:-}" \
    org.reviewdesk.load.LoadEnvironment 2>&1 | tee "target/load/run-${NODES}-node-${SECONDS_}s.log"
