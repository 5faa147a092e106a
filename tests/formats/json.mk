# SPDX-License-Identifier: GPL-3.0-or-later
# Tests of the json filter (included from tests/local.mk).
CLI_TESTS += \
	tests/cli/t6081-json-roundtrip.sh \
	tests/cli/t6082-json-units.sh \
	tests/cli/t6083-json-segment-golden.sh \
	tests/cli/t6084-json-full-cycle.sh \
	tests/cli/t6085-json-bad-input.sh \
	tests/cli/t6086-json-style.sh \
	tests/cli/t6087-json-locale.sh
