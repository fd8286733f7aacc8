# ARG defaults are resolved first: this default has no tag
ARG BASE=python
# hadolint's wiki example
# expect: DL3006
FROM debian
# expect: DL3006
FROM ${BASE}
