# The documentation: the MkDocs site builds with no warning (a link to a missing page fails it)
# and every #anchor between its pages exists; every relative link of the
# README names an existing file. docs.build is skipped only where mkdocs is not installed.
add_test(NAME docs.build COMMAND python3 ${SCRIPTS}/check_docs.py site ${PROJECT_SOURCE_DIR} ${CMAKE_BINARY_DIR}/site)
set_tests_properties(docs.build PROPERTIES LABELS "unit;docs" SKIP_RETURN_CODE 77)
add_test(NAME docs.readme_links COMMAND python3 ${SCRIPTS}/check_docs.py readme ${PROJECT_SOURCE_DIR}/README.md)
set_tests_properties(docs.readme_links PROPERTIES LABELS "unit;docs")
# The reference pages generated from the code, and the help text they share with --help.
add_test(NAME docs.current COMMAND ${SCRIPTS}/check_docs_reference.sh ${TPEGEN_BIN} ${PROJECT_SOURCE_DIR}
         ${WORK}/docs-reference)
set_tests_properties(docs.current PROPERTIES LABELS "unit")
add_test(NAME cli.help_text COMMAND ${SCRIPTS}/check_help_text.sh ${TPEGEN_BIN})
set_tests_properties(cli.help_text PROPERTIES LABELS "unit")
# `tpegen docs` does not replace a page it did not write.
add_test(NAME cli.usage.docs_foreign_page COMMAND ${SCRIPTS}/expect_usage_error.sh
         "invalid --out = '.*tb/scripts/testdata/docs_foreign': cli.md was not written by tpegen docs; pass --force"
         ${TPEGEN_BIN} docs --out ${CMAKE_CURRENT_SOURCE_DIR}/scripts/testdata/docs_foreign)
set_tests_properties(cli.usage.docs_foreign_page PROPERTIES LABELS "unit")
# The architecture pages' port tables list every port in the module's order (the AXI records' field order).
add_test(NAME docs.port_tables COMMAND python3 ${SCRIPTS}/check_port_tables.py ${TPEGEN_BIN} ${PROJECT_SOURCE_DIR}
         ${WORK}/docs-port-tables)
set_tests_properties(docs.port_tables PROPERTIES LABELS "unit;docs")
# Dependencies point down: every include of generator/src and model/ against the layer order
# that docs/contributing.md writes down (one block, read by the script).
add_test(NAME docs.layers COMMAND python3 ${SCRIPTS}/check_layers.py ${PROJECT_SOURCE_DIR})
set_tests_properties(docs.layers PROPERTIES LABELS "unit;docs")
# Adding an architecture checks itself: every architecture of `tpegen list --json` has its tests,
# generated/ design, docs page, diagram and harness driver ("missing in ..." names a gap), and a
# registered architecture with nothing else fails the check with its nine places named.
add_test(NAME docs.arch_complete COMMAND python3 ${SCRIPTS}/check_arch_complete.py ${TPEGEN_BIN} ${PROJECT_SOURCE_DIR})
set_tests_properties(docs.arch_complete PROPERTIES LABELS "unit;docs")
add_test(NAME docs.arch_complete_detects COMMAND ${SCRIPTS}/expect_failure.sh
         "^FAIL: 9 place\\(s\\) missing for [0-9]+ architectures$"
         python3 ${SCRIPTS}/check_arch_complete.py ${TPEGEN_BIN} ${PROJECT_SOURCE_DIR} --extra-arch dummy-arch)
set_tests_properties(docs.arch_complete_detects PROPERTIES LABELS "unit;docs")
