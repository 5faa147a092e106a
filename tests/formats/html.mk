# SPDX-License-Identifier: GPL-3.0-or-later
# Tests of the html filter (included from tests/local.mk).
