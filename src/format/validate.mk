# SPDX-License-Identifier: GPL-3.0-or-later
# src/format/validate.mk: bitext validate (sources, schemas, tests).
# Included by the top Makefile.am after src/local.mk.

src_libbitext_a_SOURCES += \
	src/core/datadir.c src/core/datadir.h \
	src/format/validate.c src/format/validate.h \
	src/format/validate-internal.h \
	src/format/validate-fragid.c \
	src/format/validate-tmx.c \
	src/format/validate-util.c \
	src/format/validate-xliff12.c \
	src/format/validate-xliff2.c \
	src/format/validate-xliff2-modules.c \
	src/format/validate-xliff2-unit.c
src_bitext_SOURCES += src/cmd-validate.c

# The official schemas (see data/schemas/PROVENANCE.md), installed under
# $(pkgdatadir)/schemas with the folder layout their imports expect.
schemasdir = $(pkgdatadir)/schemas
dist_schemas_DATA = \
	data/schemas/xml.xsd \
	data/schemas/tmx14.dtd \
	data/schemas/xliff-core-1.2-strict.xsd \
	data/schemas/xliff-core-1.2-transitional.xsd \
	data/schemas/xliff20-all.xsd \
	data/schemas/xliff2-all.xsd \
	data/schemas/xliff_core_2.0.xsd \
	data/schemas/change_tracking.xsd \
	data/schemas/fs.xsd \
	data/schemas/glossary.xsd \
	data/schemas/its.xsd \
	data/schemas/itsm.xsd \
	data/schemas/matches.xsd \
	data/schemas/metadata.xsd \
	data/schemas/resource_data.xsd \
	data/schemas/size_restriction.xsd \
	data/schemas/validation.xsd \
	data/schemas/xliff22-all.xsd
schemas20dir = $(schemasdir)/xliff20
dist_schemas20_DATA = data/schemas/xliff20/xliff_core_2.0.xsd
schemas20modulesdir = $(schemas20dir)/modules
dist_schemas20modules_DATA = \
	data/schemas/xliff20/modules/change_tracking.xsd \
	data/schemas/xliff20/modules/fs.xsd \
	data/schemas/xliff20/modules/glossary.xsd \
	data/schemas/xliff20/modules/matches.xsd \
	data/schemas/xliff20/modules/metadata.xsd \
	data/schemas/xliff20/modules/resource_data.xsd \
	data/schemas/xliff20/modules/size_restriction.xsd \
	data/schemas/xliff20/modules/validation.xsd
schemas20thirddir = $(schemas20dir)/informativeCopiesOf3rdPartySchemas
dist_schemas20third_DATA = \
	data/schemas/xliff20/informativeCopiesOf3rdPartySchemas/readme.txt
schemas20w3cdir = $(schemas20thirddir)/w3c
dist_schemas20w3c_DATA = \
	data/schemas/xliff20/informativeCopiesOf3rdPartySchemas/w3c/xml.xsd
schemas22dir = $(schemasdir)/xliff22
dist_schemas22_DATA = \
	data/schemas/xliff22/xliff_core_2.2.xsd \
	data/schemas/xliff22/fs.xsd \
	data/schemas/xliff22/glossary.xsd \
	data/schemas/xliff22/its.xsd \
	data/schemas/xliff22/matches.xsd \
	data/schemas/xliff22/metadata.xsd \
	data/schemas/xliff22/plural_gender_select.xsd \
	data/schemas/xliff22/resource_data.xsd \
	data/schemas/xliff22/size_restriction.xsd \
	data/schemas/xliff22/validation.xsd
EXTRA_DIST += data/schemas/PROVENANCE.md

# Tests (fixtures under tests/data/validate/, shipped with tests/data).
VALIDATE_TESTS = \
	tests/cli/t3101-validate-fixtures.sh \
	tests/cli/t3102-validate-xliff2-rules.sh \
	tests/cli/t3103-validate-suites.sh \
	tests/cli/t3104-validate-tmx.sh \
	tests/cli/t3105-validate-bad-input.sh \
	tests/cli/t3106-validate-xml-attacks.sh \
	tests/cli/t3107-validate-output.sh
TESTS += $(VALIDATE_TESTS)
EXTRA_DIST += $(VALIDATE_TESTS) man/bitext-validate.x

# Unit tests of the data folder, language tags and fragment identifiers.
check_PROGRAMS += tests/unit/test-validate
TESTS += tests/unit/test-validate
tests_unit_test_validate_SOURCES = tests/unit/test-validate.c tests/unit/tap.h
tests_unit_test_validate_CPPFLAGS = $(UNIT_CPPFLAGS) $(LIBXML_CFLAGS)
tests_unit_test_validate_LDADD = $(UNIT_LDADD)
