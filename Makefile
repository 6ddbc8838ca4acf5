# The README's commands. Everything a fresh machine lacks is installed here.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)
TS := $(wildcard resources/i18n/*.ts)
QM := $(TS:.ts=.qm)
# Qt's xcb platform and a Simplified-Chinese font; xvfb for a machine without a display;
# fonts-wqy-microhei: a TrueType CJK font reportlab can embed in referral PDFs; fonts-noto-color-emoji: emoji in
# posts drawn as emoji, not boxes. apt-utils (apt-ftparchive), gnupg: `make repo`.
DEB_PACKAGES := fonts-noto-cjk libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 \
	libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libegl1 libgl1 \
	libfontconfig1 libdbus-1-3 xvfb xauth poppler-utils sqlite3 \
	fonts-wqy-microhei fonts-noto-color-emoji apt-utils gnupg

.PHONY: run test bench eval starter-model lint system-deps venv i18n i18n-update clean

run: system-deps venv i18n
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ] && command -v xvfb-run >/dev/null; then \
		echo "No display here: starting the workstation on a virtual screen (xvfb-run)."; \
		xvfb-run -a $(PY) main.py --demo $(ARGS); \
	else $(PY) main.py --demo $(ARGS); fi

test: system-deps venv i18n lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

lint: venv
	$(VENV)/bin/ruff check moderator_app tests benchmarks scripts main.py
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

bench: system-deps venv i18n
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run.py $(ARGS)

# Suggestion quality on public labelled sets cached in build/eval-data/ (not committed; a missing set is named
# with how to get it, and skipped). Not part of `make test`.
eval: venv
	$(PY) benchmarks/eval_suggestions.py $(ARGS)

# Rebuild resources/suggestions/starter-model.npz from SWSR (MIT) in build/train-data/ (the script says how to get it).
starter-model: venv
	$(PY) scripts/build_starter_model.py

venv: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[demo,dev]'
	@rm -f $(VENV)/.installed-* && touch $@

i18n: venv $(QM)

resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

# Refresh the .ts sources from the code (then translate the new strings in Qt Linguist or by hand).
i18n-update: venv
	$(VENV)/bin/pyside6-lupdate $$(find moderator_app/ui -name '*.py') -ts $(TS) -no-obsolete

system-deps:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing system packages:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
		else \
			echo "Missing system packages; run: sudo apt-get install$$missing"; \
		fi; \
	fi

clean:
	rm -rf $(VENV) build dist resources/i18n/*.qm .pytest_cache .mypy_cache .ruff_cache

# The workstation installer: PyInstaller bundle + Debian package in build/installer/ (docs/installing.md).
.PHONY: installer packaging-tools
installer: system-deps venv i18n packaging-tools
	$(PY) packaging/build_deb.py

# A signed apt repository (build/repo) from the .deb made by `make installer`; REPO_KEY=<gpg key> signs it with
# the organisation's key (docs/installing.md, "Updates").
.PHONY: repo
repo: system-deps
	packaging/build_repo.sh $(DEB)

# The runbook on a clean Debian root (debootstrap chroot): tests/packaging/test_clean_debian_root.py. Needs root.
.PHONY: test-clean-root
test-clean-root: system-deps venv i18n packaging-tools
	@command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
	MODAPP_TEST_CLEAN_ROOT=1 QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/packaging/test_clean_debian_root.py $(PYTEST_ARGS)

packaging-tools: venv
	@$(PY) -c "import PyInstaller" 2>/dev/null || $(PY) -m pip install --quiet -e '.[packaging]'

# tests/packaging builds the .deb, so the suite needs PyInstaller too.
test: packaging-tools
# The reliability and security suite (docs/reliability.md): network faults, kill -9, two workstations, audit
# tampering, hostile input, secrets and TLS. Kept out of `make test` (it takes longer than the rest); CI runs both.
.PHONY: reliability
reliability: system-deps venv i18n
	QT_QPA_PLATFORM=offscreen MODAPP_RELIABILITY_FIGURES=build/reliability-figures.json \
		$(PY) -m pytest -m reliability tests/reliability -p no:cacheprovider $(PYTEST_ARGS)
