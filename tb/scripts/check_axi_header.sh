#!/usr/bin/env bash
# Generates a --wrap axi design and compiles a small program against its <top>_regs.h:
# the header is valid C99 under -Wall -Werror, and its driver functions and field macros work
# on a fake register window and record (values read back through the put/get helpers).
# usage: check_axi_header.sh TPEGEN WORKDIR [design flags...]
set -euo pipefail
manifest_field=$(cd "$(dirname "$0")" && pwd)/manifest_field.py
tpegen=$1; work=$2; shift 2
rm -rf "$work"
"$tpegen" generate --wrap axi "$@" -o "$work/design" >/dev/null
cd "$work/design"
top=$("$manifest_field" manifest.json top)
P=$(echo "$top" | tr a-z A-Z)
[ -f "${top}_regs.h" ] || { echo "no ${top}_regs.h"; exit 1; }
cat > "$work/main.c" <<C
#include "${top}_regs.h"
#include <stdio.h>
int main(void) {
  static volatile uint32_t regs[16];
  uint8_t rec[${P}_IN_BYTES] = {0};
  regs[${P}_REG_STATUS / 4] = ${P}_STATUS_DONE;
  if (${top}_start(regs, 5, 7, 3) != 0 || regs[${P}_REG_M / 4] != 5 || regs[${P}_REG_K / 4] != 7 || regs[${P}_REG_N / 4] != 3) return 1;
  if (regs[${P}_REG_CTRL / 4] != ${P}_CTRL_START || ${top}_wait(regs) != 0) return 2;
  ${top}_put(rec, ${P}_IN_A_I_LSB + ${P}_A_WIDTH, ${P}_A_WIDTH, 0xA5);
  ${top}_put(rec, ${P}_IN_VALID_I_LSB, 1, 1);
  if (${top}_get(rec, ${P}_IN_A_I_LSB + ${P}_A_WIDTH, ${P}_A_WIDTH) != (0xA5u & ((1u << ${P}_A_WIDTH) - 1))) return 3;
  if (${top}_get(rec, ${P}_IN_A_I_LSB, ${P}_A_WIDTH) != 0 || ${top}_get(rec, ${P}_IN_VALID_I_LSB, 1) != 1) return 4;
  printf("header ok: %d-bit input records in %d beats\n", ${P}_IN_BITS, ${P}_IN_BEATS);
  return 0;
}
C
cc -std=c99 -Wall -Wextra -Werror -I. -o "$work/main" "$work/main.c"
"$work/main"
