# ARG defaults resolved first (hadolint#219): tagged
ARG PY=3.12
# an ARG with no value: unknown, not untagged
ARG UNSET
FROM debian:jessie
FROM python:${PY}-slim AS build
# an earlier stage is not an image
FROM build
FROM scratch
FROM python@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
FROM ${UNSET}
