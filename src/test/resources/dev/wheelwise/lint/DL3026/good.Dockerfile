FROM python:3.12
FROM docker.io/library/debian:12
