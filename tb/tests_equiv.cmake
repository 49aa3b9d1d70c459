# Equivalence of two generated designs (tb/scripts/equiv_designs.sh: flattened, registers
# matched by name, SAT with induction), the check that showed the read-out adder module equal
# to the inline adders it replaced (issue 26). Here: one OPT1 array with two read-out adder
# modules of different structure is proven the same function, and the proof fails when one
# gate of an adder is broken.
add_test(NAME formal.equiv_final_adders_os_2x3 COMMAND ${SCRIPTS}/equiv_final_adders.sh ${TPEGEN_BIN}
         ${WORK}/formal/equiv_final_adders --arch systolic-os --pe opt1 --rows 2 --cols 3 --a-width 4
         --b-width 4 --max-k 4)
add_test(NAME formal.equiv_negative COMMAND ${SCRIPTS}/expect_failure.sh "equiv: NOT proved"
         ${SCRIPTS}/equiv_final_adders.sh ${TPEGEN_BIN} ${WORK}/formal/equiv_negative --break
         --arch systolic-os --pe opt1 --rows 2 --cols 3 --a-width 4 --b-width 4 --max-k 4)
set_tests_properties(formal.equiv_final_adders_os_2x3 formal.equiv_negative PROPERTIES LABELS "formal")
