# The documentation: the MkDocs site builds with no warning (a link to a missing page fails it)
# and every #anchor between its pages exists; every relative link of the
# README names an existing file. docs.build is skipped only where mkdocs is not installed.
add_test(NAME docs.build COMMAND python3 ${SCRIPTS}/check_docs.py site ${PROJECT_SOURCE_DIR} ${CMAKE_BINARY_DIR}/site)
set_tests_properties(docs.build PROPERTIES LABELS "unit;docs" SKIP_RETURN_CODE 77)
add_test(NAME docs.readme_links COMMAND python3 ${SCRIPTS}/check_docs.py readme ${PROJECT_SOURCE_DIR}/README.md)
set_tests_properties(docs.readme_links PROPERTIES LABELS "unit;docs")
