ARG TAG=latest
# expect: DL3007
FROM debian:latest
# expect: DL3007
FROM python:${TAG}
