# --help of every command reads as prose (no CLI11 placeholders, real defaults).
add_test(NAME cli.help_text COMMAND ${SCRIPTS}/check_help_text.sh ${TPEGEN_BIN})
set_tests_properties(cli.help_text PROPERTIES LABELS "unit")
