FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends python3-pip && rm -rf /var/lib/apt/lists/*
# expect: WW1004
RUN pip install --no-cache-dir flask==3.0.0
FROM python:3.12
# expect: WW1004
RUN pip install --no-cache-dir --break-system-packages flask==3.0.0
