# SPDX-License-Identifier: GPL-3.0-or-later
# man/: manual pages made by help2man from each command's --help and the
# man/*.x files beside them (description, examples, see also).
EXTRA_DIST += man/bitext.x man/bitext-align.x man/bitext-convert.x man/bitext-coverage.x man/bitext-extract.x man/bitext-merge.x man/bitext-segment.x man/bitext-validate.x

if HAVE_HELP2MAN
man_MANS = man/bitext.1 man/bitext-align.1 man/bitext-convert.1 man/bitext-coverage.1 man/bitext-extract.1 man/bitext-merge.1 man/bitext-segment.1 man/bitext-validate.1
CLEANFILES += $(man_MANS)

HELP2MAN_RUN = LC_ALL=C.UTF-8 LANGUAGE= BITEXT_DATADIR=$(abs_top_srcdir)/data \
	$(HELP2MAN) --no-info --no-discard-stderr --version-option=--version

man/bitext.1: src/bitext$(EXEEXT) $(srcdir)/man/bitext.x
	$(AM_V_GEN)$(MKDIR_P) man && $(HELP2MAN_RUN) \
	  --name='translation and alignment workbench' \
	  --include=$(srcdir)/man/bitext.x --output=$@ src/bitext$(EXEEXT)

man/bitext-%.1: src/bitext$(EXEEXT) $(srcdir)/man/bitext-%.x
	$(AM_V_GEN)$(MKDIR_P) man && $(HELP2MAN_RUN) \
	  --help-option='$* --help' \
	  --name="$$(src/bitext$(EXEEXT) --help | sed -n 's/^  $* *//p')" \
	  --include=$(srcdir)/man/bitext-$*.x --output=$@ src/bitext$(EXEEXT)
endif
