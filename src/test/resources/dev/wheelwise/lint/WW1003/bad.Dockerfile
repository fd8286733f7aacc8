FROM python:3.12-slim AS unrelated
RUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*
FROM python:3.12-alpine
# expect: WW1003
RUN apk add --no-cache gcc musl-dev && pip install --no-cache-dir cffi==1.17.1
# removed only by a later RUN: the layer keeps it
# expect: WW1003
RUN apk add --no-cache libffi-dev
RUN pip install --no-cache-dir cryptography==43.0.1
RUN apk del libffi-dev
