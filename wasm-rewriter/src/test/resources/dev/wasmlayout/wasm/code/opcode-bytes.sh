#!/usr/bin/env bash
# Rebuilds opcode-bytes.txt, the oracle OpcodeRoundTripTest checks the opcode table against: for each
# instruction of all-opcodes.wat (assembled by wabt into all-opcodes.wasm), its final spec mnemonic (the
# ;; comment where wabt's name differs) and the opcode bytes wabt wrote for it (one byte, or a prefix byte
# and its LEB128 sub-opcode), as wasm-objdump shows them. try_table and throw_ref, which wabt 1.0.32
# predates, are appended from the exception-handling spec by hand.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
names="$(awk '/^[[:space:]]*\(func/ {f=1; next} f && !/^[[:space:]]*\)/ && NF { if (match($0, /;;/)) { s=substr($0, RSTART+2); gsub(/^[ \t]+|[ \t]+$/, "", s); print s } else print $1 }' all-opcodes.wat)"
bytes="$(wasm-objdump -d all-opcodes.wasm | awk -F'|' 'NF > 1 && $2 !~ /^ *$/ && $2 !~ /local\[/ {
  split($1, a, ":"); n = split(a[2], b, " ");
  out = b[1];
  if (b[1] == "fc" || b[1] == "fd" || b[1] == "fe") { i = 2; out = out " " b[i]; while (b[i] ~ /^[89a-f]/) { i++; out = out " " b[i] } }
  print out }')"
{
  echo "# mnemonic, then the opcode bytes (hex); made by opcode-bytes.sh from wabt's encoding of all-opcodes.wat"
  paste -d' ' <(echo "$names") <(echo "$bytes") | awk 'NF >= 2 && !seen[$0]++' # the function's final end has no line of its own
  echo "throw_ref 0a"
  echo "try_table 1f"
} > opcode-bytes.txt
