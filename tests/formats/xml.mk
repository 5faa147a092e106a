# SPDX-License-Identifier: GPL-3.0-or-later
# Tests of the xml filter (included from tests/local.mk).
