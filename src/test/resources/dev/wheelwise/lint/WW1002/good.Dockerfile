FROM python:3.8-alpine
RUN apk add --no-cache build-base openblas-dev pkgconf
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
