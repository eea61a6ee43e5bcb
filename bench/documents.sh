#!/usr/bin/env bash
# Document rendering benchmark (issue 18): invoices rendered per second on ONE core (taskset -c 0, one active
# processor for the JVM), and the PDF of a month report with charts for 50 shops. No server needed: it renders
# with documents-module's classes as the server does (FreeMarker template -> openhtmltopdf -> PDF/A-2b,
# Liberation fonts, JFreeChart vectors). The report's SQL over a month of data: bench/report-run.sh.
#
#   mvn -B -ntp -DskipTests package     # once: the modules' classes
#   bench/documents.sh [seconds]        # seconds of invoice rendering, default 20
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-20}"
mvn -B -ntp -q -DskipTests -pl documents-module -am compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp \
  -Dmdep.includeScope=test
CP="documents-module/target/classes:domain-module/target/classes:$(cat documents-module/target/bench.cp)"
mkdir -p target/documents-bench
javac -d target/documents-bench -cp "$CP" bench/DocumentsBench.java
PIN=()
command -v taskset > /dev/null && PIN=(taskset -c 0)
"${PIN[@]}" java -Xmx512m -XX:ActiveProcessorCount=1 -Djava.awt.headless=true \
  -Djava.util.logging.config.file=/dev/null -cp "target/documents-bench:$CP" DocumentsBench "$SECONDS_TO_RUN"
