#!/usr/bin/env bash
# Runs docs/spark.md's spark-submit line for real without a Spark download: a SPARK_HOME whose jars/
# are spark-sql_2.13 3.5.8 and its dependencies from the local Maven repository, and bin/spark-submit's
# own steps (Spark's launcher, org.apache.spark.launcher.Main, prints the java command that runs
# org.apache.spark.deploy.SparkSubmit; this script runs it, as bin/spark-class does).
# Usage, from the repository root: examples/spark/spark-submit-local.sh PIPELINE.yaml OUT_DIR
set -euo pipefail
pipeline=$1 out=$2
home=target/spark-home
mvn -B -q -o package -DskipTests -pl plugins/spark,packaging/starter -am dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.pathSeparator=, -Dmdep.outputFile=target/runtime-jars.txt
if [ ! -f "$home/RELEASE" ]; then
  mkdir -p "$home/jars" target/spark-dist
  cat > target/spark-dist/pom.xml <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>spark-dist</artifactId><version>1</version>
  <dependencyManagement><dependencies><dependency><groupId>com.fasterxml.jackson</groupId><artifactId>jackson-bom</artifactId>
    <version>2.15.2</version><type>pom</type><scope>import</scope></dependency></dependencies></dependencyManagement>
  <dependencies><dependency><groupId>org.apache.spark</groupId><artifactId>spark-sql_2.13</artifactId><version>3.5.8</version></dependency></dependencies>
</project>
POM
  (cd target/spark-dist && mvn -B -q -o dependency:copy-dependencies -DoutputDirectory="$PWD/../../$home/jars")
  echo "Spark 3.5.8: spark-sql_2.13 and its dependencies" > "$home/RELEASE"
fi
jars=$(tr ',' '\n' < packaging/starter/target/runtime-jars.txt | grep -v '/com/fasterxml/jackson/\|/org/slf4j/' | paste -sd,)
cmd=()
while IFS= read -d $'\0' -r arg; do
  arg=${arg#$'\n'}
  [ ${#cmd[@]} = 0 ] && [ -z "$arg" ] && continue
  cmd+=("$arg")
done < <(SPARK_HOME=$home SPARK_SCALA_VERSION=2.13 java -Xmx128m -cp "$home/jars/*" org.apache.spark.launcher.Main \
    org.apache.spark.deploy.SparkSubmit --class dev.mtl4j.spark.SparkTrain --master 'local[2]' --jars "$jars" \
    --conf spark.driver.userClassPathFirst=true --conf spark.executorEnv.OMP_NUM_THREADS=1 \
    plugins/spark/target/mtl4j-spark-0.1.0-SNAPSHOT.jar "$pipeline" --out "$out"; printf '%d\0' $?)
last=$((${#cmd[@]} - 1))
[ "${cmd[$last]}" != 0 ] && exit "${cmd[$last]}"
SPARK_HOME=$home exec "${cmd[@]:0:$last}"
