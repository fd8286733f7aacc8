FROM python:3.8-alpine
COPY requirements.txt .
# expect: WW1002
RUN pip install --no-cache-dir -r requirements.txt
