FROM python:3.12-alpine
RUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip install --no-cache-dir cffi==1.17.1 && apk del .build-deps
FROM python:3.12-slim
RUN apt-get update && apt-get install -y --no-install-recommends build-essential \
 && pip install --no-cache-dir psutil==6.0.0 \
 && apt-get purge -y build-essential && rm -rf /var/lib/apt/lists/*
