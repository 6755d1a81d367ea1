# The recommended JVM options of the packaged app (docs/deployment.md, "Faster start" and "Memory"), in one
# place for scripts/cds-archive.sh and bench/run.sh; sourced, not run.
#   -Xmx256m -Xms64m -XX:+UseSerialGC      a small heap that grows only as far as it is used
#   -XX:TrimNativeHeapInterval=5000         freed native memory (mostly the JIT's) goes back to the system
#   -XX:Tier4…=10 × the JDK defaults        C2 leaves the code that only the start runs to C1
RECOMMENDED_JAVA_OPTS="-Xmx256m -Xms64m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000"
RECOMMENDED_JAVA_OPTS+=" -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000"
RECOMMENDED_JAVA_OPTS+=" -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000"
