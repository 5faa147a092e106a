# SPDX-License-Identifier: GPL-3.0-or-later
# Tests of the po filter (included from tests/local.mk).
CLI_TESTS += \
	tests/cli/t6061-po-roundtrip.sh \
	tests/cli/t6062-po-encodings.sh \
	tests/cli/t6063-po-segment-golden.sh \
	tests/cli/t6064-po-units.sh \
	tests/cli/t6065-po-full-cycle.sh \
	tests/cli/t6066-po-msgcat-wrap.sh \
	tests/cli/t6067-po-fuzzy.sh \
	tests/cli/t6068-po-bad-input.sh \
	tests/cli/t6069-po-plurals.sh
