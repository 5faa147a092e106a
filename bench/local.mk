# bench/local.mk — `make bench`: throughput and peak RSS of segment, extract, merge (per
# document format), coverage and align, each beside a baseline measured in the same run
# (see bench/README.md).  Included from the top-level Makefile.am; not part of
# `make check`.  Corpora are built under $(top_builddir)/bench/work, never in the source
# tree, so this works in a read-only source tree (make distcheck).
# `make clean` removes bench/work once the top-level Makefile.am has
#   clean-local: clean-local-bench

EXTRA_DIST += \
	bench/README.md \
	bench/bench-formats.sh \
	bench/bench-segment.sh \
	bench/bench-xliff.sh \
	bench/lib.sh \
	bench/make-corpus.sh \
	bench/make-html.sh \
	bench/make-json.sh \
	bench/make-markdown.sh \
	bench/make-po.sh \
	bench/make-xml.sh

.PHONY: bench clean-local-bench

bench: src/bitext$(EXEEXT)
	BITEXT='$(abs_top_builddir)/src/bitext$(EXEEXT)' \
	BITEXT_DATADIR='$(abs_top_srcdir)/data' \
	CORPORA='$(abs_top_srcdir)/corpora' \
	BENCH_WORK='$(abs_top_builddir)/bench/work' \
	$(SHELL) '$(srcdir)/bench/bench-segment.sh'
	BITEXT='$(abs_top_builddir)/src/bitext$(EXEEXT)' BITEXT_DATADIR='$(abs_top_srcdir)/data' CORPORA='$(abs_top_srcdir)/corpora' BENCH_WORK='$(abs_top_builddir)/bench/work' XMLLINT='$(XMLLINT)' $(SHELL) '$(srcdir)/bench/bench-coverage.sh'
	BITEXT='$(abs_top_builddir)/src/bitext$(EXEEXT)' \
	BITEXT_DATADIR='$(abs_top_srcdir)/data' \
	CORPORA='$(abs_top_srcdir)/corpora' \
	BENCH_WORK='$(abs_top_builddir)/bench/work' \
	$(SHELL) '$(srcdir)/bench/bench-xliff.sh'
	BITEXT='$(abs_top_builddir)/src/bitext$(EXEEXT)' BITEXT_DATADIR='$(abs_top_srcdir)/data' BENCH_WORK='$(abs_top_builddir)/bench/work' $(SHELL) '$(srcdir)/bench/bench-align.sh'
	BITEXT='$(abs_top_builddir)/src/bitext$(EXEEXT)' \
	BITEXT_DATADIR='$(abs_top_srcdir)/data' \
	CORPORA='$(abs_top_srcdir)/corpora' \
	BENCH_WORK='$(abs_top_builddir)/bench/work' \
	$(SHELL) '$(srcdir)/bench/bench-formats.sh'

clean-local-bench:
	-rm -rf bench/work
