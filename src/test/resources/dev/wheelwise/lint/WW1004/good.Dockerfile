FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends python3-pip python3-venv && rm -rf /var/lib/apt/lists/*
RUN python3 -m venv /opt/venv
RUN /opt/venv/bin/pip install --no-cache-dir flask==3.0.0
FROM python:3.12
RUN pip install --no-cache-dir flask==3.0.0
