# tests/fuzz/replay.cmake: every fuzz target as an ordinary test. Included from
# tests/CMakeLists.txt:
#
#   include(${CMAKE_CURRENT_SOURCE_DIR}/fuzz/replay.cmake)
#
# For each target T it builds replay_T (tests/fuzz/fuzz_T.c + standalone_driver.c, linked to
# facta_core, so it gets whatever sanitizers the build uses) and adds the test
# fuzz_replay_T (label c), which replays every file of tests/fuzz/corpus/T from the
# repository root.

set(FACTA_FUZZ_REPLAY_TARGETS rules extract json norm pack)
foreach(t ${FACTA_FUZZ_REPLAY_TARGETS})
  add_executable(replay_${t} ${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz_${t}.c
                             ${CMAKE_SOURCE_DIR}/tests/fuzz/standalone_driver.c)
  target_link_libraries(replay_${t} PRIVATE facta_core m)
  target_include_directories(replay_${t} PRIVATE ${CMAKE_SOURCE_DIR}/lib)
  target_compile_options(replay_${t} PRIVATE ${FACTA_WARN})
  add_test(NAME fuzz_replay_${t}
           COMMAND replay_${t} ${CMAKE_SOURCE_DIR}/tests/fuzz/corpus/${t}
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(fuzz_replay_${t} PROPERTIES LABELS c TIMEOUT 300)
endforeach()
