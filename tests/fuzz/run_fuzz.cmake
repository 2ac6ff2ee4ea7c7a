# One bounded libFuzzer run: starts from an empty working corpus (so a run is
# reproducible from the seeds in CORPUS and -seed=1), fuzzes for SECONDS, and
# fails if the fuzzer found a crash, a leak, a sanitizer report or a hang.
# cmake -DFUZZER=bin -DCORPUS=dir -DWORK=dir -DSECONDS=n [-DDICT=file] -P this
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/corpus ${WORK}/artifacts)
set(args -max_total_time=${SECONDS} -seed=1 -timeout=10 -rss_limit_mb=2048
    -print_final_stats=1 -artifact_prefix=${WORK}/artifacts/)
if(DICT)
  list(APPEND args -dict=${DICT})
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E env UBSAN_OPTIONS=print_stacktrace=1
    ${FUZZER} ${args} ${WORK}/corpus ${CORPUS}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  file(GLOB found ${WORK}/artifacts/*)
  message(FATAL_ERROR "${FUZZER} failed (${rc}); input: ${found}\n"
    "reproduce: ${FUZZER} INPUT; minimise: ${FUZZER} -minimize_crash=1 "
    "-runs=10000 INPUT")
endif()
