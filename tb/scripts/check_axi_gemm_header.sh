#!/usr/bin/env bash
# Generates a --wrap axi-gemm design and compiles a small program against its <top>_regs.h:
# the header is valid C99 under -Wall -Wextra -Werror, its beat formulas give the counts of
# AXI_DESIGN.md §1 (the issue's 9 x 1 x 9 job: 81 output beats at 32 bits), the functions
# agree with the macros, and the limits agree with the manifest; the generated C driver
# (<top>_driver.h/.c) compiles without a warning as C99 and as C++ (-Wall -Wextra -pedantic
# -Werror), links with the program, and refuses bad sizes naming the size.
# usage: check_axi_gemm_header.sh TPEGEN WORKDIR [design flags...]
set -euo pipefail
manifest_field=$(cd "$(dirname "$0")" && pwd)/manifest_field.py
tpegen=$1; work=$2; shift 2
rm -rf "$work"
"$tpegen" generate --wrap axi-gemm --axis-width 32 "$@" -o "$work/design" >/dev/null
cd "$work/design"
top=$("$manifest_field" manifest.json top)
P=$(echo "$top" | tr a-z A-Z)
[ -f "${top}_regs.h" ] || { echo "no ${top}_regs.h"; exit 1; }
klimit=$(python3 -c "import json; print(json.load(open('manifest.json'))['axi_gemm']['limits']['k'])")
cat > "$work/main.c" <<C
#include "${top}_driver.h"
#include <stdio.h>
int main(void) {
  ${top}_c_t c = -1;
  if (${P}_BUS_BYTES != 4u || ${P}_C_BYTES != 4u || ${P}_A_BYTES != 1u || sizeof c != 4 || c >= 0) return 1;
  if (${P}_OUT_BEATS(9, 9) != 81u || ${top}_out_beats(9, 9) != 81u) return 2;
  /* B: 1 row of 9 bytes = 3 beats; A: 9 rows of 1 byte = 1 beat each */
  if (${P}_IN_BEATS(9, 1, 9) != 12u || ${top}_in_beats(9, 1, 9) != 12u) return 3;
  if (${P}_ROW_BEATS(4, 1) != 1u || ${P}_ROW_BEATS(5, 1) != 2u) return 4;
  if (${P}_K_LIMIT != ${klimit}u || !${top}_sizes_ok(1, ${P}_K_LIMIT, 1) || ${top}_sizes_ok(1, ${P}_K_LIMIT + 1u, 1)) return 5;
  if (${top}_sizes_ok(0, 1, 1) || ${top}_sizes_ok(${P}_M_LIMIT + 1u, 1, 1) || ${top}_sizes_ok(1, 1, ${P}_N_LIMIT + 1u)) return 6;
  if (${P}_REG_ID != 0x50u || ${P}_REG_K_LIMIT != 0x3Cu) return 7;
  if (${top}_check_sizes(1, 1, 1) != 0u || ${top}_check_sizes(0, 1, ${P}_N_LIMIT + 1u) != (${P}_ERROR_SIZE | ${P}_DRV_BAD_M | ${P}_DRV_BAD_N)) return 8;
  if (${top}_check_sizes(1, ${P}_K_LIMIT + 1u, 1) != (${P}_ERROR_SIZE | ${P}_DRV_BAD_K) || ${top}_init(NULL) != ${P}_DRV_BAD_ARGS) return 9;
  printf("header and driver ok: %u-byte beats, limits %u x %u x %u\n", ${P}_BUS_BYTES, ${P}_M_LIMIT, ${P}_K_LIMIT, ${P}_N_LIMIT);
  return 0;
}
C
for f in "${top}_driver.h" "${top}_driver.c"; do [ -f "$f" ] || { echo "no $f"; exit 1; }; done
grep -q "\"${top}_driver.c\"" manifest.json || { echo "the manifest does not list ${top}_driver.c"; exit 1; }
# Only <stdint.h> and <stddef.h> (and the design's own header).
if grep -h '^#include' "${top}_driver.h" "${top}_driver.c" "${top}_regs.h" | grep -v -e '<stdint.h>' -e '<stddef.h>' -e "\"${top}_"; then
  echo "the driver includes more than stdint.h and stddef.h"; exit 1
fi
gcc -std=c99 -pedantic -Wall -Wextra -Werror -O2 -c -o "$work/driver.o" "${top}_driver.c"
g++ -x c++ -std=c++17 -pedantic -Wall -Wextra -Werror -O2 -c -o "$work/driver_cxx.o" "${top}_driver.c"
cc -std=c99 -pedantic -Wall -Wextra -Werror -I. -o "$work/main" "$work/main.c" "$work/driver.o"
"$work/main"
