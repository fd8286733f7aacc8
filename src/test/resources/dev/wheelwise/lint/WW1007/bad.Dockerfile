# expect: WW1007
FROM python:3.8-alpine
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
